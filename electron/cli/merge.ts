// `source-desk merge <file> [--dry-run] [--merge-duplicates] [--reviewer NAME] [--json]`: merges a
// colleague's claim set into the desk, or with --dry-run says what it would do and writes nothing.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { MergeReport } from '../../shared/api/sets.ts';
import type { Db } from '../core/db/connection.ts';
import { describeFsError } from '../core/fs-errors.ts';
import { mergeClaimSet } from '../core/merge/index.ts';
import { rejected } from '../core/merge/read.ts';
import { CLAIM_SET_LIMITS } from '../../shared/claim-set.ts';
import { DeskError } from '../core/db/errors.ts';

export interface MergeCommandOptions {
  dryRun: boolean;
  mergeDuplicates: boolean;
  reviewer: string | undefined;
  json: boolean;
}

const plural = (n: number, noun: string, many = `${noun}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? noun : many}`;

const value = (v: unknown): string =>
  v === null ? '(none)' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Merges `file` into the desk; prints what was (or with --dry-run, would be) done. */
export function mergeCommand(
  db: Db,
  file: string,
  options: MergeCommandOptions,
  print: (line?: string) => unknown,
): MergeReport {
  let content: Buffer;
  try {
    // Refused before it is read: a file over the limit is never loaded whole.
    const { size } = statSync(file);
    if (size > CLAIM_SET_LIMITS.bytes)
      throw rejected(
        basename(file),
        `it is ${(size / 1024 / 1024).toFixed(1)} MiB; a claim set may be at most ${CLAIM_SET_LIMITS.bytes / 1024 / 1024} MiB`,
      );
    content = readFileSync(file);
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw new DeskError('not-found', `${file}: ${describeFsError(error)}`);
  }
  const run = (duplicates: MergeReport['duplicates'] = []): MergeReport =>
    mergeClaimSet(db, content, {
      fileName: basename(file),
      dryRun: options.dryRun,
      reviewer: options.reviewer,
      duplicates: duplicates.map((d) => ({
        id: d.incoming.id,
        decision: options.mergeDuplicates ? 'merge' : 'separate',
      })),
    });
  // The duplicates are known only once the set is read against the desk: a first dry run finds
  // them when the reviewer asked for them to be merged.
  const report = options.mergeDuplicates
    ? run(mergeClaimSet(db, content, { fileName: basename(file), dryRun: true }).duplicates)
    : run();
  if (options.json) {
    print(JSON.stringify(report, null, 2));
    return report;
  }
  const verb = report.dryRun ? 'would merge' : 'merged';
  print(
    report.changed
      ? `${report.dryRun ? 'Dry run: ' : ''}${verb} ${report.fileName} (exported by ${report.from.reviewer || 'an unnamed reviewer'} on ${report.from.at})`
      : `${report.fileName}: nothing new — this desk already holds everything in it`,
  );
  if (!report.changed) return report;
  const r = report.reports;
  print(
    `  reports:  ${plural(r.imported, 'imported', 'imported')}, ${plural(r.matched, 'already here', 'already here')}, ${plural(r.missing, 'missing (no text in the set)', 'missing (no text in the set)')}`,
  );
  for (const [name, t] of [
    ['sources', report.sources],
    ['claims', report.claims],
    ['passages', report.passages],
    ['evidence', report.evidence],
  ] as const)
    print(`  ${`${name}:`.padEnd(10)}${t.created} new, ${t.matched} already here`);
  const list = (title: string, items: { quote: string; report: string }[]): void => {
    if (items.length === 0) return;
    print(`  ${title}:`);
    for (const p of items) print(`    “${p.quote}” in ${p.report}`);
  };
  list('re-anchored (placed in the desk’s version of the report)', report.passages.reanchored);
  list('orphaned (not found in the desk’s text; kept for review)', report.passages.orphaned);
  list('waiting for their report (placed when it is imported)', report.passages.pending);
  if (report.duplicates.length > 0) {
    print(
      `  likely duplicates (${options.mergeDuplicates ? 'merged' : 'kept separate; --merge-duplicates merges them'}):`,
    );
    for (const d of report.duplicates)
      print(`    ${d.entity} “${d.incoming.label}” ~ “${d.local.label}”`);
  }
  if (report.conflicts.length > 0) {
    print(`  conflicts (nothing local was changed; settle them in the app):`);
    for (const c of report.conflicts)
      print(
        `    ${c.entity} ${c.label} — ${c.field}: ${value(c.local)} (${c.localReviewer}) vs ${value(c.incoming)} (${c.incomingReviewer})`,
      );
  }
  return report;
}
