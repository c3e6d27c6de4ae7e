/**
 * The documented limits of the .xlsx package layer (zip bomb protection), in a module of their
 * own so that the command line can check a file's size before it reads it without loading the
 * reader (`balans --help` starts at once, issue 15). {@link openPackage} enforces them.
 */

/** Documented limits (bytes are uncompressed sizes). */
export const LIMITS = {
  /** One part: a full sheet of 1 048 576 rows × 6 columns is about 300 MB of XML. */
  partBytes: 500_000_000,
  /** All entries of the package together. */
  totalBytes: 900_000_000,
  /** Number of zip entries. */
  entries: 100_000,
} as const;

/**
 * The largest package file read at all: its compressed data cannot be larger than what it
 * inflates to by more than a few bytes per 64 KB, so a larger file always breaks
 * {@link LIMITS}.totalBytes. The command line refuses it before reading a byte.
 */
export const MAX_PACKAGE_FILE_BYTES = LIMITS.totalBytes;
