// What the compare view derives from its columns: each claim's number and colour, where each
// claim falls in each report, and which claims two reports or more share. Pure, for the tests.
import type { Passage } from '../../../../shared/api.ts';
import type { Stance } from '../../../../shared/corroboration.ts';

/** A claim a passage is evidence for, as `claims.forPassage` tells it. */
export interface PassageClaim {
  claimId: number;
  text: string;
  stance: Stance;
}

/** What the view needs of a column: its text's length, passages and their claims. */
export interface ColumnClaims {
  reportId: number;
  textLength: number;
  passages: readonly Pick<Passage, 'id' | 'start' | 'end' | 'status'>[];
  /** The claims each passage is evidence for, by passage id (absent: none, or not asked). */
  claimsByPassage: Readonly<Record<number, readonly PassageClaim[]>>;
}

/**
 * Okabe and Ito's palette, told apart under the common colour blindnesses; the claim's number is
 * drawn beside its colour, so that colour is never the only sign.
 */
export const CLAIM_COLOURS = 8;

export interface ClaimKey {
  claimId: number;
  text: string;
  /** 1, 2, 3…: by claim id, so a claim keeps its number (and colour) as others are added. */
  number: number;
  /** Index into the palette. */
  colour: number;
  /** The columns (indexes) it has evidence in, in column order. */
  columns: number[];
  /** Its stances in each column it is in, by column index. */
  stances: Record<number, Stance[]>;
}

/** Every claim with evidence in at least one column, numbered and coloured, in number order. */
export function claimKeys(columns: readonly ColumnClaims[]): ClaimKey[] {
  const byId = new Map<number, ClaimKey>();
  columns.forEach((column, at) => {
    for (const passage of column.passages) {
      if (passage.status !== 'anchored') continue;
      for (const link of column.claimsByPassage[passage.id] ?? []) {
        let key = byId.get(link.claimId);
        if (!key) {
          key = {
            claimId: link.claimId,
            text: link.text,
            number: 0,
            colour: 0,
            columns: [],
            stances: {},
          };
          byId.set(link.claimId, key);
        }
        if (!key.columns.includes(at)) key.columns.push(at);
        const stances = (key.stances[at] ??= []);
        if (!stances.includes(link.stance)) stances.push(link.stance);
      }
    }
  });
  const keys = [...byId.values()].sort((a, b) => a.claimId - b.claimId);
  keys.forEach((key, i) => {
    key.number = i + 1;
    key.colour = i % CLAIM_COLOURS;
    key.columns.sort((a, b) => a - b);
  });
  return keys;
}

/** Claims with evidence in two columns or more: the ones worth reading side by side. */
export function sharedClaims(keys: readonly ClaimKey[]): ClaimKey[] {
  return keys.filter((k) => k.columns.length >= 2);
}

/** The shared claim after `current` (the first when none or the last is current). */
export function nextShared(shared: readonly ClaimKey[], current: number | null): ClaimKey | null {
  if (shared.length === 0) return null;
  const at = shared.findIndex((k) => k.claimId === current);
  return shared[(at + 1) % shared.length] ?? null;
}

/** A passage of a column with the claims it is evidence for, in their number order. */
export interface MarkedPassage {
  passageId: number;
  start: number;
  end: number;
  claims: ClaimKey[];
  /** What the passage is to each of its claims, by claim id. */
  stances: Record<number, Stance>;
}

/** The column's anchored passages, each with its claims' keys (none: not evidence here). */
export function markedPassages(
  column: ColumnClaims,
  keys: ReadonlyMap<number, ClaimKey>,
): MarkedPassage[] {
  return column.passages
    .filter((p) => p.status === 'anchored')
    .map((p) => ({
      passageId: p.id,
      start: p.start,
      end: p.end,
      claims: (column.claimsByPassage[p.id] ?? [])
        .map((link) => keys.get(link.claimId))
        .filter((k): k is ClaimKey => k !== undefined)
        .sort((a, b) => a.number - b.number),
      stances: Object.fromEntries(
        (column.claimsByPassage[p.id] ?? []).map((link) => [link.claimId, link.stance]),
      ),
    }))
    .sort((a, b) => a.start - b.start || a.passageId - b.passageId);
}

/** A mark in a column's gutter: where (0 top, 1 bottom) a passage of a claim falls in its text. */
export interface GutterTick {
  claimId: number;
  number: number;
  colour: number;
  passageId: number;
  at: number;
}

/** One tick per passage and claim, placed by the passage's start in the text. */
export function gutterTicks(marked: readonly MarkedPassage[], textLength: number): GutterTick[] {
  const length = Math.max(1, textLength);
  return marked.flatMap((p) =>
    p.claims.map((k) => ({
      claimId: k.claimId,
      number: k.number,
      colour: k.colour,
      passageId: p.passageId,
      at: Math.min(1, Math.max(0, p.start / length)),
    })),
  );
}

/** The first passage (in reading order) of a claim in a column, or null when it is silent. */
export function firstPassageOf(marked: readonly MarkedPassage[], claimId: number): number | null {
  return marked.find((p) => p.claims.some((k) => k.claimId === claimId))?.passageId ?? null;
}

/**
 * For "Align matched passages": the first passage at or below the top of the scrolled column whose
 * claim another column has too, with that claim. `tops` gives each passage's top in the column.
 */
export function alignAnchor(
  marked: readonly MarkedPassage[],
  tops: ReadonlyMap<number, number>,
  scrollTop: number,
  shared: ReadonlySet<number>,
): { passageId: number; claimId: number; offset: number } | null {
  let best: { passageId: number; claimId: number; offset: number } | null = null;
  for (const p of marked) {
    const top = tops.get(p.passageId);
    const claim = p.claims.find((k) => shared.has(k.claimId));
    if (top === undefined || !claim || top < scrollTop - 4) continue;
    if (!best || top - scrollTop < best.offset)
      best = { passageId: p.passageId, claimId: claim.claimId, offset: top - scrollTop };
  }
  return best;
}
