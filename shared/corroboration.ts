// Corroboration: which claims are confirmed by INDEPENDENT ORIGINS, not merely by many articles.
// Pure functions over plain data; the desk and the UI both use them (see docs/corroboration.md).
import { isReliable, type Credibility, type Reliability } from './admiralty.ts';
import type { ClaimStatus, Stance } from './vocabulary.ts';

export type { ClaimStatus, Stance };

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  'no-evidence': 'No evidence',
  'single-origin': 'Single origin',
  'corroborated-one-outlet': 'Corroborated within one outlet',
  'corroborated-pending': 'Corroborated — origin check pending',
  corroborated: 'Corroborated',
  disputed: 'Disputed',
  contradicted: 'Contradicted',
};

/** A source: an outlet itself (kind 'outlet') or a named source inside its reports. */
export interface SourceNode {
  id: number;
  name: string;
  kind: 'outlet' | 'named';
  outletId: number;
  outletName: string;
  /** "X cites Y": this source's information comes from that one. */
  derivesFromId: number | null;
  reliability: Reliability | null;
}

export interface EvidenceItem {
  id: number;
  passageId: number;
  reportId: number;
  reportTitle: string;
  /** The source the passage is attributed to; null: the report's outlet. */
  sourceId: number | null;
  /** The outlet-source of the passage's report; null when the report has no outlet. */
  outletSourceId: number | null;
  stance: Stance;
  credibility: Credibility;
  /** The passage's words, for shared-origin warnings. */
  exact: string;
}

/** A reviewer's decision about two passages flagged as possibly sharing an origin. */
export interface OriginReview {
  passageA: number;
  passageB: number;
  decision: 'confirmed' | 'dismissed';
}

export interface OriginGroup {
  /** `source:<id>` for a source, `report:<id>` for a report with no outlet. */
  key: string;
  name: string;
  outlet: string | null;
  reliability: Reliability | null;
  /** The chain from the attributed sources up to this origin, for display ("partner A ← Daily NK source"). */
  via: string[];
  evidence: EvidenceItem[];
  reports: number;
}

export interface SharedOriginWarning {
  passageA: number;
  passageB: number;
  similarity: number;
  /** True once the reviewer confirmed; the two origins then count as one. */
  confirmed: boolean;
}

export interface ClaimAssessment {
  status: ClaimStatus;
  supporting: OriginGroup[];
  contradicting: OriginGroup[];
  context: OriginGroup[];
  counts: {
    passages: number;
    reports: number;
    outlets: number;
    /** Independent origins on the supporting side (the number that corroborates). */
    supportingOrigins: number;
    contradictingOrigins: number;
  };
  suggestedCredibility: Credibility;
  /** Why that grade, in one sentence. */
  suggestionReason: string;
  /** Open warnings (not yet confirmed or dismissed) and confirmed ones. */
  warnings: SharedOriginWarning[];
}

/** The root of a source's "cites" chain, and the chain itself; safe against cycles. */
export function originOf(
  sourceId: number,
  sources: ReadonlyMap<number, SourceNode>,
): { root: number; chain: number[] } {
  const chain = [sourceId];
  const seen = new Set(chain);
  let current = sources.get(sourceId);
  while (
    current?.derivesFromId != null &&
    !seen.has(current.derivesFromId) &&
    sources.has(current.derivesFromId)
  ) {
    chain.push(current.derivesFromId);
    seen.add(current.derivesFromId);
    current = sources.get(current.derivesFromId);
  }
  return { root: chain[chain.length - 1] as number, chain };
}

/** The origin key of one piece of evidence. */
export function evidenceOrigin(
  item: EvidenceItem,
  sources: ReadonlyMap<number, SourceNode>,
): string {
  const start = item.sourceId ?? item.outletSourceId;
  return start == null ? `report:${item.reportId}` : `source:${originOf(start, sources).root}`;
}

/** What the own-voice fold needs to know of one piece of evidence. */
export interface VoiceLink<K> {
  stance: Stance;
  /** Its origin before the fold. */
  origin: K;
  /** The outlet (its id) whose own voice the evidence is attributed to; null for a named source. */
  voiceOf: number | null;
  /** The outlet (its id) of the named source it is attributed to; null for an outlet's own voice. */
  namedIn: number | null;
}

/**
 * Each piece of evidence's origin once every outlet's own voice is folded into its named sources.
 * Evidence attributed to outlet X itself (the default for a passage of X's reports) is not
 * independent of X's named sources weighed on the same claim: the outlet relays its informants.
 * It joins the origin of one of them (one on its own side when there is one, else the first
 * weighed) and adds no origin of its own. With no named source of X supporting or contradicting
 * the claim, X's own voice remains X's one origin. Which of several named origins it joins changes
 * no count and no conclusion; taking the first keeps the desk's bulk pass and assessClaim alike.
 */
export function foldOwnVoice<K>(links: readonly VoiceLink<K>[]): K[] {
  // The first weighed named link of each outlet, on either side: a claim has a handful of links,
  // so a scan beats building maps.
  const firstNamed = (outlet: number, stance?: Stance): VoiceLink<K> | undefined =>
    links.find(
      (l) =>
        l.namedIn === outlet &&
        l.stance !== 'context' &&
        (stance === undefined || l.stance === stance),
    );
  return links.map((link) => {
    if (link.voiceOf === null) return link.origin;
    const join =
      (link.stance === 'context' ? undefined : firstNamed(link.voiceOf, link.stance)) ??
      firstNamed(link.voiceOf);
    return join ? join.origin : link.origin;
  });
}

/** The source a piece of evidence is attributed to (its report's outlet when none is named). */
const attributedSource = (
  item: EvidenceItem,
  sources: ReadonlyMap<number, SourceNode>,
): SourceNode | undefined => {
  const start = item.sourceId ?? item.outletSourceId;
  return start == null ? undefined : sources.get(start);
};

/** The origin keys of a claim's evidence, in its order, each outlet's own voice folded. */
export function foldedOrigins(
  evidence: readonly EvidenceItem[],
  sources: ReadonlyMap<number, SourceNode>,
): string[] {
  return foldOwnVoice(
    evidence.map((item) => {
      const attributed = attributedSource(item, sources);
      return {
        stance: item.stance,
        origin: evidenceOrigin(item, sources),
        voiceOf: attributed?.kind === 'outlet' ? attributed.outletId : null,
        namedIn: attributed?.kind === 'named' ? attributed.outletId : null,
      };
    }),
  );
}

/**
 * Words, case-folded, with curly and straight quotes and dashes treated alike: the unit of the
 * near-identical test.
 */
export function words(text: string): string[] {
  return (
    // NFKC leaves printable ASCII as it is: most passages skip it.
    (/^[\t\n\r -~]*$/.test(text) ? text : text.normalize('NFKC'))
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
  );
}

/** Threshold above which two passages count as near-identical wording. */
export const NEAR_IDENTICAL = 0.6;

/**
 * Similarity of two passages' wording: the overlap coefficient of their word trigrams, |A∩B| /
 * min(|A|,|B|), so one passage quoting the other inside a longer one still scores high. Passages
 * of fewer than four words are never near-identical (too little wording to tell).
 */
export function wordingSimilarity(a: string, b: string): number {
  return trigramOverlap(trigramsOf(a), trigramsOf(b));
}

/** A passage's word trigrams; null when it has fewer than four words. */
export function trigramsOf(text: string): Set<string> | null {
  const w = words(text);
  if (w.length < 4) return null;
  const set = new Set<string>();
  for (let i = 0; i + 2 < w.length; i++) set.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return set;
}

/**
 * The overlap coefficient of two trigram sets. With `atLeast`, it stops as soon as that is out of
 * reach and returns 0: most pairs share little, and only those at the threshold matter.
 */
function trigramOverlap(ga: Set<string> | null, gb: Set<string> | null, atLeast = 0): number {
  if (!ga || !gb) return 0;
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  if (small.size === 0) return 0;
  const mayMiss = small.size * (1 - atLeast);
  let shared = 0;
  let missed = 0;
  for (const g of small)
    if (large.has(g)) shared++;
    else if (++missed > mayMiss) return 0;
  return shared / small.size;
}

/** Union-find over origin keys, for origins the reviewer confirmed to be one. */
function merger(): { find(key: string): string; union(a: string, b: string): void } {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(key, root);
    return root;
  };
  return {
    find,
    union(a, b) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
    },
  };
}

const pairKey = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);

/**
 * Each passage's word trigrams (null under four words), worked out once however many pairs and
 * claims ask: `wordingOf` gives a passage's words.
 */
export function trigramsByPassage(
  wordingOf: (passageId: number) => string,
): (passageId: number) => Set<string> | null {
  const grams = new Map<number, Set<string> | null>();
  return (passageId) => {
    let set = grams.get(passageId);
    if (set === undefined) grams.set(passageId, (set = trigramsOf(wordingOf(passageId))));
    return set;
  };
}

/** A supporting passage as the shared-origin check sees it. */
export interface WordingCandidate<K> {
  passageId: number;
  reportId: number;
  /** Its origin, an outlet's own voice folded. */
  origin: K;
}

/** The reviewer's decisions on pairs of passages, keyed as `originWarnings` reads them. */
export const decisionsByPair = (
  reviews: readonly OriginReview[],
): Map<string, OriginReview['decision']> =>
  new Map(reviews.map((r) => [pairKey(r.passageA, r.passageB), r.decision]));

/**
 * Supporting passages in different reports, near-identical, of different origins, not dismissed:
 * the one rule, for assessClaim and the desk's bulk pass (which reads only the wording it needs).
 */
export function originWarnings<K>(
  supporting: readonly WordingCandidate<K>[],
  gramsOf: (passageId: number) => Set<string> | null,
  decided: ReadonlyMap<string, OriginReview['decision']>,
): SharedOriginWarning[] {
  const warnings: SharedOriginWarning[] = [];
  for (let i = 0; i < supporting.length; i++) {
    for (let j = i + 1; j < supporting.length; j++) {
      const a = supporting[i] as WordingCandidate<K>;
      const b = supporting[j] as WordingCandidate<K>;
      if (a.reportId === b.reportId || a.passageId === b.passageId) continue;
      if (a.origin === b.origin) continue;
      // The wording first: most pairs differ, and then no decision need be looked up.
      const similarity = trigramOverlap(gramsOf(a.passageId), gramsOf(b.passageId), NEAR_IDENTICAL);
      if (similarity < NEAR_IDENTICAL) continue;
      const decision =
        decided.size > 0 ? decided.get(pairKey(a.passageId, b.passageId)) : undefined;
      if (decision === 'dismissed') continue;
      warnings.push({
        passageA: Math.min(a.passageId, b.passageId),
        passageB: Math.max(a.passageId, b.passageId),
        similarity,
        confirmed: decision === 'confirmed',
      });
    }
  }
  return warnings;
}

/** Supporting passages in different reports, near-identical, attributed to different origins. */
export function sharedOriginWarnings(
  evidence: readonly EvidenceItem[],
  sources: ReadonlyMap<number, SourceNode>,
  reviews: readonly OriginReview[] = [],
): SharedOriginWarning[] {
  const origins = foldedOrigins(evidence, sources);
  const wording = new Map(evidence.map((e) => [e.passageId, e.exact]));
  const supporting = evidence.flatMap((e, i) =>
    e.stance === 'supports'
      ? [{ passageId: e.passageId, reportId: e.reportId, origin: origins[i] as string }]
      : [],
  );
  return originWarnings(
    supporting,
    trigramsByPassage((passageId) => wording.get(passageId) ?? ''),
    decisionsByPair(reviews),
  );
}

/** Groups, counts, status and suggested grade of one claim's evidence. */
export function assessClaim(
  evidence: readonly EvidenceItem[],
  sources: ReadonlyMap<number, SourceNode>,
  reviews: readonly OriginReview[] = [],
): ClaimAssessment {
  const warnings = sharedOriginWarnings(evidence, sources, reviews);
  const origins = foldedOrigins(evidence, sources);
  const originOfItem = new Map(evidence.map((e, i) => [e, origins[i] as string]));
  // Confirmed shared origins: the two passages' origins are one.
  const merge = merger();
  const byPassage = new Map(evidence.map((e) => [e.passageId, e]));
  for (const review of reviews) {
    if (review.decision !== 'confirmed') continue;
    const a = byPassage.get(review.passageA);
    const b = byPassage.get(review.passageB);
    if (a && b) merge.union(originOfItem.get(a) as string, originOfItem.get(b) as string);
  }

  const groups = (stance: Stance): OriginGroup[] => {
    const map = new Map<string, OriginGroup>();
    for (const item of evidence) {
      if (item.stance !== stance) continue;
      const unfolded = evidenceOrigin(item, sources);
      const key = merge.find(originOfItem.get(item) as string);
      let group = map.get(key);
      if (!group) {
        const root = key.startsWith('source:') ? sources.get(Number(key.slice(7))) : undefined;
        group = {
          key,
          name: root?.name ?? `${item.reportTitle} (no outlet)`,
          outlet: root?.outletName ?? null,
          reliability: root?.reliability ?? null,
          via: [],
          evidence: [],
          reports: 0,
        };
        map.set(key, group);
      }
      group.evidence.push(item);
      const start = item.sourceId ?? item.outletSourceId;
      // An outlet's own voice folded into its named source is shown as such.
      const step =
        originOfItem.get(item) !== unfolded
          ? `${attributedSource(item, sources)?.name ?? '?'} (own voice)`
          : start != null
            ? originOf(start, sources)
                .chain.slice(0, -1)
                .map((id) => sources.get(id)?.name ?? '?')
                .join(' ← ')
            : '';
      if (step && !group.via.includes(step)) group.via.push(step);
    }
    for (const group of map.values())
      group.reports = new Set(group.evidence.map((e) => e.reportId)).size;
    return [...map.values()].sort(
      (a, b) => b.evidence.length - a.evidence.length || a.name.localeCompare(b.name),
    );
  };

  const supporting = groups('supports');
  const contradicting = groups('contradicts');
  const context = groups('context');
  const weighed = evidence.filter((e) => e.stance !== 'context');
  // Outlets that published the evidence (a report without outlet counts as its own).
  const outletOf = (e: EvidenceItem): string =>
    e.outletSourceId == null ? `report:${e.reportId}` : `outlet:${e.outletSourceId}`;
  const counts = {
    passages: new Set(evidence.map((e) => e.passageId)).size,
    reports: new Set(evidence.map((e) => e.reportId)).size,
    outlets: new Set(evidence.map(outletOf)).size,
    supportingOrigins: supporting.length,
    contradictingOrigins: contradicting.length,
  };

  // The outlet an origin sits in (a report without outlet is one of its own).
  const tally = (g: OriginGroup): OriginTally => {
    const root = g.key.startsWith('source:') ? sources.get(Number(g.key.slice(7))) : undefined;
    return {
      key: g.key,
      outlet: root ? `outlet:${root.outletId}` : g.key,
      reliability: g.reliability,
      bestCredibility: Math.min(...g.evidence.map((e) => e.credibility)),
    };
  };
  const { status, grade, reason } = conclude(
    supporting.map(tally),
    contradicting.map(tally),
    weighed.length,
    warnings.filter((w) => !w.confirmed).length,
  );
  return {
    status,
    supporting,
    contradicting,
    context,
    counts,
    suggestedCredibility: grade,
    suggestionReason: reason,
    warnings,
  };
}

/** What the conclusion on a claim needs to know of one origin on one side. */
export interface OriginTally {
  /** Any value that is equal for the same origin (the desk's bulk path uses numbers). */
  key: string | number;
  /** Any value that is equal for origins in the same outlet. */
  outlet: string | number;
  reliability: Reliability | null;
  /** The best (lowest) credibility the reviewer gave its evidence. */
  bestCredibility: number;
}

/** How many different outlets these origins sit in. */
const outletCount = (origins: readonly OriginTally[]): number =>
  new Set(origins.map((o) => o.outlet)).size;

/**
 * The computed status and suggested grade from the independent origins on each side and the
 * shared-origin warnings the reviewer has not decided yet; shared by assessClaim and the desk's
 * bulk recomputation so that both always agree.
 */
export function conclude(
  supporting: readonly OriginTally[],
  contradicting: readonly OriginTally[],
  weighed: number,
  openWarnings = 0,
): { status: ClaimStatus; grade: Credibility; reason: string } {
  const allOrigins = new Set([...supporting, ...contradicting].map((g) => g.key));
  let status: ClaimStatus;
  if (weighed === 0) status = 'no-evidence';
  else if (supporting.length > 0 && contradicting.length > 0)
    status = allOrigins.size >= 2 ? 'disputed' : 'single-origin';
  else if (supporting.length >= 2)
    // Origins all in one outlet are the weaker kind whatever the warnings say.
    status =
      outletCount(supporting) < 2
        ? 'corroborated-one-outlet'
        : openWarnings > 0
          ? 'corroborated-pending'
          : 'corroborated';
  else if (supporting.length === 1) status = 'single-origin';
  else status = 'contradicted';
  return { status, ...suggestGrade(status, supporting, contradicting) };
}

function suggestGrade(
  status: ClaimStatus,
  supporting: readonly OriginTally[],
  contradicting: readonly OriginTally[],
): { grade: Credibility; reason: string } {
  const bestGiven = (groups: readonly OriginTally[]): number =>
    Math.min(...groups.map((g) => g.bestCredibility), 6);
  switch (status) {
    case 'no-evidence':
      return { grade: 6, reason: 'No evidence supports or contradicts it yet.' };
    case 'corroborated': {
      const reliable = supporting.filter((g) => isReliable(g.reliability));
      const outlets = outletCount(reliable);
      if (reliable.length >= 2 && outlets >= 2)
        return {
          grade: 1,
          reason: `Confirmed by ${reliable.length} independent origins graded A–C, in ${outlets} outlets.`,
        };
      return {
        grade: 2,
        reason:
          reliable.length >= 2
            ? `${supporting.length} independent origins support it, but those graded A–C all sit in one outlet: confirmation (1) needs graded origins in two outlets.`
            : `${supporting.length} independent origins support it, but fewer than two are graded A–C: grade the sources to confirm.`,
      };
    }
    case 'corroborated-one-outlet':
      return {
        grade: 2,
        reason: `${supporting.length} independent origins support it, all in one outlet: confirmation (1) needs supporting origins in at least two outlets.`,
      };
    case 'corroborated-pending':
      return {
        grade: 2,
        reason: `${supporting.length} independent origins in ${outletCount(supporting)} outlets support it, but a possible shared origin awaits the reviewer: confirm or dismiss it first.`,
      };
    case 'single-origin': {
      const origin = supporting[0] ?? contradicting[0];
      const given = Math.max(2, bestGiven(supporting.length ? supporting : contradicting));
      const doubtful =
        origin &&
        origin.reliability &&
        !isReliable(origin.reliability) &&
        origin.reliability !== 'F';
      const grade = (doubtful ? Math.max(3, given) : given) as Credibility;
      return {
        grade,
        reason: 'One origin only: it cannot be confirmed (1) without an independent one.',
      };
    }
    case 'disputed':
      return supporting.length > contradicting.length
        ? {
            grade: 3,
            reason: `Disputed: ${supporting.length} origins support it, ${contradicting.length} contradict it.`,
          }
        : supporting.length === contradicting.length
          ? {
              grade: 4,
              reason: `Disputed: as many origins contradict it as support it (${supporting.length}).`,
            }
          : {
              grade: 5,
              reason: `Disputed: more origins contradict it (${contradicting.length}) than support it (${supporting.length}).`,
            };
    case 'contradicted':
      return { grade: 5, reason: 'Only contradicting evidence.' };
  }
}
