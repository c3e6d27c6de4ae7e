/**
 * The command line's files: reading FILE, reading it as a workbook, refusing an OUT that exists
 * or that is FILE itself, and writing OUT. Every failure the user can fix becomes a
 * {@link UsageError} (exit 2) with a Swedish sentence from the message catalogue that says what
 * to do; an English technical detail may follow it.
 */
import { say } from "../domain/messages/catalogue";
import type { CliIo } from "./runCli";
import { PackageError } from "../file/ooxml/packageError";

/** An error the user can fix (bad arguments, a file that cannot be read or written): exit 2. */
export class UsageError extends Error {}

/** Why a file could not be read, in Swedish; the system's message when there is no better word. */
function reasonOf(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return say("sv", "cli.reason.missing");
  if (code === "EISDIR") return say("sv", "cli.reason.folder");
  if (code === "EACCES" || code === "EPERM") return say("sv", "cli.reason.permission");
  const message = e instanceof Error ? e.message : String(e);
  if (/central directory|zip file|end of data/i.test(message)) return say("sv", "cli.reason.not-zip");
  return message;
}

export async function readBytes(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (e) {
    throw new UsageError(say("sv", "cli.read-failed", { file, reason: reasonOf(e) }));
  }
}

/** Awaits `read` (a reader of FILE); what fails there is a workbook the user must fix. */
export async function asWorkbook<T>(file: string, read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    // A package the user must fix (not a zip, zip bomb, DOCTYPE, a damaged sheet): its Swedish
    // sentence says what to do and names the sheet; the English detail follows.
    if (e instanceof PackageError) {
      const sv = e.message.charAt(0).toLocaleLowerCase("sv-SE") + e.message.slice(1);
      throw new UsageError(say("sv", "cli.not-a-workbook", { file, reason: `${sv}\n(${e.messageEn})` }));
    }
    throw new UsageError(say("sv", "cli.not-a-workbook", { file, reason: `${reasonOf(e)}.` }));
  }
}

export function noTables(file: string): UsageError {
  return new UsageError(say("sv", "cli.no-tables", { file }));
}

export async function refuseOverwrite(io: CliIo, out: string, force: boolean): Promise<void> {
  if (!force && (await io.exists(out))) throw new UsageError(say("sv", "cli.out-exists", { out }));
}

/** OUT may never be FILE itself (by path, symlink or hard link), not even with --force. */
export async function refuseSameFile(io: CliIo, file: string, out: string): Promise<void> {
  const same = io.sameFile === undefined ? file === out : await io.sameFile(file, out);
  if (same) throw new UsageError(say("sv", "cli.out-is-input", { out, file }));
}

/** Why OUT could not be written, by the system's error code; undefined for an error Balans does not know. */
function writeReason(code: string | undefined, out: string): string | undefined {
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return say("sv", "cli.write.no-folder");
    case "EACCES":
    case "EPERM":
      return say("sv", "cli.write.permission");
    case "EROFS":
      return say("sv", "cli.write.read-only");
    case "EISDIR":
      return say("sv", "cli.write.is-folder", { folder: out.replace(/\/*$/u, "") });
    case "ENOSPC":
      return say("sv", "cli.write.disk-full");
    case "EDQUOT":
      return say("sv", "cli.write.quota");
    default:
      return undefined;
  }
}

/** Writes OUT (atomically in balans.ts: a temporary file in OUT's folder, renamed into place). */
export async function writeOut(io: CliIo, out: string, data: Uint8Array): Promise<void> {
  try {
    await io.writeFile(out, data);
  } catch (e) {
    const reason = writeReason((e as { code?: string }).code, out);
    if (reason === undefined) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new UsageError(say("sv", "cli.write-failed", { out, reason, detail }));
  }
}
