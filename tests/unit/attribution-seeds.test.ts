// Source mentions read from the three seed reports: the examples, what each governs,
// back-references, and which mentions may be the same source across reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../electron/core/import/normalise.ts';
import {
  compatibleMentions,
  findMentions,
  resolvedDescriptors,
  type Mention,
} from '../../shared/attribution.ts';
import { SEEDS, SEED_FILES } from './helpers.ts';

const [dailyNk, partners, smuggling] = SEED_FILES.map((f) => {
  const text = normaliseText(readFileSync(join(SEEDS, f), 'utf8'));
  return { text, mentions: findMentions(text) };
}) as [Seed, Seed, Seed];

interface Seed {
  text: string;
  mentions: Mention[];
}

/** The mention whose phrase is `exact` (the n-th of them), failing loudly when there is none. */
function mention(seed: Seed, exact: string, n = 0): Mention {
  const found = seed.mentions.filter((m) => m.exact === exact)[n];
  if (!found)
    throw new Error(
      `no mention "${exact}" (#${n}) among ${seed.mentions.map((m) => m.exact).join(' | ')}`,
    );
  return found;
}

const governed = (seed: Seed, m: Mention): string =>
  m.governs.map((s) => seed.text.slice(s.start, s.end)).join('\n');

/** The first mention of the chain a back-reference belongs to. */
function root(seed: Seed, m: Mention): Mention {
  let at = m;
  while (at.refersTo !== null) at = seed.mentions[at.refersTo] as Mention;
  return at;
}

describe('mentions in seed 000 (Daily NK)', () => {
  it('finds every attribution and nothing else', () => {
    expect(dailyNk.mentions.map((m) => m.exact)).toEqual([
      'a Daily NK source in Ryanggang province said',
      'the source said',
      'According to the source',
      'the man said',
      'the source said',
      'the source said',
    ]);
  });

  it('reads "a Daily NK source in Ryanggang province said" and the quotation it governs', () => {
    const m = mention(dailyNk, 'a Daily NK source in Ryanggang province said');
    expect(dailyNk.text.slice(m.start, m.end)).toBe(m.exact);
    expect(m.descriptor).toEqual({
      role: 'source',
      outlet: 'Daily NK',
      name: null,
      place: 'Ryanggang province',
      time: 'recently',
      kind: 'said',
    });
    expect(m.anaphor).toBeNull();
    const text = governed(dailyNk, m);
    expect(text).toContain(
      'More young people have recently learned car or motorcycle repair skills',
    );
    // The quotation continuing the paragraph is the same speaker's.
    expect(text).toContain('People in their late 20s to mid-30s are learning these skills');
    expect(text).not.toContain('With the recent rise in the number of car owners');
  });

  it('resolves "the source said" back to the Daily NK source', () => {
    const first = mention(dailyNk, 'the source said', 0);
    expect(first.anaphor).toBe('definite');
    expect(dailyNk.mentions[first.refersTo ?? -1]?.exact).toBe(
      'a Daily NK source in Ryanggang province said',
    );
    expect(governed(dailyNk, first)).toContain('This has become a recent trend');
    for (const m of dailyNk.mentions.filter((x) => x.exact === 'the source said'))
      expect(root(dailyNk, m).exact).toBe('a Daily NK source in Ryanggang province said');
    const according = mention(dailyNk, 'According to the source');
    expect(root(dailyNk, according).exact).toBe('a Daily NK source in Ryanggang province said');
    expect(
      resolvedDescriptors(dailyNk.mentions)[dailyNk.mentions.indexOf(according)],
    ).toMatchObject({
      outlet: 'Daily NK',
      place: 'Ryanggang province',
      kind: 'according to',
    });
  });

  it('does not take "the man" for the source', () => {
    const man = mention(dailyNk, 'the man said');
    expect(man.refersTo).toBeNull();
    expect(governed(dailyNk, man)).toContain('The only thing I’m thinking about now');
    // The next source quotation is the source's again, not the man's.
    const next = mention(dailyNk, 'the source said', 1);
    expect(root(dailyNk, next).exact).toBe('a Daily NK source in Ryanggang province said');
  });
});

describe('mentions in seed 001 (ASIAPRESS, partners A and B)', () => {
  it('finds every attribution and nothing else', () => {
    expect(partners.mentions.map((m) => m.exact)).toEqual([
      'Reporting partner A in Ryanggang Province reported the following in mid-November:',
      'The reporting partner said',
      'according to the reporting partner',
      'Reporting partner B in Ryanggang Province reported',
      'photos taken by ASIAPRESS in September',
      'videos posted on social media by Chinese exchange students',
      'The reporting partner said',
    ]);
  });

  it('reads partner A and governs the paragraph after the colon', () => {
    const a = mention(
      partners,
      'Reporting partner A in Ryanggang Province reported the following in mid-November:',
    );
    expect(a.descriptor).toEqual({
      role: 'reporting partner A',
      outlet: null,
      name: null,
      place: 'Ryanggang Province',
      time: 'mid-November',
      kind: 'reported',
    });
    const text = governed(partners, a);
    expect(text).toContain('Quick-thinking people brought in cars indiscriminately');
    expect(text).toContain('I heard there are cars propped up on stones');
    expect(text).not.toContain('New purchasing and payment methods have emerged');
  });

  it('resolves "the reporting partner" to partner A, and the quotation paragraph after it', () => {
    const said = mention(partners, 'The reporting partner said', 0);
    expect(partners.mentions[said.refersTo ?? -1]?.descriptor.role).toBe('reporting partner A');
    expect(governed(partners, said)).toMatch(/becoming popular for individuals to pool money/);
    const according = mention(partners, 'according to the reporting partner');
    expect(root(partners, according).descriptor.role).toBe('reporting partner A');
    // A paragraph that is only a quotation, right after: the same speaker's.
    expect(governed(partners, according)).toContain(
      'Instead of paying the vehicle price all at once',
    );
  });

  it('reads partner B, the photos and the videos', () => {
    expect(
      mention(partners, 'Reporting partner B in Ryanggang Province reported').descriptor,
    ).toMatchObject({
      role: 'reporting partner B',
      place: 'Ryanggang Province',
      time: 'early November',
    });
    const photos = mention(partners, 'photos taken by ASIAPRESS in September');
    expect(photos.descriptor).toEqual({
      role: null,
      outlet: 'ASIAPRESS',
      name: null,
      place: null,
      time: 'September',
      kind: 'photographed',
    });
    expect(governed(partners, photos)).toContain(
      'feature numerous luxury sedans and electric vehicles',
    );
    const videos = mention(partners, 'videos posted on social media by Chinese exchange students');
    expect(videos.descriptor).toMatchObject({
      role: 'Chinese exchange students',
      place: 'Pyongyang',
      kind: 'posted',
    });
    expect(governed(partners, videos)).toContain('luxury sedans with yellow license plates');
  });

  it('takes the nearest partner for the last "the reporting partner" (B: a known limit)', () => {
    const last = mention(partners, 'The reporting partner said', 1);
    expect(partners.mentions[last.refersTo ?? -1]?.descriptor.role).toBe('reporting partner B');
    expect(last.descriptor.time).toBe('October');
  });
});

describe('mentions in seed 002 (ASIAPRESS analysis)', () => {
  it('finds the outlet’s earlier report and the partner, not "citing compliance"', () => {
    expect(smuggling.mentions.map((m) => m.exact)).toEqual([
      'As previously reported by ASIAPRESS',
      'According to an ASIAPRESS reporting partner in Ryanggang Province in mid-November:',
    ]);
  });

  it('governs the quotation paragraph after "According to … in mid-November:"', () => {
    const m = mention(
      smuggling,
      'According to an ASIAPRESS reporting partner in Ryanggang Province in mid-November:',
    );
    expect(m.descriptor).toEqual({
      role: 'reporting partner',
      outlet: 'ASIAPRESS',
      name: null,
      place: 'Ryanggang Province',
      time: 'mid-November',
      kind: 'according to',
    });
    const text = governed(smuggling, m);
    expect(text).toContain('Groups of 3-5 people pool money to buy a car and share it as needed.');
    expect(text).toContain('more people are getting driver’s licenses');
    expect(text).not.toContain('In other words, the state acts as the sole importer');
  });
});

describe('compatibleMentions: possibly the same source', () => {
  const partner002 = mention(
    smuggling,
    'According to an ASIAPRESS reporting partner in Ryanggang Province in mid-November:',
  );
  const partnerA = mention(
    partners,
    'Reporting partner A in Ryanggang Province reported the following in mid-November:',
  );
  const partnerB = mention(partners, 'Reporting partner B in Ryanggang Province reported');
  const asiapress = { a: 'ASIAPRESS', b: 'ASIAPRESS' };

  it('offers 001’s partner A for 002’s partner (same outlet, province and time)', () => {
    expect(compatibleMentions(partner002, partnerA, asiapress)).toBe(true);
    expect(compatibleMentions(partnerA, partner002, asiapress)).toBe(true);
  });

  it('does not offer partner B (early, not mid-November) nor a partner in another province', () => {
    expect(compatibleMentions(partner002, partnerB, asiapress)).toBe(false);
    const elsewhere = { descriptor: { ...partnerA.descriptor, place: 'North Hamgyong Province' } };
    expect(compatibleMentions(partner002, elsewhere, asiapress)).toBe(false);
  });

  it('does not offer another outlet’s source, nor the outlet’s own photos', () => {
    const source = mention(dailyNk, 'a Daily NK source in Ryanggang province said');
    expect(compatibleMentions(partner002, source, { a: 'ASIAPRESS', b: 'Daily NK' })).toBe(false);
    // Without the report's outlet, the mention's own outlet still decides.
    expect(compatibleMentions(partner002, source)).toBe(false);
    const photos = mention(partners, 'photos taken by ASIAPRESS in September');
    expect(compatibleMentions(partner002, photos, asiapress)).toBe(false);
  });

  it('keeps partners A and B apart by their labels', () => {
    const b = { descriptor: { ...partnerB.descriptor, time: 'mid-November' } };
    expect(compatibleMentions(partnerA, b, asiapress)).toBe(false);
  });
});
