/** A1 column letters: the one implementation, used by the engine and both adapters. */

/** `1 → "A"`, `27 → "AA"`. */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`Invalid column ${column}`);
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `"A" → 1`, `"aa" → 27`. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`Invalid column letters ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n;
}
