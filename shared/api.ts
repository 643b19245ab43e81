// THE contract between the UI and the desk: every operation, with zod schemas for its input and
// output. The Electron main process, the preload, the loopback bridge and the renderer all derive
// from this one list (../shared/DESIGN.md §2).
import { z } from 'zod';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from './admiralty.ts';
import { CLAIM_SORTS } from './claim-list.ts';
import { REPORT_FORMATS } from './formats.ts';
import { METHOD_NAMES, type MethodName } from './methods.ts';
import {
  ANCHOR_STATUSES,
  CLAIM_STATUSES,
  IMPORT_STATUSES,
  REVIEW_DECISIONS,
  SOURCE_KINDS,
  STANCES,
  VERDICTS,
  type ErrorCode,
} from './vocabulary.ts';

const id = z.number().int().positive();

/** C0 controls but tab, line feed and carriage return; DEL; C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Refuses a name or text holding NUL or another control character, naming the character. */
function noControls<T extends z.ZodString>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    const found = CONTROL_CHARACTER.exec(value)?.[0];
    if (found === undefined) return;
    const code = found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    ctx.addIssue({ code: 'custom', message: `holds a control character (U+${code}); remove it` });
  });
}

/**
 * True for an http: or https: address. A report's URL is shown as a link and printed, so no
 * javascript:, file: or data: address is stored.
 */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A report's URL wherever one enters the desk: trimmed, http(s) only. */
export const webUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(isWebUrl, 'a web address starting with http:// or https://');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM');

export const reportSchema = z.object({
  id,
  title: z.string(),
  outlet: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  sha256: z.string(),
  chars: z.number().int(),
  format: z.enum(REPORT_FORMATS),
  originalName: z.string(),
  importedAt: z.string(),
  passageCount: z.number().int(),
});

/** A report as the library lists it: what a row shows, and nothing that costs a read of its text. */
export const reportListItemSchema = reportSchema.pick({
  id: true,
  title: true,
  outlet: true,
  byline: true,
  publishedAt: true,
  passageCount: true,
});
export type ReportListItem = z.infer<typeof reportListItemSchema>;

const anchorStatus = z.enum(ANCHOR_STATUSES);

export const passageSchema = z.object({
  id,
  reportId: id,
  /** The source it is attributed to; null: the report's outlet. */
  sourceId: id.nullable(),
  /** TextPositionSelector over the report's normalised text, UTF-16 code units, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** TextQuoteSelector. */
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  status: anchorStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const importResultSchema = z.object({
  file: z.string(),
  status: z.enum(IMPORT_STATUSES),
  reportId: id.optional(),
  title: z.string().optional(),
  message: z.string().optional(),
});

export const searchHitSchema = z.object({
  reportId: id,
  title: z.string(),
  outlet: z.string().nullable(),
  /** Matched terms wrapped in MATCH_START … MATCH_END (shared/search.ts), never in HTML. */
  snippet: z.string(),
});

/** A claim whose wording or rationale matches a search; the snippet is marked as report snippets are. */
export const claimHitSchema = z.object({ claimId: id, text: z.string(), snippet: z.string() });
export type ClaimHit = z.infer<typeof claimHitSchema>;

/** A passage whose note matches a search, with the report it is in. */
export const noteHitSchema = z.object({
  passageId: id,
  reportId: id,
  title: z.string(),
  snippet: z.string(),
});
export type NoteHit = z.infer<typeof noteHitSchema>;

/** A file's contents as sent by the UI (picker or drag-and-drop): name and base64 bytes. */
export const uploadedFileSchema = z.object({
  name: z.string().min(1).max(255),
  data: z.string(),
});

const metadataPatch = z
  .object({
    title: noControls(z.string().trim().min(1, 'a title cannot be empty').max(500)),
    outlet: noControls(z.string().trim().max(200)).nullable(),
    byline: noControls(z.string().trim().max(500)).nullable(),
    publishedAt: isoDate.nullable(),
    url: webUrlSchema.nullable(),
    language: noControls(z.string().trim().max(35)).nullable(),
  })
  .partial()
  .strict();

export const deskInfoSchema = z.object({
  path: z.string(),
  reports: z.number().int(),
  schemaVersion: z.number().int(),
});

export const reanchorSummarySchema = z.object({
  report: reportSchema,
  moved: z.number().int(),
  unchanged: z.number().int(),
  orphaned: z.array(passageSchema),
});

const reliability = z.enum(RELIABILITY_GRADES);
// Any number in, one of the six grades out: the UI's pickers hand over plain numbers.
const credibility = z.number().pipe(z.literal(CREDIBILITY_GRADES));
const stance = z.enum(STANCES);
const claimStatus = z.enum(CLAIM_STATUSES);
const verdict = z.enum(VERDICTS);
const claimText = noControls(z.string().trim().min(1, 'a claim needs some words').max(2000));
const tags = z.array(noControls(z.string().trim().min(1).max(60))).max(30);

export const claimSummarySchema = z.object({
  id,
  text: z.string(),
  tags: z.array(z.string()),
  verdict: verdict.nullable(),
  verdictRationale: z.string(),
  status: claimStatus,
  suggestedCredibility: credibility,
  counts: z.object({
    passages: z.number().int(),
    reports: z.number().int(),
    outlets: z.number().int(),
    supportingOrigins: z.number().int(),
    contradictingOrigins: z.number().int(),
  }),
  openWarnings: z.number().int(),
  updatedAt: z.string(),
});

export const claimListQuerySchema = z
  .object({
    /** The `next` of the page before; absent for the first page. */
    after: z.string().max(1000).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    filter: z
      .object({
        status: claimStatus.optional(),
        /** One tag, with or without its #. */
        tag: z.string().max(61).optional(),
        /** Words in the claim's text, or part of one of its tags. */
        text: z.string().max(2000).optional(),
      })
      .strict()
      .default({}),
    sort: z.enum(CLAIM_SORTS).default('recent'),
  })
  .strict();

export const claimPageSchema = z.object({
  items: z.array(claimSummarySchema),
  /** Where the next page starts; null on the last page. */
  next: z.string().nullable(),
  /** Claims matching the filter, and claims on the desk. */
  total: z.number().int(),
  all: z.number().int(),
});

export const evidenceSchema = z.object({
  id,
  claimId: id,
  passageId: id,
  reportId: id,
  reportTitle: z.string(),
  sourceId: id.nullable(),
  sourceName: z.string(),
  stance,
  credibility,
  note: z.string(),
  exact: z.string(),
  passageStatus: anchorStatus,
});

const originGroupSchema = z.object({
  key: z.string(),
  name: z.string(),
  outlet: z.string().nullable(),
  reliability: reliability.nullable(),
  via: z.array(z.string()),
  reports: z.number().int(),
  evidence: z.array(evidenceSchema),
});

export const auditEntrySchema = z.object({
  id,
  at: z.string(),
  reviewer: z.string(),
  /** One of AUDIT_ACTIONS (shared/vocabulary.ts); read back from the log as text. */
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const claimDetailSchema = claimSummarySchema.extend({
  suggestionReason: z.string(),
  supporting: z.array(originGroupSchema),
  contradicting: z.array(originGroupSchema),
  context: z.array(originGroupSchema),
  warnings: z.array(
    z.object({
      passageA: id,
      passageB: id,
      similarity: z.number(),
      confirmed: z.boolean(),
      quoteA: z.string(),
      quoteB: z.string(),
      reportA: z.string(),
      reportB: z.string(),
    }),
  ),
});

export const sourceSummarySchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(SOURCE_KINDS),
  outletId: id,
  outletName: z.string(),
  derivesFromId: id.nullable(),
  derivesFromName: z.string().nullable(),
  reliability: reliability.nullable(),
  rationale: z.string(),
  ratedAt: z.string().nullable(),
  reports: z.number().int(),
  passages: z.number().int(),
});

export const ratingSchema = z.object({
  id,
  reliability,
  rationale: z.string(),
  reviewer: z.string(),
  ratedAt: z.string(),
});

function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const api = {
  'desk.info': op(z.object({}).strict(), deskInfoSchema),
  'demo.load': op(z.object({}).strict(), z.array(importResultSchema)),
  'reports.list': op(z.object({}).strict(), z.array(reportListItemSchema)),
  'reports.get': op(
    z.object({ id }).strict(),
    z.object({ report: reportSchema, text: z.string() }),
  ),
  'reports.search': op(
    z.object({ query: z.string().max(500) }).strict(),
    // The best matching reports and how many match in all; the best matching claims and notes.
    z.object({
      hits: z.array(searchHitSchema),
      total: z.number().int().min(0),
      claims: z.array(claimHitSchema),
      notes: z.array(noteHitSchema),
    }),
  ),
  'reports.import': op(
    z.object({ files: z.array(uploadedFileSchema).min(1).max(1000) }).strict(),
    z.array(importResultSchema),
  ),
  'reports.update': op(z.object({ id, patch: metadataPatch }).strict(), reportSchema),
  'reports.importVersion': op(
    z.object({ id, file: uploadedFileSchema }).strict(),
    reanchorSummarySchema,
  ),
  'passages.list': op(z.object({ reportId: id }).strict(), z.array(passageSchema)),
  'passages.create': op(
    z
      .object({
        reportId: id,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        /** What the UI believes is selected; refused if the stored text differs there. */
        exact: z.string().min(1),
        note: z.string().max(10_000).default(''),
      })
      .strict()
      .refine((p) => p.end > p.start, 'end must come after start'),
    passageSchema,
  ),
  'passages.update': op(z.object({ id, note: z.string().max(10_000) }).strict(), passageSchema),
  'passages.delete': op(z.object({ id }).strict(), z.object({ id })),
  'passages.attribute': op(
    z.object({ passageId: id, sourceId: id.nullable() }).strict(),
    passageSchema,
  ),
  'preferences.get': op(z.object({}).strict(), z.object({ reviewer: z.string() })),
  'preferences.set': op(
    z.object({ reviewer: noControls(z.string().trim().max(120)) }).strict(),
    z.object({ reviewer: z.string() }),
  ),
  'claims.list': op(claimListQuerySchema, claimPageSchema),
  'claims.get': op(z.object({ id }).strict(), claimDetailSchema),
  'claims.forPassage': op(
    z.object({ passageId: id }).strict(),
    z.array(
      z.object({
        evidenceId: id,
        claimId: id,
        text: z.string(),
        stance,
        credibility,
        status: claimStatus,
      }),
    ),
  ),
  'claims.create': op(
    z
      .object({
        text: claimText,
        tags: tags.default([]),
        /** Create it from a passage in one gesture: the passage becomes its first evidence. */
        evidence: z
          .object({
            passageId: id,
            stance: stance.default('supports'),
            credibility: credibility.default(6),
            note: z.string().max(10_000).default(''),
          })
          .optional(),
      })
      .strict(),
    claimSummarySchema,
  ),
  'claims.update': op(
    z
      .object({
        id,
        text: claimText.optional(),
        tags: tags.optional(),
        verdict: verdict.nullable().optional(),
        verdictRationale: z.string().max(10_000).optional(),
      })
      .strict(),
    claimSummarySchema,
  ),
  'claims.delete': op(z.object({ id }).strict(), z.object({ id })),
  'claims.merge': op(
    z
      .object({ keepId: id, mergeId: id })
      .strict()
      .refine((m) => m.keepId !== m.mergeId, 'a claim cannot be merged into itself'),
    // The kept claim's new summary, and the claim merged into it (now gone).
    claimSummarySchema.extend({ removedId: id }),
  ),
  'claims.reviewWarning': op(
    z
      .object({
        claimId: id,
        passageA: id,
        passageB: id,
        decision: z.enum(REVIEW_DECISIONS),
      })
      .strict(),
    claimDetailSchema,
  ),
  'claims.history': op(z.object({ id }).strict(), z.array(auditEntrySchema)),
  'evidence.link': op(
    z
      .object({
        claimId: id,
        passageId: id,
        stance,
        credibility,
        note: z.string().max(10_000).default(''),
      })
      .strict(),
    // With the claim's new summary, for the list.
    evidenceSchema.extend({ claim: claimSummarySchema }),
  ),
  'evidence.update': op(
    z
      .object({
        id,
        stance: stance.optional(),
        credibility: credibility.optional(),
        note: z.string().max(10_000).optional(),
      })
      .strict(),
    evidenceSchema.extend({ claim: claimSummarySchema }),
  ),
  'evidence.unlink': op(z.object({ id }).strict(), z.object({ id, claim: claimSummarySchema })),
  'sources.list': op(z.object({}).strict(), z.array(sourceSummarySchema)),
  'sources.create': op(
    z
      .object({
        outletId: id,
        name: noControls(z.string().trim().min(1, 'a source needs a name').max(300)),
        derivesFromId: id.nullable().default(null),
      })
      .strict(),
    sourceSummarySchema,
  ),
  'sources.update': op(
    z
      .object({
        id,
        name: noControls(z.string().trim().min(1, 'a source needs a name').max(300)).optional(),
        derivesFromId: id.nullable().optional(),
      })
      .strict(),
    sourceSummarySchema,
  ),
  'sources.rate': op(
    z.object({ id, reliability, rationale: z.string().trim().max(10_000).default('') }).strict(),
    sourceSummarySchema,
  ),
  'sources.history': op(z.object({ id }).strict(), z.array(ratingSchema)),
  'session.undo': op(
    z.object({}).strict(),
    z.object({ undone: z.string().nullable(), next: z.string().nullable() }),
  ),
  'session.status': op(z.object({}).strict(), z.object({ next: z.string().nullable() })),
} as const satisfies { [M in MethodName]: { input: z.ZodType; output: z.ZodType } };

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

// The domain's types, read off the schemas above (shared/model.ts re-exports the report ones).
export type Report = z.infer<typeof reportSchema>;
export type Passage = z.infer<typeof passageSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
/** Metadata the caller may set on import, as the reports.update patch names it; unset: inferred. */
export type ReportMetadata = { [K in keyof z.output<typeof metadataPatch>]?: string };
export type ClaimSummary = z.infer<typeof claimSummarySchema>;
export type ClaimDetail = z.infer<typeof claimDetailSchema>;
export type ClaimListQuery = z.output<typeof claimListQuerySchema>;
export type ClaimPage = z.infer<typeof claimPageSchema>;
export type ClaimSort = (typeof CLAIM_SORTS)[number];
export type Evidence = z.infer<typeof evidenceSchema>;
export type SourceSummary = z.infer<typeof sourceSummarySchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type ReanchorSummary = z.infer<typeof reanchorSummarySchema>;

export const METHODS: readonly Method[] = METHOD_NAMES;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(api, name);
}

export type { ErrorCode };

/** The result envelope (Signal's): every call resolves to one, never throws across a process. */
export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/**
 * What `call` takes and gives: the contract's types for a method named in the code; for a name
 * known only at run time (a request off the wire, typed `string`), unknown in and out, which the
 * desk checks against the contract. A misspelt method name in the code is refused.
 */
export type CallInput<M extends string> = M extends Method
  ? Input<M>
  : string extends M
    ? unknown
    : never;
export type CallOutput<M extends string> = M extends Method ? Output<M> : unknown;

/** One call of the desk, typed per method: the service's, its worker client's, the bridge's. */
export type DeskCall = <M extends string>(
  method: M,
  input: CallInput<M>,
) => Promise<Result<CallOutput<M>>>;

/** What window.desk (Electron) and the bridge client both are. */
export type DeskApi = {
  [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>>;
} & {
  /** Subscribes to desk events; returns the unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
};

/** Typed events pushed from the desk to the UI. */
export type DeskEvent =
  | { type: 'import.progress'; done: number; total: number; file: string }
  | { type: 'desk.changed'; reason: 'import' | 'open' | 'demo' }
  /** An import started outside the page (the File menu): the page shows its results. */
  | { type: 'import.results'; results: ImportResult[] };

/** Describes a zod failure in one line that names the field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}
