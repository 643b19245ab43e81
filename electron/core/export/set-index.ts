// One claim set, looked up by id: what the open formats (annotations, ClaimReview, CSV, brief)
// need to join evidence to its claim, passage, report and sources without a scan per item.
import { CREDIBILITY, RELIABILITY } from '../../../shared/admiralty.ts';
import type {
  ClaimSet,
  SetClaim,
  SetEvidence,
  SetPassage,
  SetReport,
  SetSource,
} from '../../../shared/claim-set.ts';
import type { Stance } from '../../../shared/vocabulary.ts';

export interface SetIndex {
  claim: (id: string) => SetClaim | undefined;
  passage: (id: string) => SetPassage | undefined;
  report: (urn: string) => SetReport | undefined;
  source: (id: string) => SetSource | undefined;
  /** A claim's evidence in the order an editor reads it: supporting, contradicting, context. */
  evidenceOf: (claimId: string) => SetEvidence[];
  /** Passages no exported evidence link uses. */
  unlinkedPassages: SetPassage[];
}

const STANCE_ORDER: Record<Stance, number> = { supports: 0, contradicts: 1, context: 2 };

export function indexSet(set: ClaimSet): SetIndex {
  const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
    new Map(items.map((item) => [item.id, item]));
  const claims = byId(set.claims);
  const passages = byId(set.passages);
  const reports = byId(set.reports);
  const sources = byId(set.sources);
  const evidence = new Map<string, SetEvidence[]>();
  const linked = new Set<string>();
  for (const e of set.evidence) {
    let list = evidence.get(e.claim);
    if (!list) evidence.set(e.claim, (list = []));
    list.push(e);
    linked.add(e.passage);
  }
  // The published date, then the title, orders quotes of one stance: the story as it unfolded.
  // Keys worked out once and compared by code unit: a large set sorts a million pairs.
  const keys = new Map<SetEvidence, string>();
  for (const e of set.evidence) {
    const report = reports.get(passages.get(e.passage)?.report ?? '');
    keys.set(
      e,
      `${STANCE_ORDER[e.stance]}\u0000${report?.publishedAt ?? '9999'}\u0000${report?.title ?? ''}\u0000${e.id}`,
    );
  }
  const byKey = (a: SetEvidence, b: SetEvidence): number => {
    const [ka, kb] = [keys.get(a) as string, keys.get(b) as string];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  for (const list of evidence.values()) list.sort(byKey);
  return {
    claim: (id) => claims.get(id),
    passage: (id) => passages.get(id),
    report: (urn) => reports.get(urn),
    source: (id) => sources.get(id),
    evidenceOf: (claimId) => evidence.get(claimId) ?? [],
    unlinkedPassages: set.passages.filter((p) => !linked.has(p.id)),
  };
}

/** The quoted words of a passage. */
export const quoteOf = (passage: SetPassage): string => passage.target.selector[0].exact;

/** "B (Usually reliable)", or "not graded". */
export const reliabilityWords = (grade: SetSource['reliability']): string =>
  grade ? `${grade} (${RELIABILITY[grade]})` : 'not graded';

/** "2 (Probably true)". */
export const credibilityWords = (grade: SetEvidence['credibility']): string =>
  `${grade} (${CREDIBILITY[grade]})`;

/** Stances as an editor reads them. */
export const STANCE_WORDS: Record<Stance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context',
};

/** The verdict groups of a brief, in the order an editor reads them. */
export const VERDICT_GROUPS = [
  { verdict: 'verified', label: 'Verified' },
  { verdict: 'refuted', label: 'Refuted' },
  { verdict: 'unresolved', label: 'Unresolved' },
  { verdict: null, label: 'No verdict yet' },
] as const satisfies readonly { verdict: SetClaim['verdict']; label: string }[];

/** The verdict's word (Verified / Refuted / Unresolved), or null for none. */
export const verdictLabel = (verdict: SetClaim['verdict']): string | null =>
  VERDICT_GROUPS.find((g) => g.verdict === verdict && verdict !== null)?.label ?? null;

/** `n thing`/`n things`. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;
