/**
 * The one error type of the .xlsx package layer (src/file/ooxml): a file the user can fix or
 * replace — not a zip, a hostile package, a part that is not well-formed XML. The command line
 * maps it to exit 2 and shows `message` (Swedish) with `messageEn` beside it; the preview shows
 * the message in the pane. Messages never name the file (the caller knows it and says it first).
 * The texts are in the catalogue (src/domain/messages/packageMessages.ts, codes `package.*`).
 */
import { localise, type Localised } from "../../domain/messages";

export type PackageErrorCode =
  /** The bytes are not a zip package (or the zip's directory is damaged). */
  | "not-zip"
  /** An encrypted (password-protected) workbook or an old binary .xls: an OLE compound file. */
  | "encrypted-or-xls"
  /** The package or one part is larger than the documented limits (zip bomb). */
  | "too-large"
  /** An entry name with `..`, an absolute path, a drive letter, a backslash or a NUL. */
  | "unsafe-name"
  /** Two entries with the same name (part names are case-insensitive). */
  | "duplicate-entry"
  /** A part declares a DOCTYPE or entities (billion laughs). */
  | "doctype"
  /** No workbook part: `_rels/.rels` names no officeDocument, or it is missing. */
  | "no-workbook"
  /** A part the reader needs is missing, or its compressed data is damaged or uses an unknown method. */
  | "damaged"
  /** A part is not well-formed XML. */
  | "bad-xml";

export class PackageError extends Error {
  override readonly name = "PackageError";
  constructor(
    readonly code: PackageErrorCode,
    /** Swedish, for the user: what is wrong and what to do. */
    message: string,
    /** English, technical detail may follow. */
    readonly messageEn: string,
    /** The part (zip entry) concerned, when there is one. */
    readonly part: string | null = null,
    /** The worksheet concerned, when the part is a sheet (set by the workbook reader). */
    readonly sheet: string | null = null,
  ) {
    super(message);
  }

  /** The same error, now naming the worksheet whose part it is. */
  withSheet(sheet: string): PackageError {
    if (this.sheet !== null) return this;
    return packageError(this.code, localise("package.in-sheet", { sheet, message: this.message, messageEn: this.messageEn }), this.part, sheet);
  }
}

/** A PackageError whose texts come from the catalogue: `packageError("damaged", localise("package.part-missing", { part }), part)`. */
export function packageError(code: PackageErrorCode, text: Localised, part: string | null = null, sheet: string | null = null): PackageError {
  return new PackageError(code, text.message, text.messageEn, part, sheet);
}

export function isPackageError(e: unknown): e is PackageError {
  return e instanceof PackageError;
}
