// A desk holding the seed case worked through as an analyst would: claims with tags and verdicts,
// graded sources with a "cites" chain, a quote after emoji, a passage orphaned by a new version, a
// passage on no claim and a deleted claim. Exports and merges are tested on it.
import { expect } from 'vitest';
import { demoDesk } from './desk.ts';

export const EMOJI_QUOTE = 'the border guards took the cars';
export const EMOJI_TEXT =
  'Notes from the border\n\nA message marked 🇰🇵 and 🚗🚗 arrived first. Then the report said ' +
  `${EMOJI_QUOTE} back across the river at night.\n`;
export const DOOMED = 'These doomed words are dropped in the next version';
export const ORPHAN_TEXT = `Old notes\n\nAlpha beta gamma delta. ${DOOMED}. Omega closes the notes.\n`;
export const ORPHAN_V2 =
  'Old notes\n\nAlpha beta gamma delta. Omega closes the notes, rewritten.\n';

export const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export interface Summary {
  id: number;
  status: string;
}
interface SourceSummary {
  id: number;
  name: string;
  kind: 'outlet' | 'named';
  outletId: number;
  outletName: string;
}

/** The seed case with claims, grades, verdicts, a cites chain, an emoji quote and an orphan. */
export async function seededDesk() {
  const desk = await demoDesk();
  const { call, passage } = desk;
  const sources = await call<SourceSummary[]>('sources.list', {});
  const dailyNk = sources.find(
    (s) => s.kind === 'outlet' && s.name === 'Daily NK',
  ) as SourceSummary;
  const asiapress = sources.find(
    (s) => s.kind === 'outlet' && s.name === 'ASIAPRESS',
  ) as SourceSummary;
  const informant = await call<SourceSummary>('sources.create', {
    outletId: asiapress.id,
    name: 'reporting partner in Ryanggang',
  });
  const relay = await call<SourceSummary>('sources.create', {
    outletId: dailyNk.id,
    name: 'a Daily NK source in Hyesan',
    derivesFromId: informant.id,
  });
  await call('sources.rate', { id: dailyNk.id, reliability: 'C', rationale: 'first look' });
  await call('sources.rate', { id: dailyNk.id, reliability: 'B', rationale: 'track record' });
  await call('sources.rate', { id: informant.id, reliability: 'B', rationale: 'long contact' });

  const [emoji, old] = await call<{ reportId: number; status: string }[]>('reports.import', {
    files: [
      { name: 'border-notes.txt', data: base64(EMOJI_TEXT) },
      { name: 'old-notes.txt', data: base64(ORPHAN_TEXT) },
    ],
  });
  expect([emoji?.status, old?.status]).toEqual(['imported', 'imported']);

  const p1 = await passage(1, 'auto repair is becoming a new market');
  const p2 = await passage(2, 'car');
  const p3 = await passage(3, 'vehicle');
  const pEmoji = await passage(emoji?.reportId as number, EMOJI_QUOTE);
  const pOld = await passage(old?.reportId as number, DOOMED);
  const loose = await passage(1, 'Daily NK');
  await call('passages.attribute', { passageId: p1.id, sourceId: relay.id });

  const link = (claimId: number, passageId: number, stance: string, credibility = 3) =>
    call('evidence.link', { claimId, passageId, stance, credibility });
  const vehicles = await call<Summary>('claims.create', {
    text: 'Car repair is a growing trade in Ryanggang',
    tags: ['vehicles', 'economy'],
  });
  await link(vehicles.id, p1.id, 'supports', 2);
  await link(vehicles.id, p2.id, 'supports', 3);
  await link(vehicles.id, p3.id, 'context');
  await call('claims.update', {
    id: vehicles.id,
    verdict: 'verified',
    verdictRationale: 'two outlets',
  });
  const border = await call<Summary>('claims.create', {
    text: 'Border guards confiscate smuggled cars',
    tags: ['border'],
  });
  await link(border.id, pEmoji.id, 'supports', 4);
  await link(border.id, pOld.id, 'context');
  const disputed = await call<Summary>('claims.create', {
    text: 'Nobody in Hyesan repairs cars',
    tags: ['vehicles'],
  });
  await link(disputed.id, p2.id, 'contradicts', 2);
  await call('claims.update', { id: disputed.id, verdict: 'refuted', verdictRationale: 'no' });
  const empty = await call<Summary>('claims.create', { text: 'Nothing yet', tags: ['other'] });
  const gone = await call<Summary>('claims.create', { text: 'Deleted again' });
  await call('claims.delete', { id: gone.id });

  // The new version drops the doomed words: that passage is orphaned in the old text.
  await call('reports.importVersion', {
    id: old?.reportId,
    file: { name: 'old-notes-v2.txt', data: base64(ORPHAN_V2) },
  });
  const uuid = (table: string, id: number): string =>
    desk.db.prepare(`SELECT uuid FROM ${table} WHERE id = ?`).pluck().get(id) as string;
  return {
    ...desk,
    claims: {
      vehicles: uuid('claims', vehicles.id),
      border: uuid('claims', border.id),
      disputed: uuid('claims', disputed.id),
      empty: uuid('claims', empty.id),
    },
    passages: {
      emoji: uuid('passages', pEmoji.id),
      old: uuid('passages', pOld.id),
      loose: uuid('passages', loose.id),
    },
    sources: { relay: uuid('sources', relay.id), informant: uuid('sources', informant.id) },
  };
}
