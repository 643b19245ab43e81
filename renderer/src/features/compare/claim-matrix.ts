// The claim matrix: for each claim, what each compared report does with it (supports,
// contradicts, only gives context, or is silent), with its origins and grades, and the numbers
// that differ between reports. Pure, for the tests.
import type { Credibility, Reliability } from '../../../../shared/admiralty.ts';
import type { ClaimDetail } from '../../../../shared/api.ts';
import type { Stance } from '../../../../shared/corroboration.ts';

/** One passage of a report as evidence for the claim, with the origin it is counted under. */
export interface MatrixEntry {
  passageId: number;
  stance: Stance;
  credibility: Credibility;
  origin: string;
  reliability: Reliability | null;
  exact: string;
}

export type CellStance = Stance | 'mixed' | 'silent';

export interface MatrixCell {
  reportId: number;
  stance: CellStance;
  entries: MatrixEntry[];
  /** Numbers this report's quotes give for the claim and no other report's quotes give. */
  differing: string[];
}

export interface MatrixRow {
  claimId: number;
  cells: MatrixCell[];
  /** True when two reports or more give numbers for the claim and they are not the same. */
  numbersDiffer: boolean;
}

/** A figure, or a range of two. */
const FIGURE = /\d[\d,]*(?:\.\d+)?(?:\s*[-–]\s*\d[\d,]*(?:\.\d+)?)?/g;

/**
 * Figures in a quote, as written but without thousands separators: "300-500 yuan" gives
 * "300-500", "1,200 yuan" gives "1200". A range stays one figure.
 */
export function numbersIn(text: string): string[] {
  const found = text.match(FIGURE) ?? [];
  return found.map((n) => n.replace(/,(?=\d{3}\b)/g, '').replace(/\s*[-–]\s*/, '-'));
}

/** The claim's row: one cell per report, in the columns' order. */
export function matrixRow(claim: ClaimDetail, reportIds: readonly number[]): MatrixRow {
  const byReport = new Map<number, MatrixEntry[]>(reportIds.map((id) => [id, []]));
  for (const groups of [claim.supporting, claim.contradicting, claim.context])
    for (const group of groups)
      for (const e of group.evidence)
        byReport.get(e.reportId)?.push({
          passageId: e.passageId,
          stance: e.stance,
          credibility: e.credibility,
          origin: group.name,
          reliability: group.reliability,
          exact: e.exact,
        });
  const numbers = reportIds.map(
    (id) => new Set((byReport.get(id) ?? []).flatMap((e) => numbersIn(e.exact))),
  );
  const withNumbers = numbers.filter((n) => n.size > 0).length;
  const cells = reportIds.map((reportId, at): MatrixCell => {
    const entries = (byReport.get(reportId) ?? []).sort((a, b) => a.passageId - b.passageId);
    const stances = [...new Set(entries.map((e) => e.stance))];
    const others = new Set(numbers.filter((_, j) => j !== at).flatMap((n) => [...n]));
    return {
      reportId,
      stance:
        stances.length === 0 ? 'silent' : stances.length > 1 ? 'mixed' : (stances[0] as Stance),
      entries,
      // Only against another report that gives figures too: silence is not a different number.
      differing: withNumbers >= 2 ? [...(numbers[at] ?? [])].filter((n) => !others.has(n)) : [],
    };
  });
  return { claimId: claim.id, cells, numbersDiffer: cells.some((c) => c.differing.length > 0) };
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

/** A report as a matrix column is headed. */
export interface MatrixReport {
  id: number;
  title: string;
  outlet: string | null;
}

const CELL_WORD: Record<CellStance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context only',
  mixed: 'Mixed',
  silent: 'Silent',
};

/**
 * The matrix as a spreadsheet, by the desk's CSV rules (electron/core/export/csv.ts): RFC 4180
 * quoting, CRLF, a UTF-8 byte-order mark for Excel, and a cell a spreadsheet would run as a
 * formula shown as text. One row per claim; per report, its stance and each passage's origin,
 * grade, credibility and words.
 */
export function matrixCsv(
  reports: readonly MatrixReport[],
  rows: readonly { number: number; claim: ClaimDetail; row: MatrixRow }[],
  statusLabel: (status: ClaimDetail['status']) => string,
): string {
  const header = [
    'Claim number',
    'Claim',
    'Status',
    'Figures differ',
    ...reports.map((r) => `${r.outlet ?? 'No outlet'}: ${r.title}`),
  ];
  const lines = rows.map(({ number, claim, row }) => [
    String(number),
    claim.text,
    statusLabel(claim.status),
    row.numbersDiffer ? 'yes' : 'no',
    ...row.cells.map((cell) =>
      [
        CELL_WORD[cell.stance],
        ...cell.entries.map(
          (e) =>
            `${CELL_WORD[e.stance]} · ${e.origin} (${e.reliability ?? 'not graded'}) · credibility ${e.credibility}: “${e.exact}”`,
        ),
      ].join('\n'),
    ),
  ]);
  return `\uFEFF${[header, ...lines].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
