// The claim matrix exports (docs/claim-matrix.md): a tag's claims × the reports their evidence
// comes from, in CSV, Markdown and HTML; the figures that differ marked; every analyst's text
// inert; too many columns refused with the reason.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../shared/api.ts';
import { claimSetSchema } from '../../shared/claim-set.ts';
import { exportFiles } from '../../electron/core/export/index.ts';
import {
  matrixCsvFile,
  matrixHtml,
  matrixMarkdown,
  MAX_MATRIX_REPORTS,
} from '../../electron/core/export/matrix.ts';
import { claimSetFixture, HOSTILE } from './claim-set-fixture.ts';
import { readCsv } from './read-csv.ts';
import { seededDesk } from './seeded-desk.ts';

describe('claim matrix export', () => {
  it('from a tag: its claims as rows, the reports of their evidence as columns, each cell what that report does', async () => {
    const desk = await seededDesk();
    const { files } = exportFiles(desk.db, {
      format: 'matrix-csv',
      filter: { tags: ['vehicles'] },
      withTexts: false,
    });
    const [csv] = files as [ExportFile];
    expect(csv.name).toBe('claim-matrix.csv');
    const [head, ...rows] = readCsv(csv.content.replace(/^\uFEFF/, ''));
    // Daily NK first (outlets in order), then ASIAPRESS's two reports.
    expect(head?.slice(0, 4)).toEqual(['Claim number', 'Claim', 'Status', 'Figures differ']);
    expect(head?.slice(4).map((h) => h.split(':')[0])).toEqual([
      'ASIAPRESS',
      'ASIAPRESS',
      'Daily NK',
    ]);
    const byClaim = new Map(rows.map((r) => [r[1], r]));
    expect([...byClaim.keys()].sort()).toEqual([
      'Car repair is a growing trade in Ryanggang',
      'Nobody in Hyesan repairs cars',
    ]);
    const stances = (claim: string): string[] =>
      (byClaim.get(claim) ?? []).slice(4).map((cell) => cell.split('\n')[0] as string);
    const repairs = stances('Car repair is a growing trade in Ryanggang');
    const nobody = stances('Nobody in Hyesan repairs cars');
    // The third column is Daily NK's report.
    const dnk = 2;
    expect(repairs[dnk]).toBe('Supports');
    expect(repairs.filter((s) => s === 'Context only')).toHaveLength(1);
    expect(nobody.filter((s) => s === 'Contradicts')).toHaveLength(1);
    expect(nobody.filter((s) => s === 'Silent')).toHaveLength(2);
    // Each entry names its origin, grade, credibility and words.
    expect(byClaim.get('Nobody in Hyesan repairs cars')?.join('\n')).toMatch(
      /Contradicts · .+ \((?:[A-F]|not graded)\) · credibility 2: “car”/,
    );
  });

  it('marks figures only one report gives, in every format', () => {
    const set = claimSetFixture();
    // Two reports' quotes on one claim: 300–500 yuan against 1,200 yuan.
    const a = set.passages[0];
    const b = set.passages.find((p) => p.report !== a?.report);
    if (!a || !b || a.report === b.report) throw new Error('the fixture changed');
    a.target.selector[0].exact = 'a fee of 300–500 yuan';
    b.target.selector[0].exact = 'the fee is now 1,200 yuan';
    const claim = set.claims[0];
    const [eA, eB] = set.evidence;
    const origin = claim?.origins[0];
    if (!claim || !eA || !eB || !origin) throw new Error('the fixture changed');
    // The claim's only evidence: one quote from each report.
    Object.assign(eA, { claim: claim.id, passage: a.id });
    Object.assign(eB, { claim: claim.id, passage: b.id });
    claim.origins = [{ ...origin, evidence: [eA.id, eB.id] }];
    set.claims = [claim];
    const html = matrixHtml(set).content;
    const marks = [...new JSDOM(html).window.document.querySelectorAll('mark')].map(
      (m) => m.textContent,
    );
    expect(marks.sort()).toEqual(['1,200', '300–500']);
    expect(html).toContain('figures differ');
    expect(matrixMarkdown(set).content).toContain('figures only here: 1200');
    expect(matrixCsvFile(set).content).toContain(',yes,');
  });

  it('keeps every analyst’s text inert: no markup in HTML or Markdown, no formula in CSV', () => {
    const set = claimSetFixture();
    const [first] = set.claims;
    if (!first) throw new Error('the fixture changed');
    // A formula that also holds a table's cell separator.
    first.text = '=HYPERLINK("https://evil.example") | a cell of its own';
    const html = matrixHtml(set).content;
    const dom = new JSDOM(html).window.document;
    expect(dom.querySelectorAll('script, a, b, img')).toHaveLength(0);
    expect(dom.body.textContent).toContain(HOSTILE.claim);
    expect(html).toContain("default-src 'none'");
    const md = matrixMarkdown(set).content;
    // Escaped, a tag or a link is text: no unescaped < or ](.
    expect(md).not.toMatch(/(?<!\\)<script|(?<!\\)\]\(javascript:/);
    // Every row has as many cells as the header: a | typed in a claim is escaped.
    const cells = (line: string): number => line.split(/(?<!\\)\|/).length;
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(2 + set.claims.length);
    expect(new Set(rows.map(cells)).size).toBe(1);
    const csv = readCsv(matrixCsvFile(set).content.replace(/^\uFEFF/, ''));
    expect(csv.flat()).toContain(`'${first.text}`);
    for (const cell of csv.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(claimSetSchema.safeParse(set).success).toBe(true);
  });

  it(`refuses more than ${MAX_MATRIX_REPORTS} reports as columns, saying how to narrow it`, () => {
    const set = claimSetFixture();
    const [passage] = set.passages;
    const [report] = set.reports;
    if (!passage || !report) throw new Error('the fixture changed');
    const claim = set.claims[0];
    const evidence = set.evidence.find((e) => e.claim === claim?.id);
    if (!claim || !evidence) throw new Error('the fixture changed');
    for (let i = 0; i <= MAX_MATRIX_REPORTS; i++) {
      const urn = `urn:sha256:${i.toString(16).padStart(64, '0')}`;
      set.reports.push({ ...report, id: urn, sha256: urn.slice(11), title: `r${i}` });
      const p = {
        ...passage,
        id: `${passage.id.slice(0, 24)}${i.toString(16).padStart(12, '0')}`,
        report: urn,
      };
      set.passages.push(p);
      const e = {
        ...evidence,
        id: `${evidence.id.slice(0, 24)}${i.toString(16).padStart(12, '0')}`,
        passage: p.id,
      };
      set.evidence.push(e);
      claim.origins[0]?.evidence.push(e.id);
    }
    expect(() => matrixHtml(set)).toThrow(/at most 200 reports as columns.*choose fewer claims/);
  });
});
