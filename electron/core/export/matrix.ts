// The claim matrix as files (docs/claim-matrix.md): the exported claims (rows) × the reports their
// evidence comes from (columns), each cell what that report does with the claim, on whose word and
// with what grades, the figures that differ between reports marked. The matrix itself is
// shared/claim-matrix.ts, as in the compare view; here it is read off the claim set.
//
// As in the brief (brief.ts), every analyst's text is escaped: html() in HTML, under a policy that
// forbids scripts and loads; mdText() in Markdown.
import type { ExportFile } from '../../../shared/api/sets.ts';
import {
  CELL_WORD,
  entryWords,
  matrixCsv,
  matrixRowOf,
  quoteParts,
  reportWords,
  type MatrixEntry,
  type MatrixLine,
  type MatrixReport,
} from '../../../shared/claim-matrix.ts';
import type { ClaimSet, SetReport } from '../../../shared/claim-set.ts';
import { STATUS_LABEL } from '../../../shared/corroboration.ts';
import { DeskError } from '../db/errors.ts';
import { html, htmlDocument, included, mdText, statedDate, when } from './brief.ts';
import { indexSet, plural, quoteOf } from './set-index.ts';

interface Matrix {
  reports: MatrixReport<string>[];
  lines: MatrixLine<string>[];
}

/** Reports by outlet, then date, then title: an outlet's reports side by side. */
const byOutletAndDate = (a: SetReport, b: SetReport): number =>
  (a.outlet ?? '\uffff').localeCompare(b.outlet ?? '\uffff') ||
  (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999') ||
  a.title.localeCompare(b.title);

/**
 * Columns a matrix may have: it is read across, a tag's or a selection's reports; past this a
 * spreadsheet of mostly "Silent" cells helps no one, and the claims are to be narrowed instead.
 */
export const MAX_MATRIX_REPORTS = 200;

function matrixOf(set: ClaimSet): Matrix {
  const index = indexSet(set);
  const evidenceById = new Map(set.evidence.map((e) => [e.id, e]));
  const entries = new Map<string, MatrixEntry<string>[]>();
  const used = new Set<string>();
  for (const claim of set.claims) {
    const list: MatrixEntry<string>[] = [];
    for (const group of claim.origins)
      for (const evidenceId of group.evidence) {
        const e = evidenceById.get(evidenceId);
        const passage = e && index.passage(e.passage);
        if (!e || !passage) continue;
        used.add(passage.report);
        list.push({
          reportId: passage.report,
          passageId: passage.id,
          stance: e.stance,
          credibility: e.credibility,
          origin: group.name,
          reliability: group.reliability,
          exact: quoteOf(passage),
        });
      }
    entries.set(claim.id, list);
  }
  const reports = set.reports.filter((r) => used.has(r.id)).sort(byOutletAndDate);
  if (reports.length > MAX_MATRIX_REPORTS)
    throw new DeskError(
      'too-large',
      `the claim matrix takes at most ${MAX_MATRIX_REPORTS} reports as columns, and these claims have evidence in ${reports.length.toLocaleString('en')}: choose fewer claims (a tag, a verdict, a status)`,
    );
  const ids = reports.map((r) => r.id);
  return {
    reports: reports.map((r) => ({
      id: r.id,
      title: r.publishedAt ? `${r.title} (${statedDate(r.publishedAt)})` : r.title,
      outlet: r.outlet,
    })),
    lines: set.claims.map((claim, i) => ({
      number: i + 1,
      text: claim.text,
      status: STATUS_LABEL[claim.status],
      row: matrixRowOf(entries.get(claim.id) ?? [], ids),
    })),
  };
}

const summary = (set: ClaimSet, m: Matrix): string =>
  `${plural(m.lines.length, 'claim')} across ${plural(m.reports.length, 'report')}. ${included(set.exported.filter)}`;

export function matrixCsvFile(set: ClaimSet): ExportFile {
  const m = matrixOf(set);
  return {
    name: 'claim-matrix.csv',
    mediaType: 'text/csv; charset=utf-8',
    content: matrixCsv(m.reports, m.lines),
  };
}

export function matrixMarkdown(set: ClaimSet): ExportFile {
  const m = matrixOf(set);
  // A table cell is one line: entries are parted by <br>, the one tag written here, not typed.
  const cell = (words: string[]): string => words.map(mdText).join('<br>');
  const out = [
    '# Claim matrix',
    '',
    `${mdText(`Exported by ${set.exported.reviewer}, ${when(set.exported.at)}.`)}  `,
    mdText(summary(set, m)),
    '',
    `| # | Claim | ${m.reports.map((r) => mdText(reportWords(r))).join(' | ')} |`,
    `| --- | --- | ${m.reports.map(() => '---').join(' | ')} |`,
    ...m.lines.map(
      ({ number, text, status, row }) =>
        `| ${number} | ${cell([text, `${status}${row.numbersDiffer ? ' · figures differ' : ''}`])} | ${row.cells
          .map((c) =>
            cell([
              `${CELL_WORD[c.stance]}${c.differing.length ? ` (figures only here: ${c.differing.join(', ')})` : ''}`,
              ...c.entries.map(entryWords),
            ]),
          )
          .join(' | ')} |`,
    ),
  ];
  return {
    name: 'claim-matrix.md',
    mediaType: 'text/markdown; charset=utf-8',
    content: `${out.join('\n')}\n`,
  };
}

const CSS = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6573; --rule: #d9dde3; }
body { margin: 0; padding: 24px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
.meta { color: var(--muted); margin: 0 0 16px; }
/* As wide as its columns need: a matrix of many reports scrolls sideways, its claims kept in view. */
table { border-collapse: separate; border-spacing: 0; width: max-content; min-width: 100%; }
th, td { border-right: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 6px 8px;
  vertical-align: top; text-align: left; min-width: 14rem; max-width: 22rem; overflow-wrap: anywhere; }
thead th { background: #f4f5f7; position: sticky; top: 0; z-index: 1; }
thead th .outlet { display: block; font-size: 11px; text-transform: uppercase; color: var(--muted); }
th:first-child { position: sticky; left: 0; background: #fff; z-index: 2; min-width: 16rem;
  box-shadow: 1px 0 0 var(--rule); }
thead th:first-child { background: #f4f5f7; z-index: 3; }
tbody th { font-weight: normal; }
.status { display: block; font-size: 12px; color: var(--muted); }
.differ { color: #8a3a00; font-weight: 600; font-size: 12px; }
.stance { font-weight: 600; font-size: 12px; }
.supports .stance { color: #1f7a4d; } .contradicts .stance { color: #b3261e; }
.context .stance, .silent .stance { color: var(--muted); } .silent { background: #f7f7f8; }
.mixed .stance { color: #8a5a00; }
.entry { margin-top: 6px; font-size: 12.5px; }
.entry q { display: block; font-family: Georgia, serif; font-size: 13.5px; }
mark { background: rgb(213 94 0 / 0.25); outline: 1px solid #d55e00; font-weight: 600; }
@media print { body { padding: 0; } th, th:first-child { position: static; } tr { break-inside: avoid; } }
`;

export function matrixHtml(set: ClaimSet): ExportFile {
  const m = matrixOf(set);
  const head = m.reports
    .map(
      (r) =>
        `<th scope="col"><span class="outlet">${html(r.outlet ?? 'No outlet')}</span>${html(r.title)}</th>`,
    )
    .join('');
  const rows = m.lines
    .map(({ number, text, status, row }) => {
      const cells = row.cells
        .map((c) => {
          const entries = c.entries
            .map(
              (
                e,
              ) => `<div class="entry">${html(e.origin)} (${html(e.reliability ?? 'not graded')}) · credibility ${e.credibility}${c.stance === 'mixed' ? ` · ${html(CELL_WORD[e.stance].toLowerCase())}` : ''}
<q>${quoteParts(e.exact, c.differing)
                .map((p) => (p.differs ? `<mark>${html(p.text)}</mark>` : html(p.text)))
                .join('')}</q></div>`,
            )
            .join('');
          return `<td class="${c.stance}"><span class="stance">${html(CELL_WORD[c.stance])}</span>${entries}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${number}. ${html(text)}<span class="status">${html(status)}</span>${
        row.numbersDiffer ? '<span class="differ">figures differ</span>' : ''
      }</th>${cells}</tr>`;
    })
    .join('\n');
  const content = htmlDocument(
    `Claim matrix — ${when(set.exported.at)}`,
    CSS,
    `<h1>Claim matrix</h1>
<p class="meta">${html(`Exported by ${set.exported.reviewer}, ${when(set.exported.at)}. ${summary(set, m)}`)}</p>
<table>
<thead><tr><th scope="col">Claim</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
  );
  return { name: 'claim-matrix.html', mediaType: 'text/html; charset=utf-8', content };
}
