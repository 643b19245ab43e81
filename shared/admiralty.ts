// The Admiralty (NATO) system: reliability of a source (A–F) and credibility of a piece of
// information (1–6), with their published wording.

export const RELIABILITY = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
} as const;

export const CREDIBILITY = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
} as const;

export type Reliability = keyof typeof RELIABILITY;
export type Credibility = keyof typeof CREDIBILITY;

export const RELIABILITY_GRADES = Object.keys(RELIABILITY) as Reliability[];
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const satisfies readonly Credibility[];

/** A–C: a source whose reporting has usually held up. */
export function isReliable(grade: Reliability | null | undefined): boolean {
  return grade === 'A' || grade === 'B' || grade === 'C';
}
