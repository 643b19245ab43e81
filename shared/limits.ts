// Limits both sides must agree on: the page refuses a file over them before uploading it, and the
// desk refuses it again on arrival. Why each value: docs/import-limits.md.
import type { ReportFormat } from './formats.ts';

/**
 * Largest file of each format the desk imports. Text formats stay small (a news report is a few
 * kilobytes, a saved page a few hundred); a Word file or a web archive carries its images, so it
 * may be larger, and the zip inside a .docx is bounded again by what it inflates to.
 */
export const MAX_BYTES_BY_FORMAT = {
  txt: 16 * 1024 * 1024,
  md: 16 * 1024 * 1024,
  html: 16 * 1024 * 1024,
} as const satisfies Record<ReportFormat, number>;

/**
 * Largest file of any format: what a caller that does not know the format yet (a picker, a
 * drop, a command-line path) checks before reading; the importer then checks the format's own.
 */
export const MAX_FILE_BYTES = Math.max(...Object.values(MAX_BYTES_BY_FORMAT));

/** "3.2 MiB": a size as the analyst reads it in a message. */
export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The reason a file over its limit is refused, in the same words wherever it is refused. */
export function tooLargeMessage(bytes: number, limit: number = MAX_FILE_BYTES): string {
  return `the file is ${mib(bytes)}; the limit is ${mib(limit)}`;
}
