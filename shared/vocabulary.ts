// The desk's closed vocabularies, each one const array: the contract builds its schemas from them
// (shared/api.ts: `z.enum(STANCES)`), the types are read off them, and the renderer, which loads
// no zod, can list them. A word added or renamed here changes the schema, the type and the UI
// together.

/** How a piece of evidence bears on a claim. */
export const STANCES = ['supports', 'contradicts', 'context'] as const;
export type Stance = (typeof STANCES)[number];

/** The reviewer's verdict on a claim (none yet: null). */
export const VERDICTS = ['verified', 'refuted', 'unresolved'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * A claim's standing as corroboration computes it from its evidence's independent origins
 * (docs/corroboration.md). Two weaker kinds of corroboration stand apart from plain
 * `corroborated`: origins that all sit in one outlet, and a possible shared origin the reviewer
 * has not decided yet.
 */
export const CLAIM_STATUSES = [
  'no-evidence',
  'single-origin',
  'corroborated-one-outlet',
  'corroborated-pending',
  'corroborated',
  'disputed',
  'contradicted',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Whether a passage is placed in its report's current text, or could not be (a new version). */
export const ANCHOR_STATUSES = ['anchored', 'orphaned'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** What became of one file of an import. */
export const IMPORT_STATUSES = ['imported', 'duplicate', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A source is an outlet itself, or a source named inside an outlet's reports. */
export const SOURCE_KINDS = ['outlet', 'named'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The reviewer's decision on two passages flagged as possibly sharing an origin. */
export const REVIEW_DECISIONS = ['confirmed', 'dismissed'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * Error codes every transport uses. The loopback bridge adds its own for a request it will not
 * read: `too-large` (413, the body is over its limit) and `timeout` (408, the body came too slowly).
 */
export const ERROR_CODES = [
  'invalid-input',
  'unknown-method',
  'not-found',
  'conflict',
  'rejected',
  'too-large',
  'timeout',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the audit log records, `<entity>.<what was done>`; a claim's history shows these. */
export const AUDIT_ACTIONS = [
  'report.import',
  'report.update',
  'report.version',
  'passage.create',
  'passage.update',
  'passage.delete',
  'passage.attribute',
  'claim.create',
  'claim.update',
  'claim.verdict',
  'claim.delete',
  'claim.merge',
  'claim.shared-origin',
  'evidence.link',
  'evidence.update',
  'evidence.unlink',
  'source.create',
  'source.update',
  'source.delete',
  'source.rate',
  'source.rate.undo',
  'mention.apart',
  'set.merge',
  'conflict.resolve',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit entry is filed under (evidence links under their claim). */
export const AUDIT_ENTITIES = ['report', 'passage', 'claim', 'source', 'merge'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
