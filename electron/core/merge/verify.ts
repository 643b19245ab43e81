// Re-checking every quote of a set against the text it names, before anything is written.
import type { DuplicateDecision } from '../../../shared/api/sets.ts';
import { shaOfUrn, type ClaimSet, type SetPassage } from '../../../shared/claim-set.ts';
import { convertOffsets } from '../../../shared/code-points.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { rejected } from './read.ts';
import { clip } from './run.ts';

/** The texts the set's quotes were checked against, and each checked passage's position in its own. */
export interface Verified {
  /** By SHA-256: carried by the set or held by the desk. */
  texts: Map<string, string>;
  /** By passage id: its position in code units of the text it was made on. */
  units: Map<string, [number, number]>;
}

/**
 * The quote of every passage whose text is at hand (carried by the set, or held by the desk) must
 * stand at its position there, with its context around it: a set whose quote contradicts its own
 * text was changed or made wrongly, and is refused. Each text's offsets are converted in one pass.
 */
export function verifyQuotes(
  db: Db,
  set: ClaimSet,
  texts: Map<string, string>,
  fileName: string,
): Verified {
  const byText = new Map<string, SetPassage[]>();
  for (const p of set.passages) {
    const sha = shaOfUrn(p.target.source);
    let list = byText.get(sha);
    if (!list) byText.set(sha, (list = []));
    list.push(p);
  }
  const readText = prepared(db, 'SELECT body FROM texts WHERE sha256 = ?').pluck();
  const verified: Verified = { texts: new Map(), units: new Map() };
  for (const [sha, passages] of byText) {
    const text = texts.get(sha) ?? (readText.get(sha) as string | undefined);
    if (text === undefined) continue;
    verified.texts.set(sha, text);
    let units: number[];
    try {
      units = convertOffsets(
        text,
        passages.flatMap((p) => [p.target.selector[1].start, p.target.selector[1].end]),
        'units',
      );
    } catch {
      // Which one: each on its own, only now that one is known to be wrong.
      for (const p of passages) {
        const { start, end } = p.target.selector[1];
        try {
          convertOffsets(text, [start, end], 'units');
        } catch (error) {
          throw rejected(
            fileName,
            `passage ${p.id}'s position ${start}–${end} does not fit its text ${sha} (${(error as Error).message})`,
          );
        }
      }
      throw rejected(fileName, `a passage's position does not fit its text ${sha}`);
    }
    passages.forEach((p, i) => {
      const [quote] = p.target.selector;
      const start = units[2 * i] as number;
      const end = units[2 * i + 1] as number;
      const there = text.slice(start, end);
      if (
        there !== quote.exact ||
        start < quote.prefix.length ||
        !text.startsWith(quote.prefix, start - quote.prefix.length) ||
        !text.startsWith(quote.suffix, end)
      )
        throw rejected(
          fileName,
          `passage ${p.id} quotes “${clip(quote.exact)}” at ${p.target.selector[1].start}–${p.target.selector[1].end}, but its text reads “${clip(there)}” there`,
        );
      verified.units.set(p.id, [start, end]);
    });
  }
  return verified;
}

/** What a merge knows before it writes: the file, the checked texts, who merges, the choices. */
export interface Context {
  fileName: string;
  fileSha256: string;
  texts: Map<string, string>;
  verified: Verified;
  reviewer: string;
  decisions: Map<string, DuplicateDecision>;
}
