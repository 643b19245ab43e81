// The claim set: the desk's own export, which another desk merges and anyone can re-verify
// (docs/claim-set.md; docs/claim-set.schema.json is generated from this schema). Every object is
// strict: a key the format does not define is refused, never carried along unread.
import { z } from 'zod';
import { credibility, reliability } from './api/common.ts';
import {
  ANCHOR_STATUSES,
  AUDIT_ACTIONS,
  CLAIM_STATUSES,
  REVIEW_DECISIONS,
  SOURCE_KINDS,
  STANCES,
  VERDICTS,
} from './vocabulary.ts';
import { REPORT_FORMATS } from './formats.ts';

export const CLAIM_SET_FORMAT = 'source-desk/claim-set';
export const CLAIM_SET_VERSION = 1;

/** How much one set may hold: far above a real case, low enough that a hostile file is refused. */
export const CLAIM_SET_LIMITS = {
  bytes: 512 * 1024 * 1024,
  depth: 12,
  reports: 100_000,
  sources: 100_000,
  passages: 1_000_000,
  evidence: 1_000_000,
  claims: 100_000,
  audit: 2_000_000,
  text: 16 * 1024 * 1024,
  field: 100_000,
  /** Pages of one report: as many as the desk imports of a PDF. */
  pages: 2_000,
} as const;

const SHA256 = /^[0-9a-f]{64}$/;
export const sha256Schema = z.string().regex(SHA256, 'must be 64 lower-case hex digits');
/** A report (its normalised text) as a URN: `urn:sha256:<hex>`. */
export const reportUrn = z
  .string()
  .regex(/^urn:sha256:[0-9a-f]{64}$/, 'must be urn:sha256:<64 hex digits>');
export const uuidSchema = z.uuid();
const isoTime = z.iso.datetime({ offset: true });
const text = (max: number = CLAIM_SET_LIMITS.field) => z.string().max(max);
/** Not blank; checked, never trimmed: a set's values are taken as they are. */
const nonEmpty = z.string().max(CLAIM_SET_LIMITS.field).regex(/\S/, 'must not be blank');

/** `urn:sha256:<hex>` of a text's SHA-256. */
export const urnOf = (sha256: string): string => `urn:sha256:${sha256}`;
export const shaOfUrn = (urn: string): string => urn.slice('urn:sha256:'.length);

export const setReportSchema = z.strictObject({
  id: reportUrn,
  sha256: sha256Schema,
  title: nonEmpty,
  outlet: text(1000).nullable(),
  byline: text(1000).nullable(),
  publishedAt: text(100).nullable(),
  url: text(4000).nullable(),
  language: text(100).nullable(),
  format: z.enum(REPORT_FORMATS),
  originalName: text(1000),
  /** SHA-256 of the file the exporting desk imported (its bytes stay there); null: not kept. */
  originalSha256: sha256Schema.nullable().optional(),
  /**
   * A paged original's (a PDF's) pages: where each starts and ends in the report's text, in code
   * points, end exclusive, numbered from 1. Absent: not paged.
   */
  pages: z
    .array(
      z.strictObject({
        page: z.number().int().positive(),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
      }),
    )
    .max(CLAIM_SET_LIMITS.pages)
    .optional(),
  importedAt: isoTime,
  /** The report's normalised text, when the set was exported with texts. */
  text: text(CLAIM_SET_LIMITS.text).optional(),
});

/** A text a passage was placed in that is no longer its report's (an orphaned passage's). */
export const setTextSchema = z.strictObject({
  sha256: sha256Schema,
  text: text(CLAIM_SET_LIMITS.text),
});

export const ratingSchema = z.strictObject({
  reliability,
  rationale: text(),
  reviewer: text(1000),
  at: isoTime,
});

export const setSourceSchema = z.strictObject({
  id: uuidSchema,
  kind: z.enum(SOURCE_KINDS),
  name: nonEmpty,
  /** The outlet the source belongs to (an outlet belongs to itself), by name. */
  outlet: nonEmpty,
  /** "X cites Y": the source this one's information comes from. */
  cites: uuidSchema.nullable(),
  note: text().nullable(),
  reliability: reliability.nullable(),
  rationale: text(),
  /** Every grade the source has had, oldest first; the last is the current one. */
  history: z.array(ratingSchema).max(10_000),
  createdAt: isoTime,
});

const quoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(CLAIM_SET_LIMITS.field),
  prefix: text(64),
  suffix: text(64),
});
/** Offsets in Unicode code points, end exclusive, as the W3C model defines them. */
const positionSelector = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
/**
 * For a passage of a paged original (a PDF): the page it starts on, as RFC 3778 names a PDF's page
 * ("page=3"), the W3C model's way to point into a PDF beside the text selectors.
 */
export const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';
const fragmentSelector = z.strictObject({
  type: z.literal('FragmentSelector'),
  conformsTo: z.literal(PDF_FRAGMENT),
  value: z.string().regex(/^page=[1-9]\d{0,5}$/, 'must be page=N'),
});

export const setPassageSchema = z.strictObject({
  id: uuidSchema,
  /** The report the passage belongs to. */
  report: reportUrn,
  /** A W3C Web Annotation SpecificResource: the text the selectors were made on. */
  target: z.strictObject({
    source: reportUrn,
    selector: z.union([
      z.tuple([quoteSelector, positionSelector]),
      z.tuple([quoteSelector, positionSelector, fragmentSelector]),
    ]),
  }),
  status: z.enum(ANCHOR_STATUSES),
  note: text(),
  /** The source the passage is attributed to; null: the report's outlet speaks. */
  source: uuidSchema.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const setEvidenceSchema = z.strictObject({
  id: uuidSchema,
  claim: uuidSchema,
  passage: uuidSchema,
  stance: z.enum(STANCES),
  credibility,
  note: text(),
  /** The attributed source (the passage's, else its report's outlet); null for a report with none. */
  source: uuidSchema.nullable(),
  /** The root of that source's "cites" chain, or the report for one with no outlet. */
  origin: z.union([uuidSchema, reportUrn]),
  createdAt: isoTime,
});

export const originGroupSchema = z.strictObject({
  stance: z.enum(STANCES),
  /** The origin: a source's id, or a report's URN for a report with no outlet. */
  origin: z.union([uuidSchema, reportUrn]),
  name: text(1000),
  outlet: text(1000).nullable(),
  reliability: reliability.nullable(),
  evidence: z.array(uuidSchema).max(CLAIM_SET_LIMITS.evidence),
});

export const setClaimSchema = z.strictObject({
  id: uuidSchema,
  text: nonEmpty,
  tags: z.array(z.string().max(200).regex(/\S/, 'must not be blank')).max(1000),
  /** Computed by the exporting desk from its evidence (docs/corroboration.md); recomputed on merge. */
  status: z.enum(CLAIM_STATUSES),
  counts: z.strictObject({
    passages: z.number().int().nonnegative(),
    reports: z.number().int().nonnegative(),
    outlets: z.number().int().nonnegative(),
    independentOrigins: z.number().int().nonnegative(),
    contradictingOrigins: z.number().int().nonnegative(),
  }),
  origins: z.array(originGroupSchema).max(CLAIM_SET_LIMITS.evidence),
  verdict: z.enum(VERDICTS).nullable(),
  rationale: text(),
  /**
   * The reviewer's decisions on passages flagged as possibly sharing an origin: a confirmed pair
   * counts as one origin, so the status cannot be recomputed without them. Absent: none.
   */
  originReviews: z
    .array(
      z.strictObject({
        passages: z.tuple([uuidSchema, uuidSchema]),
        decision: z.enum(REVIEW_DECISIONS),
        reviewer: text(1000),
        at: isoTime,
      }),
    )
    .max(CLAIM_SET_LIMITS.evidence)
    .optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** Evidence links are filed under their claim. */
export const AUDITED_ENTITIES = ['claim', 'source', 'passage'] as const;

export const setAuditSchema = z.strictObject({
  at: isoTime,
  reviewer: text(1000),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.enum(AUDITED_ENTITIES),
  /** The item's id in this set. */
  item: uuidSchema,
  /** The item before and after, as the exporting desk recorded it (its own row ids inside). */
  before: z.json().nullable(),
  after: z.json().nullable(),
});

export const claimSetFilterSchema = z.strictObject({
  verdicts: z
    .array(z.enum([...VERDICTS, 'none']))
    .max(10)
    .optional(),
  statuses: z.array(z.enum(CLAIM_STATUSES)).max(20).optional(),
  tags: z.array(z.string().max(200)).max(1000).optional(),
  /** Claims chosen one by one, by id in the set. */
  claims: z.array(uuidSchema).max(CLAIM_SET_LIMITS.claims).optional(),
});
export type ClaimSetFilter = z.infer<typeof claimSetFilterSchema>;

export const claimSetSchema = z.strictObject({
  format: z.literal(CLAIM_SET_FORMAT),
  version: z.literal(CLAIM_SET_VERSION),
  exported: z.strictObject({
    desk: uuidSchema,
    reviewer: text(1000),
    at: isoTime,
    /** What was chosen; absent: everything. */
    filter: claimSetFilterSchema.nullable(),
    withTexts: z.boolean(),
  }),
  reports: z.array(setReportSchema).max(CLAIM_SET_LIMITS.reports),
  texts: z.array(setTextSchema).max(CLAIM_SET_LIMITS.reports),
  sources: z.array(setSourceSchema).max(CLAIM_SET_LIMITS.sources),
  passages: z.array(setPassageSchema).max(CLAIM_SET_LIMITS.passages),
  evidence: z.array(setEvidenceSchema).max(CLAIM_SET_LIMITS.evidence),
  claims: z.array(setClaimSchema).max(CLAIM_SET_LIMITS.claims),
  audit: z.array(setAuditSchema).max(CLAIM_SET_LIMITS.audit),
});

export type ClaimSet = z.infer<typeof claimSetSchema>;
export type SetReport = z.infer<typeof setReportSchema>;
export type SetSource = z.infer<typeof setSourceSchema>;
export type SetPassage = z.infer<typeof setPassageSchema>;
export type SetEvidence = z.infer<typeof setEvidenceSchema>;
export type SetClaim = z.infer<typeof setClaimSchema>;
export type SetAudit = z.infer<typeof setAuditSchema>;
export type SetRating = z.infer<typeof ratingSchema>;
