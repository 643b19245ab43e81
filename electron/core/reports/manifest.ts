import { z } from 'zod';
import { webUrlSchema, type ReportMetadata } from '../../../shared/api.ts';
import { cleanLine } from '../import/normalise.ts';

/** `manifest.json` in an imported folder: metadata per file name (see docs/manifest.md). */
export const MANIFEST_NAME = 'manifest.json';

const entry = z
  .object({
    title: z.string().min(1).optional(),
    outlet: z.string().min(1).optional(),
    byline: z.string().min(1).nullable().optional(),
    publishedAt: z.string().min(1).nullable().optional(),
    url: webUrlSchema.nullable().optional(),
    language: z.string().min(2).optional(),
    note: z.string().optional(),
  })
  .strict();

export const manifestSchema = z
  .object({
    description: z.string().optional(),
    reports: z.record(z.string().min(1), entry),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

export function parseManifest(json: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const result = manifestSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `${file}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}

export function manifestMetadata(manifest: Manifest | undefined, fileName: string): ReportMetadata {
  const e = manifest?.reports[fileName];
  if (!e) return {};
  // A manifest is hand-written: control characters in its one-line fields are dropped, as in a text.
  const line = (value: string | null | undefined): string | undefined =>
    value ? cleanLine(value) || undefined : undefined;
  return {
    title: line(e.title),
    outlet: line(e.outlet),
    byline: line(e.byline),
    publishedAt: e.publishedAt ?? undefined,
    url: e.url ?? undefined,
    language: line(e.language),
  };
}
