// A PDF report in a claim set (issue 12): its passage across a page break carries a page
// FragmentSelector beside its text selectors; the report names its original's SHA-256 and its
// pages; merged into an empty desk, the report keeps both (the bytes stay with the colleague),
// the set exports again the same, and pages that do not tile the text are refused.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimSet } from '../../electron/core/export/claim-set.ts';
import { annotationsFile } from '../../electron/core/export/annotations.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { PDF_FRAGMENT, type ClaimSet } from '../../shared/claim-set.ts';
import { demoDesk } from './desk.ts';
import { FIXTURES, tempDesk } from './helpers.ts';
import { fileHash, merge } from './small-set.ts';

const PDF = join(FIXTURES, 'pdf', 'running-heads.pdf');

const withoutExport = ({ exported: { at: _at, desk: _desk, ...rest }, ...set }: ClaimSet) => ({
  ...set,
  exported: rest,
});

/** A desk with the PDF and a claim whose evidence runs from page 2 onto page 3. */
async function pdfDesk() {
  const desk = await demoDesk();
  await importPaths(desk.db, [PDF]);
  const id = desk.db.prepare("SELECT id FROM reports WHERE format = 'pdf'").pluck().get() as number;
  const { text } = await desk.call<{ text: string }>('reports.get', { id });
  const pages = await desk.call<{ page: number; start: number; end: number }[]>('originals.pages', {
    reportId: id,
  });
  const [, two, three] = pages;
  if (!two || !three) throw new Error('the fixture has fewer than three pages');
  const start = text.lastIndexOf(' ', two.end - 12) + 1;
  const end = text.indexOf(' ', three.start + 12);
  const passage = await desk.call<{ id: number }>('passages.create', {
    reportId: id,
    start,
    end,
    exact: text.slice(start, end),
  });
  await desk.call('claims.create', {
    text: 'A claim read across a page break',
    evidence: { passageId: passage.id, stance: 'supports', credibility: 2 },
  });
  return { ...desk, id };
}

describe('a PDF report in a claim set', () => {
  it('carries its page, original and pages; merged, exports again the same', async () => {
    const { db } = await pdfDesk();
    const set = buildClaimSet(db, { filter: null, withTexts: true });
    const report = set.reports.find((r) => r.format === 'pdf');
    expect(report?.originalSha256).toBe(
      createHash('sha256').update(readFileSync(PDF)).digest('hex'),
    );
    expect(report?.pages?.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    const passage = set.passages.find((p) => p.report === report?.id);
    expect(passage?.target.selector[2]).toEqual({
      type: 'FragmentSelector',
      conformsTo: PDF_FRAGMENT,
      value: 'page=2',
    });
    // The seeds' passages are in unpaged texts: text selectors only.
    expect(set.passages.filter((p) => p.target.selector.length === 3)).toHaveLength(1);
    // The W3C annotation points at the page too.
    const annotations = JSON.parse(annotationsFile(set).content) as {
      first: { items: { target: { selector: { type: string; value?: string }[] } }[] };
    };
    const selectors = annotations.first.items.flatMap((a) => a.target.selector);
    expect(selectors).toContainEqual(
      expect.objectContaining({ type: 'FragmentSelector', value: 'page=2' }),
    );

    const empty = tempDesk();
    merge(empty.db, set);
    const again = buildClaimSet(empty.db, { filter: null, withTexts: true });
    expect(withoutExport(again)).toEqual(withoutExport(set));
    // The merged desk names the original, and says whose desk holds its bytes.
    const service = createDeskService({ db: empty.db, path: empty.file });
    const id = empty.db
      .prepare("SELECT id FROM reports WHERE format = 'pdf'")
      .pluck()
      .get() as number;
    const original = await service.call('originals.get', { reportId: id });
    expect(original.ok).toBe(false);
    if (!original.ok)
      expect(original.error.message).toMatch(
        /came from a colleague's claim set: its original file \(SHA-256 [0-9a-f]{64}\) is on their desk/,
      );
  });

  it('refuses pages that do not tile the text, the desk unchanged', async () => {
    const { db } = await pdfDesk();
    const set = buildClaimSet(db, { filter: null, withTexts: true });
    const report = set.reports.find((r) => r.format === 'pdf');
    if (!report?.pages) throw new Error('no pages');
    const empty = tempDesk();
    const before = fileHash(empty.db, empty.file);
    const [one, two] = report.pages;
    if (!one || !two) throw new Error('no pages');
    two.start = one.end - 5;
    expect(() => merge(empty.db, set)).toThrow(
      /page 2 of its pages starts \(\d+\) before the page above it ends/,
    );
    two.start = one.end;
    two.page = 3;
    expect(() => merge(empty.db, set)).toThrow(/page 2 of its pages is numbered 3 where 2 comes/);
    expect(fileHash(empty.db, empty.file)).toBe(before);
  });
});
