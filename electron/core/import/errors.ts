export type RejectionReason =
  | 'unreadable'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'invalid-utf8'
  | 'unsupported-type'
  | 'no-article'
  | 'invalid-metadata';

/** A file the desk will not import; the message names the reason in the analyst's words. */
export class ImportRejection extends Error {
  readonly reason: RejectionReason;
  constructor(reason: RejectionReason, message: string) {
    super(message);
    this.name = 'ImportRejection';
    this.reason = reason;
  }
}
