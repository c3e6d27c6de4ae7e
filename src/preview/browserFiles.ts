/** The two places where the preview touches the user's files: reading a chosen file, and a download. */

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The bytes of a file the user chose (FileReader where Blob.arrayBuffer is missing). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The download's name after the opened file: `budget.xlsx` → `budget (Balans).xlsx` (an `.xlsm`
 * keeps its extension); `fallback` when there is no name.
 */
export function downloadName(opened: string, fallback: string): string {
  const base = opened.split(/[\\/]/u).pop()?.trim() ?? "";
  if (base === "") return fallback;
  const m = /^(.*?)(\.xls[xm])?$/iu.exec(base);
  const stem = (m?.[1] ?? base).trim() || "arbetsbok";
  const ext = m?.[2]?.toLowerCase() ?? ".xlsx";
  return `${stem} (Balans)${ext}`;
}

/** Offers `bytes` as a download named `fileName`. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string = XLSX_MIME): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the blob once the click is handled; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
