// Limits both sides must agree on: the page refuses a file over them before uploading it, and the
// desk refuses it again on arrival.

/** Largest file the desk imports; a news report is a few kilobytes, a saved page a few hundred. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** "3.2 MiB": a size as the analyst reads it in a message. */
export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The reason a file over MAX_FILE_BYTES is refused, in the same words wherever it is refused. */
export function tooLargeMessage(bytes: number): string {
  return `the file is ${mib(bytes)}; the limit is ${mib(MAX_FILE_BYTES)}`;
}
