// `source-desk similar <report-id>` and `source-desk suggest --claim <id>` (docs/suggestions.md):
// the sentences a report shares or nearly shares with other reports, and the sentences of other
// reports that may support or contradict a claim. Both only read the desk.
import { similar, suggest } from '../core/compare/suggest.ts';
import type { Db } from '../core/db/connection.ts';
import { DeskError } from '../core/db/errors.ts';
import { getReport } from '../core/db/reports.ts';
import { SCORE } from '../core/compare/measure.ts';

export interface CompareOutput {
  asJson: boolean;
  print: (line?: string) => unknown;
  /** JSON as the command line prints it (every control character escaped). */
  json: (value: unknown) => string;
}

/** A sentence on one line, cut to a reading length. */
function line(text: string, max = 200): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

const score = (n: number): string => n.toFixed(2);

export function similarCommand(db: Db, dbPath: string, reportId: number, out: CompareOutput): void {
  const report = getReport(db, reportId);
  if (!report)
    throw new DeskError(
      'not-found',
      `${dbPath} has no report ${reportId} (source-desk reports lists them)`,
    );
  const found = similar(db, reportId, 500);
  if (out.asJson) {
    out.print(out.json(found));
    return;
  }
  out.print(`#${report.id}  ${report.outlet ?? '(no outlet)'}  ${line(report.title)}`);
  if (found.length === 0) {
    out.print(
      `No sentence of it nearly matches a sentence of another report (score ${SCORE.similar} or more).`,
    );
    return;
  }
  for (const s of found) {
    const o = s.other;
    out.print(`${score(s.score)}  [${s.start}–${s.end}] “${line(s.text)}”`);
    out.print(`      ≈ #${o.reportId} ${o.outlet ?? '(no outlet)'}  ${line(o.reportTitle, 80)}`);
    out.print(`        [${o.start}–${o.end}] “${line(o.text)}”`);
    if (s.onlyHere.length || s.onlyThere.length)
      out.print(
        `      differ: here only ${s.onlyHere.join(', ') || '—'}; there only ${s.onlyThere.join(', ') || '—'}`,
      );
  }
}

export function suggestCommand(db: Db, dbPath: string, claimId: number, out: CompareOutput): void {
  const claim = db.prepare('SELECT text FROM claims WHERE id = ?').pluck().get(claimId) as
    string | undefined;
  if (claim === undefined)
    throw new DeskError(
      'not-found',
      `${dbPath} has no claim ${claimId} (source-desk claims lists them)`,
    );
  const found = suggest(db, { claimId }, 20);
  if (out.asJson) {
    out.print(out.json(found));
    return;
  }
  out.print(`Claim #${claimId}: ${line(claim)}`);
  if (found.length === 0) {
    out.print('No sentence of the desk’s reports is close enough to suggest.');
    return;
  }
  found.forEach((s, i) => {
    const hint = s.stanceHint ?? 'no hint';
    const other = s.otherOutlet ? ' (another outlet)' : '';
    out.print(
      `${i + 1}. ${score(s.score)} ${hint}  #${s.reportId} ${s.outlet ?? '(no outlet)'}${other}  ${line(s.reportTitle, 80)}  [${s.start}–${s.end}]`,
    );
    out.print(`   “${line(s.text)}”`);
    out.print(`   ${s.reason}`);
  });
}
