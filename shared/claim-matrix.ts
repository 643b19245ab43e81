// The claim matrix (docs/claim-matrix.md): for each claim, what each report does with it
// (supports, contradicts, only gives context, or is silent), on whose word and with what grades,
// and the figures that differ between reports. One core for the compare view's matrix and for
// the matrix exports (CSV, Markdown, HTML), so that both say the same.
import type { Credibility, Reliability } from './admiralty.ts';
import { csvText } from './csv.ts';
import type { Stance } from './vocabulary.ts';

/** One passage of a report as evidence for the claim, with the origin it is counted under. */
export interface MatrixEntry<K = number> {
  reportId: K;
  /** The passage's id (orders a report's entries). */
  passageId: K;
  stance: Stance;
  credibility: Credibility;
  origin: string;
  reliability: Reliability | null;
  exact: string;
}

export type CellStance = Stance | 'mixed' | 'silent';

export interface MatrixCell<K = number> {
  reportId: K;
  stance: CellStance;
  entries: MatrixEntry<K>[];
  /** Numbers this report's quotes give for the claim and no other report's quotes give. */
  differing: string[];
}

export interface MatrixRow<K = number> {
  cells: MatrixCell<K>[];
  /** True when two reports or more give numbers for the claim and they are not the same. */
  numbersDiffer: boolean;
}

/** A report as a matrix column is headed. */
export interface MatrixReport<K = number> {
  id: K;
  title: string;
  outlet: string | null;
}

export const CELL_WORD: Record<CellStance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context only',
  mixed: 'Mixed',
  silent: 'Silent',
};

/**
 * A figure, or a range of two: thousands separated by commas only in groups of three, so that a
 * comma after a number ("300, traders said") is punctuation, as the suggestion measure reads it.
 */
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const FIGURE = new RegExp(String.raw`${NUMBER}(?:\s*[-–]\s*${NUMBER})?`, 'g');

/**
 * Figures in a quote, as written but without thousands separators: "300-500 yuan" gives
 * "300-500", "1,200 yuan" gives "1200". A range stays one figure.
 */
export function numbersIn(text: string): string[] {
  const found = text.match(FIGURE) ?? [];
  return found.map((n) => n.replace(/,(?=\d{3}\b)/g, '').replace(/\s*[-–]\s*/, '-'));
}

const byPassage = <K>(a: MatrixEntry<K>, b: MatrixEntry<K>): number =>
  a.passageId < b.passageId ? -1 : a.passageId > b.passageId ? 1 : 0;

/** A claim's row from its evidence: one cell per report, in the columns' order. */
export function matrixRowOf<K>(
  entries: readonly MatrixEntry<K>[],
  reportIds: readonly K[],
): MatrixRow<K> {
  const byReport = new Map<K, MatrixEntry<K>[]>(reportIds.map((id) => [id, []]));
  for (const e of entries) byReport.get(e.reportId)?.push(e);
  const numbers = reportIds.map(
    (id) => new Set((byReport.get(id) ?? []).flatMap((e) => numbersIn(e.exact))),
  );
  const withNumbers = numbers.filter((n) => n.size > 0).length;
  // How many reports give each figure: a report's own figures are those only it gives (one pass
  // per row, not one per cell: a row of 200 reports is mostly silent).
  const givenBy = new Map<string, number>();
  for (const n of numbers)
    for (const figure of n) givenBy.set(figure, (givenBy.get(figure) ?? 0) + 1);
  const cells = reportIds.map((reportId, at): MatrixCell<K> => {
    const mine = (byReport.get(reportId) ?? []).sort(byPassage);
    const stances = [...new Set(mine.map((e) => e.stance))];
    return {
      reportId,
      stance:
        stances.length === 0 ? 'silent' : stances.length > 1 ? 'mixed' : (stances[0] as Stance),
      entries: mine,
      // Only against another report that gives figures too: silence is not a different number.
      differing:
        withNumbers >= 2 ? [...(numbers[at] ?? [])].filter((n) => givenBy.get(n) === 1) : [],
    };
  });
  return { cells, numbersDiffer: cells.some((c) => c.differing.length > 0) };
}

/** A quote cut around its figures, those that differ from the other reports' marked. */
export function quoteParts(
  exact: string,
  differing: readonly string[],
): { text: string; differs: boolean }[] {
  if (differing.length === 0) return [{ text: exact, differs: false }];
  const parts: { text: string; differs: boolean }[] = [];
  let at = 0;
  for (const match of exact.matchAll(FIGURE)) {
    const [figure] = match;
    const differs = differing.includes(numbersIn(figure)[0] ?? '');
    if (!differs) continue;
    if (match.index > at) parts.push({ text: exact.slice(at, match.index), differs: false });
    parts.push({ text: figure, differs: true });
    at = match.index + figure.length;
  }
  if (at < exact.length) parts.push({ text: exact.slice(at), differs: false });
  return parts;
}

/** A claim's line of the matrix, as the exports write it. */
export interface MatrixLine<K = number> {
  number: number;
  text: string;
  /** The claim's computed status, in words. */
  status: string;
  row: MatrixRow<K>;
}

/** "Supports · ASIAPRESS (B) · credibility 2: “…”": one entry of a cell, in words. */
export const entryWords = <K>(e: MatrixEntry<K>): string =>
  `${CELL_WORD[e.stance]} · ${e.origin} (${e.reliability ?? 'not graded'}) · credibility ${e.credibility}: “${e.exact}”`;

/** A report's column heading in words. */
export const reportWords = <K>(r: MatrixReport<K>): string =>
  `${r.outlet ?? 'No outlet'}: ${r.title}`;

/**
 * The matrix as a spreadsheet, by the desk's CSV rules (shared/csv.ts). One row per claim; per
 * report, its stance and each passage's origin, grade, credibility and words.
 */
export function matrixCsv<K>(
  reports: readonly MatrixReport<K>[],
  lines: readonly MatrixLine<K>[],
): string {
  const header = ['Claim number', 'Claim', 'Status', 'Figures differ', ...reports.map(reportWords)];
  return csvText([
    header,
    ...lines.map(({ number, text, status, row }) => [
      String(number),
      text,
      status,
      row.numbersDiffer ? 'yes' : 'no',
      ...row.cells.map((cell) =>
        [CELL_WORD[cell.stance], ...cell.entries.map(entryWords)].join('\n'),
      ),
    ]),
  ]);
}
