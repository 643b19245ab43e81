// A small but complete claim set, and how the merge tests run and weigh a merge.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../../electron/core/db/connection.ts';
import { sha256 } from '../../electron/core/import/normalise.ts';
import { mergeClaimSet } from '../../electron/core/merge/index.ts';
import {
  CLAIM_SET_FORMAT,
  CLAIM_SET_VERSION,
  urnOf,
  type ClaimSet,
} from '../../shared/claim-set.ts';

export const TEXT =
  'HYESAN — Flag 🇰🇵 raised at dawn. A source in Ryanggang province said rice now costs 8,000 won ' +
  'per kilogram at the Hyesan market, up from 6,000 won a month ago.\n\nTraders blame the border closure.';
export const QUOTE = 'rice now costs 8,000 won per kilogram';

const points = (text: string, units: number): number => [...text.slice(0, units)].length;

/** A small but complete claim set: one report (with its text unless told), a graded outlet and a
 * named source citing it, one passage on the quote (code-point offsets, past an emoji), one claim
 * with a verdict, one evidence link. */
export function smallSet(options: { withText?: boolean; reviewer?: string } = {}): ClaimSet {
  const sha = sha256(TEXT);
  const start = TEXT.indexOf(QUOTE);
  const end = start + QUOTE.length;
  const ids = {
    outlet: randomUUID(),
    named: randomUUID(),
    passage: randomUUID(),
    claim: randomUUID(),
    evidence: randomUUID(),
  };
  const at = '2025-11-20T10:00:00.000Z';
  const reviewer = options.reviewer ?? 'A. Colleague';
  return {
    format: CLAIM_SET_FORMAT,
    version: CLAIM_SET_VERSION,
    exported: {
      desk: randomUUID(),
      reviewer,
      at,
      filter: null,
      withTexts: options.withText ?? true,
    },
    reports: [
      {
        id: urnOf(sha),
        sha256: sha,
        title: 'Rice prices climb in Hyesan',
        outlet: 'Daily NK',
        byline: null,
        publishedAt: '2025-11-19',
        url: 'https://www.dailynk.com/english/rice',
        language: 'en',
        format: 'txt',
        originalName: 'rice.txt',
        importedAt: at,
        ...(options.withText === false ? {} : { text: TEXT }),
      },
    ],
    texts: [],
    sources: [
      {
        id: ids.outlet,
        kind: 'outlet',
        name: 'Daily NK',
        outlet: 'Daily NK',
        cites: null,
        note: null,
        reliability: 'B',
        rationale: 'long record',
        history: [{ reliability: 'B', rationale: 'long record', reviewer, at }],
        createdAt: at,
      },
      {
        id: ids.named,
        kind: 'named',
        name: 'a source in Ryanggang province',
        outlet: 'Daily NK',
        cites: null,
        note: null,
        reliability: 'C',
        rationale: 'one informant',
        history: [{ reliability: 'C', rationale: 'one informant', reviewer, at }],
        createdAt: at,
      },
    ],
    passages: [
      {
        id: ids.passage,
        report: urnOf(sha),
        target: {
          source: urnOf(sha),
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: QUOTE,
              prefix: TEXT.slice(start - 32, start),
              suffix: TEXT.slice(end, end + 32),
            },
            { type: 'TextPositionSelector', start: points(TEXT, start), end: points(TEXT, end) },
          ],
        },
        status: 'anchored',
        note: 'price check',
        source: ids.named,
        createdAt: at,
        updatedAt: at,
      },
    ],
    evidence: [
      {
        id: ids.evidence,
        claim: ids.claim,
        passage: ids.passage,
        stance: 'supports',
        credibility: 2,
        note: '',
        source: ids.named,
        origin: ids.named,
        createdAt: at,
      },
    ],
    claims: [
      {
        id: ids.claim,
        text: 'Rice costs 8,000 won per kilogram in Hyesan',
        tags: ['prices'],
        status: 'single-origin',
        counts: {
          passages: 1,
          reports: 1,
          outlets: 1,
          independentOrigins: 1,
          contradictingOrigins: 0,
        },
        origins: [],
        verdict: 'unresolved',
        rationale: 'one informant only',
        createdAt: at,
        updatedAt: at,
      },
    ],
    audit: [
      {
        at,
        reviewer,
        action: 'claim.create',
        entity: 'claim',
        item: ids.claim,
        before: null,
        after: { text: 'Rice costs 8,000 won per kilogram in Hyesan' },
      },
    ],
  };
}

export const merge = (
  db: Db,
  set: unknown,
  more: Partial<Parameters<typeof mergeClaimSet>[2]> = {},
) => mergeClaimSet(db, JSON.stringify(set), { fileName: 'colleague.json', dryRun: false, ...more });

/** The desk file's bytes, after everything written is in it. */
export function fileHash(db: Db, file: string): string {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
