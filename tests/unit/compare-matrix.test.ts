// The claim matrix: what each compared report does with a claim, and the figures that differ.
import { describe, expect, it } from 'vitest';
import type { ClaimDetail } from '../../shared/api.ts';
import {
  matrixCsv,
  matrixRow,
  numbersIn,
  quoteParts,
} from '../../renderer/src/features/compare/claim-matrix.ts';

type Group = ClaimDetail['supporting'][number];
const evidence = (
  passageId: number,
  reportId: number,
  stance: 'supports' | 'contradicts' | 'context',
  exact: string,
) =>
  ({
    id: passageId,
    claimId: 1,
    passageId,
    reportId,
    reportTitle: `report ${reportId}`,
    sourceId: null,
    sourceName: 'x',
    stance,
    credibility: 2,
    note: '',
    exact,
    contextBefore: '',
    contextAfter: '',
    passageStatus: 'anchored',
  }) as const;
const group = (
  name: string,
  reliability: 'B' | null,
  ...items: ReturnType<typeof evidence>[]
): Group => ({
  key: name,
  name,
  outlet: name,
  reliability,
  via: [],
  reports: 1,
  evidence: [...items],
});
const claim = (parts: Partial<Pick<ClaimDetail, 'supporting' | 'contradicting' | 'context'>>) =>
  ({ id: 1, supporting: [], contradicting: [], context: [], ...parts }) as unknown as ClaimDetail;

describe('claim matrix', () => {
  it('reads figures as written, ranges whole and thousands without their comma', () => {
    expect(numbersIn('previously 300-500 yuan, has risen to 1,200 yuan')).toEqual([
      '300-500',
      '1200',
    ]);
    expect(numbersIn('Groups of 3 – 5 people, 2.5 tonnes')).toEqual(['3-5', '2.5']);
    expect(numbersIn('no figure here')).toEqual([]);
    // A comma after a number is punctuation, not a thousands separator.
    expect(numbersIn('a fee of 300, traders said; 1,20 is no figure')).toEqual(['300', '1', '20']);
  });

  it('gives each report its stance, origin and grade, silent where it says nothing', () => {
    const row = matrixRow(
      claim({
        supporting: [group('ASIAPRESS', 'B', evidence(10, 2, 'supports', 'a fee of 1,200 yuan'))],
        contradicting: [group('Daily NK', null, evidence(11, 1, 'contradicts', 'no fee at all'))],
        context: [group('ASIAPRESS', 'B', evidence(12, 2, 'context', 'licences'))],
      }),
      [1, 2, 3],
    );
    expect(row.cells.map((c) => c.stance)).toEqual(['contradicts', 'mixed', 'silent']);
    expect(row.cells[1]?.entries.map((e) => [e.passageId, e.origin, e.reliability])).toEqual([
      [10, 'ASIAPRESS', 'B'],
      [12, 'ASIAPRESS', 'B'],
    ]);
    expect(row.cells[0]?.entries[0]?.reliability).toBeNull();
  });

  it('marks the figures that differ between reports, never against a report without figures', () => {
    const differing = matrixRow(
      claim({
        supporting: [
          group('ASIAPRESS', 'B', evidence(10, 2, 'supports', 'from 300-500 yuan to 1,200 yuan')),
          group('Daily NK', 'B', evidence(11, 1, 'supports', 'a fee of 300–500 yuan')),
        ],
      }),
      [1, 2],
    );
    expect(differing.cells.map((c) => c.differing)).toEqual([[], ['1200']]);
    expect(differing.numbersDiffer).toBe(true);
    const alone = matrixRow(
      claim({
        supporting: [
          group('ASIAPRESS', 'B', evidence(10, 2, 'supports', '1,200 yuan')),
          group('Daily NK', 'B', evidence(11, 1, 'supports', 'a higher fee')),
        ],
      }),
      [1, 2],
    );
    expect(alone.numbersDiffer).toBe(false);
  });

  it('a figure two reports give differs from neither; one only a third gives differs', () => {
    const row = matrixRow(
      claim({
        supporting: [
          group('A', 'B', evidence(10, 1, 'supports', 'a fee of 300, traders said')),
          group('B', 'B', evidence(11, 2, 'supports', 'the fee is 300 yuan')),
          group('C', 'B', evidence(12, 3, 'supports', 'the fee is 500 yuan')),
        ],
      }),
      [1, 2, 3],
    );
    expect(row.cells.map((c) => c.differing)).toEqual([[], [], ['500']]);
  });

  it('cuts a quote around the figures that differ, and only those', () => {
    expect(quoteParts('from 300-500 yuan to 1,200 yuan', ['1200'])).toEqual([
      { text: 'from 300-500 yuan to ', differs: false },
      { text: '1,200', differs: true },
      { text: ' yuan', differs: false },
    ]);
    expect(quoteParts('3-5 people', [])).toEqual([{ text: '3-5 people', differs: false }]);
  });

  it('exports as CSV: quoted, CRLF, a byte-order mark, formulas shown as text', () => {
    const detail = {
      ...claim({
        supporting: [group('ASIAPRESS', 'B', evidence(10, 2, 'supports', 'a fee of "1,200" yuan'))],
      }),
      text: '=SUM(A1) is no claim',
      status: 'single-origin',
    } as ClaimDetail;
    const csv = matrixCsv(
      [
        { id: 1, title: 'Repairs', outlet: 'Daily NK' },
        { id: 2, title: 'Pandora, a box', outlet: 'ASIAPRESS' },
      ],
      [{ number: 1, claim: detail, row: matrixRow(detail, [1, 2]) }],
      (status) => status,
    );
    expect(
      csv.startsWith('\uFEFFClaim number,Claim,Status,Figures differ,Daily NK: Repairs,'),
    ).toBe(true);
    const [head, row, end] = csv.slice(1).split('\r\n');
    expect(head).toContain('"ASIAPRESS: Pandora, a box"');
    expect(row).toBe(
      `1,'=SUM(A1) is no claim,single-origin,no,Silent,"Supports\nSupports · ASIAPRESS (B) · credibility 2: “a fee of ""1,200"" yuan”"`,
    );
    expect(end).toBe('');
  });
});
