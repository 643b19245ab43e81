export type RejectionReason =
  | 'unreadable'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'invalid-utf8'
  | 'unsupported-type'
  | 'no-article'
  | 'invalid-metadata'
  /** Over a structural limit (nesting, element count), or over the parse worker's time or memory. */
  | 'too-complex'
  /** The parser failed in a way the desk did not foresee; the message says how. */
  | 'parse-failed';

/** A file the desk will not import; the message names the reason in the analyst's words. */
export class ImportRejection extends Error {
  readonly reason: RejectionReason;
  constructor(reason: RejectionReason, message: string) {
    super(message);
    this.name = 'ImportRejection';
    this.reason = reason;
  }
}

/** A file-system error in the analyst's words: "no such file", not ENOENT. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
  };
  return (code && words[code]) ?? code ?? String(error);
}
