// The claim set the desk exports (docs/claim-set.md): valid against the zod schema and the JSON
// Schema shipped beside it, positions in code points, filters that carry only what the chosen
// claims need and never a dangling id, and the same output twice.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadCorroborationInput } from '../../electron/core/db/corroboration-input.ts';
import { buildClaimSet } from '../../electron/core/export/claim-set.ts';
import { exportCounts, exportFiles } from '../../electron/core/export/index.ts';
import { claimSetSchema, type ClaimSet, type ClaimSetFilter } from '../../shared/claim-set.ts';
import { claimSetJsonSchema, SCHEMA_FILE } from '../../scripts/claim-set-schema.ts';
import { assessClaim } from '../../shared/corroboration.ts';
import {
  base64,
  EMOJI_QUOTE,
  ORPHAN_TEXT,
  ORPHAN_V2,
  seededDesk,
  type Summary,
} from './seeded-desk.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as typeof addFormatsModule;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateJson = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

/** Every id the set names is in the set: nothing dangles. */
function expectNoDanglingIds(set: ClaimSet): void {
  const reports = new Set(set.reports.map((r) => r.id));
  const sources = new Set(set.sources.map((s) => s.id));
  const passages = new Set(set.passages.map((p) => p.id));
  const evidence = new Set(set.evidence.map((e) => e.id));
  const claims = new Set(set.claims.map((c) => c.id));
  const texts = new Set([...set.reports.map((r) => r.sha256), ...set.texts.map((t) => t.sha256)]);
  const origin = (id: string): boolean => sources.has(id) || reports.has(id);
  for (const s of set.sources) if (s.cites !== null) expect(sources).toContain(s.cites);
  for (const p of set.passages) {
    expect(reports).toContain(p.report);
    if (p.source !== null) expect(sources).toContain(p.source);
    if (set.exported.withTexts) expect(texts).toContain(p.target.source.slice(11));
  }
  for (const e of set.evidence) {
    expect(claims).toContain(e.claim);
    expect(passages).toContain(e.passage);
    if (e.source !== null) expect(sources).toContain(e.source);
    expect(origin(e.origin)).toBe(true);
  }
  for (const c of set.claims)
    for (const g of c.origins) {
      expect(origin(g.origin)).toBe(true);
      for (const id of g.evidence) expect(evidence).toContain(id);
    }
  const items = new Set([...claims, ...sources, ...passages]);
  for (const a of set.audit) expect(items).toContain(a.item);
}

function expectValid(set: ClaimSet): void {
  expect(claimSetSchema.safeParse(set).error).toBeUndefined();
  const json = JSON.parse(JSON.stringify(set)) as unknown;
  expect(validateJson(json), ajv.errorsText(validateJson.errors)).toBe(true);
  expectNoDanglingIds(set);
}

const ids = (items: { id: string }[]): string[] => items.map((i) => i.id).sort();

describe('the claim set export', () => {
  it('exports the seed case valid against the zod schema and the shipped JSON Schema', async () => {
    const desk = await seededDesk();
    for (const withTexts of [false, true]) {
      const set = buildClaimSet(desk.db, { filter: null, withTexts });
      expectValid(set);
      // The file itself, as written.
      const [file] = exportFiles(desk.db, { format: 'set', filter: null, withTexts }).files;
      expect(file).toMatchObject({ name: 'claim-set.json', mediaType: 'application/json' });
      expect(validateJson(JSON.parse(file?.content ?? ''))).toBe(true);
    }
    const set = buildClaimSet(desk.db, { filter: null, withTexts: true });
    expect(set.claims).toHaveLength(4);
    // Every passage, the loose one and the orphan too; the reports they are in; every source.
    expect(set.passages.map((p) => p.id)).toEqual(
      expect.arrayContaining([desk.passages.loose, desk.passages.old]),
    );
    expect(set.passages).toHaveLength(6);
    expect(set.reports).toHaveLength(5);
    expect(set.sources.map((s) => s.name).sort()).toEqual(
      [
        'ASIAPRESS',
        'Daily NK',
        'a Daily NK source in Hyesan',
        'reporting partner in Ryanggang',
      ].sort(),
    );
    expect(set.exported).toMatchObject({ reviewer: 'T. Reviewer', filter: null, withTexts: true });
    expect(set.exported.desk).toBe(
      desk.db.prepare(`SELECT value FROM preferences WHERE key = 'desk_id'`).pluck().get(),
    );
  });

  it('says the grades, their history, the cites chain and each link’s origin', async () => {
    const desk = await seededDesk();
    const set = buildClaimSet(desk.db, { filter: null, withTexts: false });
    const dailyNk = set.sources.find((s) => s.name === 'Daily NK');
    expect(dailyNk).toMatchObject({ kind: 'outlet', outlet: 'Daily NK', reliability: 'B' });
    expect(dailyNk?.rationale).toBe('track record');
    expect(dailyNk?.history.map((h) => [h.reliability, h.rationale, h.reviewer])).toEqual([
      ['C', 'first look', 'T. Reviewer'],
      ['B', 'track record', 'T. Reviewer'],
    ]);
    const relay = set.sources.find((s) => s.id === desk.sources.relay);
    expect(relay).toMatchObject({
      kind: 'named',
      outlet: 'Daily NK',
      cites: desk.sources.informant,
    });
    // The relayed passage's origin is the root of the chain, its source the one it names.
    const vehicles = set.claims.find((c) => c.id === desk.claims.vehicles);
    const links = set.evidence.filter((e) => e.claim === desk.claims.vehicles);
    const relayed = links.find((e) => e.source === desk.sources.relay);
    expect(relayed?.origin).toBe(desk.sources.informant);
    // A report without an outlet is its own origin.
    const border = set.evidence.find(
      (e) => e.claim === desk.claims.border && e.stance === 'supports',
    );
    const emojiPassage = set.passages.find((p) => p.id === desk.passages.emoji);
    expect(border).toMatchObject({ source: null, origin: emojiPassage?.report });
    // Status and counts as the desk computes them; the groups behind the count.
    const listed = await desk.call<{ items: { id: number; status: string }[] }>('claims.list', {});
    expect(vehicles?.status).toBe(
      listed.items.find(
        (c) =>
          desk.db.prepare('SELECT uuid FROM claims WHERE id = ?').pluck().get(c.id) ===
          vehicles?.id,
      )?.status,
    );
    expect(vehicles?.verdict).toBe('verified');
    expect(vehicles?.tags).toEqual(['economy', 'vehicles']);
    expect(vehicles?.counts).toMatchObject({ passages: 3, reports: 3, independentOrigins: 2 });
    const supporting = vehicles?.origins.filter((g) => g.stance === 'supports') ?? [];
    expect(supporting.map((g) => g.origin).sort()).toEqual(
      [desk.sources.informant, set.sources.find((s) => s.name === 'ASIAPRESS')?.id].sort(),
    );
    expect(supporting.flatMap((g) => g.evidence).sort()).toEqual(
      links
        .filter((e) => e.stance === 'supports')
        .map((e) => e.id)
        .sort(),
    );
    expect(vehicles?.origins.filter((g) => g.stance === 'context')).toHaveLength(1);
    // The audit entries of exported items only: the deleted claim's are left out.
    expect(set.audit.some((a) => a.action === 'claim.delete')).toBe(false);
    expect(set.audit.filter((a) => a.item === desk.claims.vehicles).map((a) => a.action)).toEqual(
      expect.arrayContaining(['claim.create', 'evidence.link', 'claim.verdict']),
    );
  });

  it('gives each claim the origin groups the desk assesses, a confirmed shared origin as one', async () => {
    const desk = await seededDesk();
    // Two reports without outlet, one sentence near-identical: two origins until the reviewer
    // confirms they share one.
    const copied =
      'Traders in Hyesan say repair shops now fix cars brought over from China every week';
    const [a, b] = await desk.call<{ reportId: number }[]>('reports.import', {
      files: [
        { name: 'copy-a.txt', data: base64(`Copy A\n\nFirst. ${copied}. End.\n`) },
        { name: 'copy-b.txt', data: base64(`Copy B\n\nSecond. ${copied}. Fin.\n`) },
      ],
    });
    const pa = await desk.passage(a?.reportId as number, copied);
    const pb = await desk.passage(b?.reportId as number, copied);
    const shared = await desk.call<Summary>('claims.create', { text: 'Repair shops fix cars' });
    for (const p of [pa, pb])
      await desk.call('evidence.link', {
        claimId: shared.id,
        passageId: p.id,
        stance: 'supports',
        credibility: 3,
      });
    // ASIAPRESS's own voice and its named partner on one claim: the voice folds into the partner.
    const informant = desk.db
      .prepare('SELECT id FROM sources WHERE uuid = ?')
      .pluck()
      .get(desk.sources.informant) as number;
    const voice = await desk.passage(
      3,
      'schoolyards in Hyesan are filled with smuggled Chinese vehicles',
    );
    const named = await desk.passage(3, 'mid-river islands in the Yalu');
    await desk.call('passages.attribute', { passageId: named.id, sourceId: informant });
    const folded = await desk.call<Summary>('claims.create', { text: 'Smuggled cars fill Hyesan' });
    for (const p of [voice, named])
      await desk.call('evidence.link', {
        claimId: folded.id,
        passageId: p.id,
        stance: 'supports',
        credibility: 3,
      });
    const before = buildClaimSet(desk.db, { filter: null, withTexts: false });
    const uuid = (table: string, id: number): string =>
      desk.db.prepare(`SELECT uuid FROM ${table} WHERE id = ?`).pluck().get(id) as string;
    expect(before.claims.find((c) => c.id === uuid('claims', shared.id))?.origins).toHaveLength(2);
    await desk.call('claims.reviewWarning', {
      claimId: shared.id,
      passageA: Math.min(pa.id, pb.id),
      passageB: Math.max(pa.id, pb.id),
      decision: 'confirmed',
    });
    const set = buildClaimSet(desk.db, { filter: null, withTexts: false });
    expectValid(set);
    const input = loadCorroborationInput(desk.db);
    for (const claim of set.claims) {
      const id = desk.db.prepare('SELECT id FROM claims WHERE uuid = ?').pluck().get(claim.id);
      const evidence = input.byClaim.get(id as number) ?? [];
      const assessed = assessClaim(evidence, input.sources, input.reviews.get(id as number));
      const groups = (['supports', 'contradicts', 'context'] as const).flatMap((stance) =>
        assessed[
          stance === 'supports'
            ? 'supporting'
            : stance === 'contradicts'
              ? 'contradicting'
              : 'context'
        ].map((g) => ({
          stance,
          name: g.name,
          outlet: g.outlet,
          reliability: g.reliability,
          evidence: g.evidence.map((e) => uuid('evidence', e.id)).sort(),
        })),
      );
      expect(claim.origins.map(({ origin: _, ...rest }) => rest)).toEqual(
        expect.arrayContaining(groups),
      );
      expect(claim.origins).toHaveLength(groups.length);
      expect(claim.counts.independentOrigins).toBe(assessed.supporting.length);
      expect(claim.status).toBe(assessed.status);
    }
    expect(set.claims.find((c) => c.id === uuid('claims', shared.id))?.origins).toHaveLength(1);
    // The decision travels with its claim, the pair by the passages' ids; claims without any
    // carry no list.
    expect(set.claims.find((c) => c.id === uuid('claims', shared.id))?.originReviews).toEqual([
      {
        passages: [uuid('passages', pa.id), uuid('passages', pb.id)].sort(),
        decision: 'confirmed',
        reviewer: 'T. Reviewer',
        at: expect.any(String),
      },
    ]);
    expect(set.claims.filter((c) => 'originReviews' in c)).toHaveLength(1);
    expect(set.claims.find((c) => c.id === uuid('claims', folded.id))?.origins).toEqual([
      expect.objectContaining({ origin: desk.sources.informant, evidence: expect.any(Array) }),
    ]);
  });

  it('gives positions in code points: the emoji before the quote count one each', async () => {
    const desk = await seededDesk();
    const set = buildClaimSet(desk.db, { filter: null, withTexts: true });
    const passage = set.passages.find((p) => p.id === desk.passages.emoji);
    const report = set.reports.find((r) => r.id === passage?.report);
    const [quote, position] = passage?.target.selector ?? [];
    expect(quote?.exact).toBe(EMOJI_QUOTE);
    const text = report?.text ?? '';
    expect([...text].slice(position?.start, position?.end).join('')).toBe(EMOJI_QUOTE);
    // In UTF-16 the quote starts later: each emoji there is two code units (the flag is two
    // regional indicators, four units; each car two).
    expect(text.indexOf(EMOJI_QUOTE) - (position?.start ?? 0)).toBe(4);
    expect(passage?.target.source).toBe(passage?.report);
    // Without the texts, the same positions: the text with emoji is still read to convert them.
    const bare = buildClaimSet(desk.db, { filter: null, withTexts: false });
    expect(bare.passages).toEqual(set.passages);
  });

  it('keeps an orphaned passage on its old text, carried in texts[] with --with-texts', async () => {
    const desk = await seededDesk();
    const set = buildClaimSet(desk.db, { filter: null, withTexts: true });
    const orphan = set.passages.find((p) => p.id === desk.passages.old);
    expect(orphan?.status).toBe('orphaned');
    expect(orphan?.target.source).not.toBe(orphan?.report);
    const old = set.texts.find((t) => `urn:sha256:${t.sha256}` === orphan?.target.source);
    expect(old?.text).toBe(ORPHAN_TEXT.trimEnd()); // normalised: no final newline
    const [quote, position] = orphan?.target.selector ?? [];
    expect([...(old?.text ?? '')].slice(position?.start, position?.end).join('')).toBe(
      quote?.exact,
    );
    expect(set.reports.find((r) => r.id === orphan?.report)?.text).toBe(ORPHAN_V2.trimEnd());
    const bare = buildClaimSet(desk.db, { filter: null, withTexts: false });
    expect(bare.texts).toEqual([]);
    expect(bare.reports.every((r) => !('text' in r))).toBe(true);
  });

  it.each<[string, ClaimSetFilter, (c: Record<string, string>) => string[]]>([
    ['verdict', { verdicts: ['verified'] }, (c) => [c.vehicles as string]],
    ['no verdict', { verdicts: ['none'] }, (c) => [c.border as string, c.empty as string]],
    ['status', { statuses: ['no-evidence'] }, (c) => [c.empty as string]],
    ['tag', { tags: ['vehicles'] }, (c) => [c.vehicles as string, c.disputed as string]],
    ['selection', { claims: [] }, () => []],
    [
      'tag and verdict',
      { tags: ['vehicles'], verdicts: ['refuted'] },
      (c) => [c.disputed as string],
    ],
  ])(
    'a filter by %s carries the chosen claims and only what they need',
    async (_, filter, want) => {
      const desk = await seededDesk();
      const set = buildClaimSet(desk.db, { filter, withTexts: true });
      expectValid(set);
      expect(ids(set.claims)).toEqual(want(desk.claims).sort());
      expect(set.exported.filter).toEqual(filter);
      // Only their evidence, its passages, their reports; only the sources those need.
      const chosen = new Set(set.claims.map((c) => c.id));
      const all = buildClaimSet(desk.db, { filter: null, withTexts: true });
      const evidence = all.evidence.filter((e) => chosen.has(e.claim));
      expect(ids(set.evidence)).toEqual(ids(evidence));
      const passages = new Set(evidence.map((e) => e.passage));
      expect(ids(set.passages)).toEqual([...passages].sort());
      expect(ids(set.reports)).toEqual([...new Set(set.passages.map((p) => p.report))].sort());
      expect(set.passages.map((p) => p.id)).not.toContain(desk.passages.loose);
      // The claims themselves are as in the whole desk's export.
      for (const claim of set.claims)
        expect(claim).toEqual(all.claims.find((c) => c.id === claim.id));
      expect(exportCounts(desk.db, filter)).toEqual({
        claims: set.claims.length,
        evidence: set.evidence.length,
        passages: set.passages.length,
        reports: set.reports.length,
        sources: set.sources.length,
      });
    },
  );

  it('a selection carries the sources it needs: the attributed one, its chain, the outlets', async () => {
    const desk = await seededDesk();
    const set = buildClaimSet(desk.db, {
      filter: { claims: [desk.claims.vehicles] },
      withTexts: false,
    });
    expectValid(set);
    expect(set.sources.map((s) => s.name).sort()).toEqual(
      [
        'ASIAPRESS',
        'Daily NK',
        'a Daily NK source in Hyesan',
        'reporting partner in Ryanggang',
      ].sort(),
    );
    // An id typed in capitals is the same id.
    const upper = buildClaimSet(desk.db, {
      filter: { claims: [desk.claims.vehicles.toUpperCase()] },
      withTexts: false,
    });
    expect(upper.claims.map((c) => c.id)).toEqual([desk.claims.vehicles]);
    const border = buildClaimSet(desk.db, {
      filter: { claims: [desk.claims.border] },
      withTexts: true,
    });
    expectValid(border);
    // Reports without an outlet need no source; the orphan's old text travels with it.
    expect(border.sources).toEqual([]);
    expect(border.texts).toHaveLength(1);
  });

  it('exports the same set twice, apart from the time', async () => {
    const desk = await seededDesk();
    const a = buildClaimSet(desk.db, { filter: null, withTexts: true, now: new Date(0) });
    const b = buildClaimSet(desk.db, { filter: null, withTexts: true });
    expect(b.exported.at).not.toBe(a.exported.at);
    expect({ ...b, exported: { ...b.exported, at: a.exported.at } }).toEqual(a);
    expect(JSON.stringify({ ...b, exported: { ...b.exported, at: a.exported.at } })).toBe(
      JSON.stringify(a),
    );
  });

  it('works the statuses out again when another program wrote before the snapshot', async () => {
    const desk = await seededDesk();
    // Another connection takes the border claim's evidence away just before the export's snapshot.
    const other = new Database(desk.file);
    const transaction = desk.db.transaction.bind(desk.db);
    desk.db.transaction = ((fn: () => unknown) => {
      other
        .prepare('DELETE FROM evidence WHERE claim_id = (SELECT id FROM claims WHERE uuid = ?)')
        .run(desk.claims.border);
      return transaction(fn);
    }) as typeof desk.db.transaction;
    const set = buildClaimSet(desk.db, { filter: null, withTexts: false });
    desk.db.transaction = transaction;
    other.close();
    expect(set.claims.find((c) => c.id === desk.claims.border)).toMatchObject({
      status: 'no-evidence',
      counts: { passages: 0 },
    });
    expectValid(set);
  });

  it('the committed JSON Schema is what scripts/claim-set-schema.ts writes', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await claimSetJsonSchema());
  });
});
