/**
 * `JSON.stringify(value, null, 2)` written in pieces (issue 15): `balans report --json` on a large
 * workbook prints tens of megabytes, and building them as one string (then a copy with the final
 * newline, then the stream's buffer) cost as much memory as the analysis. The bytes are the same
 * as `JSON.stringify(value, null, 2)`; a test compares them.
 *
 * Long arrays are walked element by element, and so is every object or array that holds one
 * or holds many values; everything else (a row, a problem, a short list) is stringified
 * natively, in runs of up to {@link BATCH} array elements, at its depth: inside as many arrays
 * as it is deep, so that JSON.stringify indents it, and cut out of them.
 */

/** Arrays longer than this are walked, and so is everything that holds one. */
const LONG_ARRAY = 16;
/** Values with more than this many values inside are walked too. */
const SMALL = 256;
/** Consecutive elements of a walked array that are stringified together. */
const BATCH = 32;
/** Pieces are gathered up to about this many characters before each `write`. */
const CHUNK = 1 << 14;

const INDENT = "  ";

/**
 * An array for {@link writeJson} whose elements are made as they are written and let go after
 * (issue 15: the 50 000 rows of `report --json` cost 9 MB more as objects made beforehand).
 * Anything else that serialises it (JSON.stringify) sees the whole array, through `toJSON`.
 */
export class MadeOnWrite<T> {
  constructor(
    readonly length: number,
    readonly make: (index: number) => T,
    /**
     * Every element is small (a flat record, as a report row): written natively a batch at a
     * time without looking inside each one first. Wrong output never follows from it, only
     * more memory for an element that holds a long list.
     */
    readonly small = false,
  ) {}

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.make(i));
  }
}

/** `source` mapped by `map` on write ({@link MadeOnWrite}). */
export const mappedOnWrite = <S, T>(source: readonly S[], map: (item: S) => T, small = false): MadeOnWrite<T> =>
  new MadeOnWrite(source.length, (i) => map(source[i] as S), small);

/** What JSON.stringify leaves out of an object and writes as null in an array. */
const isSkipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

const isContainer = (v: unknown): v is object =>
  v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON !== "function";

/**
 * True when `value` is walked rather than stringified natively: it holds, at any depth, an array
 * longer than {@link LONG_ARRAY}, or more than {@link SMALL} values (a cycle counts as many).
 */
function isWalked(value: unknown): value is object {
  if (value instanceof MadeOnWrite) return true;
  if (!isContainer(value)) return false;
  let budget = SMALL;
  const large = (v: unknown): boolean => {
    if (--budget < 0 || v instanceof MadeOnWrite) return true;
    if (!isContainer(v)) return false;
    if (Array.isArray(v)) {
      if (v.length > LONG_ARRAY) return true;
      for (const item of v) if (large(item)) return true;
      return false;
    }
    for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key) && large((v as Record<string, unknown>)[key])) return true;
    return false;
  };
  return large(value);
}

/**
 * `JSON.stringify(value, null, 2)` as it reads at `depth`: stringified inside `depth` arrays, so
 * that JSON.stringify itself indents it, and cut out of them (a slice: no copy).
 */
function stringifyAt(value: unknown, depth: number): string | undefined {
  if (depth === 0) return JSON.stringify(value, null, 2) as string | undefined;
  let wrapped: unknown = value;
  for (let k = 0; k < depth; k++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each wrapping array k (0 outermost) opens with "[\n" and 2(k + 1) spaces and closes with "\n", 2k spaces and "]".
  const open = depth * 2 + depth * (depth + 1);
  const close = depth * 2 + depth * (depth - 1);
  return text.slice(open, text.length - close);
}

/**
 * Writes `JSON.stringify(value, null, 2) + end` through `write`, in chunks of about 16 000
 * characters (each stays in V8's young generation, so it is freed at once). As JSON.stringify: undefined, functions and symbols are left out of objects and are null in
 * arrays; `toJSON` is honoured (on a value inside a walked array its key is the index within its
 * batch, not within the array: no value Balans prints uses the key); a value JSON.stringify cannot
 * write (a cycle, a BigInt) throws. `value` itself must be something JSON.stringify writes as text
 * (not undefined, a function or a symbol).
 */
export function writeJson(value: unknown, write: (chunk: string) => void, end = ""): void {
  let buffer = "";
  const put = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = "";
    }
  };

  /** The walked values `walk` is inside of: a value met again is a cycle, as JSON.stringify says. */
  const open = new Set<object>();

  /** Writes `v` at `depth` (the caller has written the indentation of its first line). */
  const walk = (v: unknown, depth: number): void => {
    if (!isWalked(v)) {
      const text = stringifyAt(v, depth);
      if (text === undefined) throw new TypeError("writeJson: the value has no JSON text (undefined, a function or a symbol).");
      put(text);
      return;
    }
    if (open.has(v)) throw new TypeError("writeJson: Converting circular structure to JSON");
    open.add(v);
    try {
      walkInto(v, depth);
    } finally {
      open.delete(v);
    }
  };

  /** Elements that are not walked, in one native call, without their brackets: "\n    a,\n    b". */
  const plainRun = (items: readonly unknown[], depth: number): string => {
    const text = stringifyAt(items, depth) as string;
    return text.slice(1, text.length - 2 - INDENT.length * depth);
  };

  /** The elements of a walked array (after "[", before "]"); `first`: these start the array. */
  const putElements = (items: readonly unknown[], depth: number, inner: string, first: boolean): void => {
    for (let i = 0; i < items.length; ) {
      put(i === 0 && first ? "" : ",");
      const item: unknown = items[i];
      if (isWalked(item)) {
        put(inner);
        walk(item, depth + 1);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < items.length && j - i < BATCH && !isWalked(items[j])) j++;
      put(plainRun(items.slice(i, j), depth));
      i = j;
    }
  };

  const walkInto = (v: object, depth: number): void => {
    const inner = `\n${INDENT.repeat(depth + 1)}`;
    if (v instanceof MadeOnWrite) {
      if (v.length === 0) {
        put("[]");
        return;
      }
      // Made a batch at a time: only one batch of elements exists at once.
      put("[");
      for (let i = 0; i < v.length; i += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, v.length - i) }, (_, k) => v.make(i + k));
        if (v.small) put(`${i === 0 ? "" : ","}${plainRun(batch, depth)}`);
        else putElements(batch, depth, inner, i === 0);
      }
      put(`\n${INDENT.repeat(depth)}]`);
      return;
    }
    if (Array.isArray(v)) {
      put("[");
      putElements(v, depth, inner, true);
      put(`\n${INDENT.repeat(depth)}]`);
      return;
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[key];
      if (isSkipped(item)) continue;
      put(`${first ? "{" : ","}${inner}${JSON.stringify(key)}: `);
      first = false;
      walk(item, depth + 1);
    }
    put(first ? "{}" : `\n${INDENT.repeat(depth)}}`);
  };

  walk(value, 0);
  buffer += end;
  if (buffer !== "") write(buffer);
}
