// THE contract between the UI and the desk: every operation, with zod schemas for its input and
// output. The Electron main process, the preload, the loopback bridge and the renderer all derive
// from this one list (../shared/DESIGN.md §2).
import { z } from 'zod';
import { METHOD_NAMES, type MethodName } from './methods.ts';

const id = z.number().int().positive();
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
  format: z.enum(['txt', 'md', 'html']),
  originalName: z.string(),
  importedAt: z.string(),
  passageCount: z.number().int(),
});

export const passageSchema = z.object({
  id,
  reportId: id,
  /** TextPositionSelector over the report's normalised text, UTF-16 code units, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** TextQuoteSelector. */
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  status: z.enum(['anchored', 'orphaned']),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const importResultSchema = z.object({
  file: z.string(),
  status: z.enum(['imported', 'duplicate', 'rejected']),
  reportId: id.optional(),
  title: z.string().optional(),
  message: z.string().optional(),
});

export const searchHitSchema = z.object({
  reportId: id,
  title: z.string(),
  outlet: z.string().nullable(),
  snippet: z.string(),
});

/** A file's contents as sent by the UI (picker or drag-and-drop): name and base64 bytes. */
export const uploadedFileSchema = z.object({
  name: z.string().min(1).max(255),
  data: z.string(),
});

const metadataPatch = z
  .object({
    title: z.string().trim().min(1, 'a title cannot be empty').max(500),
    outlet: z.string().trim().max(200).nullable(),
    byline: z.string().trim().max(500).nullable(),
    publishedAt: isoDate.nullable(),
    url: z.string().trim().url().nullable(),
    language: z.string().trim().max(35).nullable(),
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

function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const api = {
  'desk.info': op(z.object({}).strict(), deskInfoSchema),
  'demo.load': op(z.object({}).strict(), z.array(importResultSchema)),
  'reports.list': op(z.object({}).strict(), z.array(reportSchema)),
  'reports.get': op(
    z.object({ id }).strict(),
    z.object({ report: reportSchema, text: z.string() }),
  ),
  'reports.search': op(z.object({ query: z.string().max(500) }).strict(), z.array(searchHitSchema)),
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
} as const satisfies { [M in MethodName]: { input: z.ZodType; output: z.ZodType } };

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

export type Passage = z.infer<typeof passageSchema>;
export type ReanchorSummary = z.infer<typeof reanchorSummarySchema>;

export const METHODS: readonly Method[] = METHOD_NAMES;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(api, name);
}

/** Error codes every transport uses. */
export type ErrorCode =
  'invalid-input' | 'unknown-method' | 'not-found' | 'conflict' | 'rejected' | 'internal';

/** The result envelope (Signal's): every call resolves to one, never throws across a process. */
export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

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
  | { type: 'import.results'; results: z.infer<typeof importResultSchema>[] };

/** Describes a zod failure in one line that names the field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}
