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
  /** The analyst stopped it (OCR of a scan, which may take minutes). */
  | 'cancelled'
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
