// THE contract between the UI and the desk: every operation, with zod schemas for its input and
// output. The Electron main process, the preload, the loopback bridge and the renderer all derive
// from this one list (../shared/DESIGN.md §2). Each domain's schemas and methods live in its own
// file under ./api/; this is the one place that composes them.
import type { z } from 'zod';
import { claimsMethods } from './api/claims.ts';
import { compareMethods } from './api/compare.ts';
import { evidenceMethods } from './api/evidence.ts';
import { attributionMethods } from './api/attribution.ts';
import { mentionsMethods } from './api/mentions.ts';
import { originalsMethods } from './api/originals.ts';
import { passagesMethods } from './api/passages.ts';
import { reportsMethods } from './api/reports.ts';
import { sessionMethods } from './api/session.ts';
import { sourcesMethods } from './api/sources.ts';
import { setsMethods } from './api/sets.ts';
import { METHOD_NAMES, type MethodName } from './methods.ts';
import type { ErrorCode } from './vocabulary.ts';
import type { ImportResult } from './api/reports.ts';

export { isWebUrl, webUrlSchema } from './api/common.ts';
export {
  claimHitSchema,
  importResultSchema,
  noteHitSchema,
  reanchorSummarySchema,
  MAX_LIST_ITEMS,
  reportListItemSchema,
  reportOrderSchema,
  reportSchema,
  searchHitSchema,
  uploadedFileSchema,
  type ClaimHit,
  type ImportResult,
  type NoteHit,
  type ReanchorSummary,
  type Report,
  type ReportListItem,
  type ReportMetadata,
  type ReportOcr,
  type ReportOrder,
  type SearchHit,
} from './api/reports.ts';
export { passageSchema, type Passage } from './api/passages.ts';
export { claimSummarySchema, type ClaimSummary } from './api/claim-summary.ts';
export {
  auditEntrySchema,
  claimDetailSchema,
  claimListQuerySchema,
  claimPageSchema,
  type AuditEntry,
  type ClaimDetail,
  type ClaimListQuery,
  type ClaimPage,
  type ClaimSort,
} from './api/claims.ts';
export { evidenceSchema, type Evidence } from './api/evidence.ts';
export {
  ratingSchema,
  sourceSummarySchema,
  type Rating,
  type SourceSummary,
} from './api/sources.ts';
export { deskInfoSchema } from './api/session.ts';
export {
  similarSentenceSchema,
  suggestionSchema,
  wordingPairSchema,
  type SimilarSentence,
  type Suggestion,
  type WordingPair,
} from './api/compare.ts';
export { mentionSchema, type ReportMention } from './api/mentions.ts';
export { MAX_ORIGINAL_VIEW_BYTES, type ReportOriginal } from './api/originals.ts';
export { attributionSuggestionSchema, type AttributionSuggestion } from './api/attribution.ts';
export {
  EXPORT_FORMATS,
  type Duplicate,
  type DuplicateDecision,
  type ExportCounts,
  type ExportFile,
  type ExportFormat,
  type MergeConflict,
  type MergeReport,
} from './api/sets.ts';

export const api = {
  ...sessionMethods,
  ...reportsMethods,
  ...passagesMethods,
  ...claimsMethods,
  ...evidenceMethods,
  ...sourcesMethods,
  ...mentionsMethods,
  ...originalsMethods,
  ...attributionMethods,
  ...setsMethods,
  ...compareMethods,
  // Each slice refuses a stray method (Slice in ./api/common.ts); this refuses a missing one.
} as const satisfies { [M in MethodName]: { input: z.ZodType; output: z.ZodType } };

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

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
  /** OCR of a scan or an image being imported has begun page `page` of `pages` (issue 12). */
  | { type: 'ocr.progress'; file: string; page: number; pages: number }
  | { type: 'desk.changed'; reason: 'import' | 'open' | 'demo' }
  /** An import started outside the page (the File menu): the page shows its results. */
  | { type: 'import.results'; results: ImportResult[] };

/** Describes a zod failure in one line that names the field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}
