// The open formats beside the claim set (docs/claim-set.md): W3C Web Annotations and schema.org
// ClaimReview as JSON-LD (expanded here with the `jsonld` package against bundled copies of their
// contexts, no network), CSV with its CSVW metadata (read back with an RFC 4180 reader, hostile
// cells and all), and the brief in Markdown and HTML (grouped by verdict, every quote, nothing the
// analysts typed able to become markup).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import jsonld from 'jsonld';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { CREDIBILITY, RELIABILITY } from '../../shared/admiralty.ts';
import { claimSetSchema, type ClaimSet } from '../../shared/claim-set.ts';
import { annotationsFile } from '../../electron/core/export/annotations.ts';
import { briefHtml, briefMarkdown } from '../../electron/core/export/brief.ts';
import { claimReviewFile } from '../../electron/core/export/claimreview.ts';
import { csvFiles } from '../../electron/core/export/csv.ts';
import { exportFiles } from '../../electron/core/export/index.ts';
import { claimSetFixture, EMOJI_QUOTE, HOSTILE, IDS, REPORTS, TEXTS } from './claim-set-fixture.ts';
import { demoDesk } from './desk.ts';
import { readCsv } from './read-csv.ts';

const CONTEXTS = join(import.meta.dirname, '..', 'fixtures', 'jsonld');
const bundled = (file: string): unknown => JSON.parse(readFileSync(join(CONTEXTS, file), 'utf8'));
const SERVED: Record<string, unknown> = {
  'http://www.w3.org/ns/anno.jsonld': bundled('anno.jsonld'),
  'https://schema.org': bundled('schemaorg-context.jsonld'),
};

type Node = Record<string, unknown>;

/** Expands a JSON-LD document with the bundled contexts; any other URL is refused. */
async function expand(content: string): Promise<Node[]> {
  const loaded: string[] = [];
  const documentLoader = async (url: string) => {
    const document = SERVED[url];
    if (!document) throw new Error(`the test refuses to fetch ${url}`);
    loaded.push(url);
    return { contextUrl: undefined, documentUrl: url, document };
  };
  // Safe mode: a key or value that does not expand to an IRI is an error, not silently dropped.
  const options = { documentLoader, safe: true } as unknown as jsonld.Options.Expand;
  const expanded = (await jsonld.expand(JSON.parse(content), options)) as Node[];
  expect(loaded.length).toBeGreaterThan(0);
  return expanded;
}

const OA = 'http://www.w3.org/ns/oa#';
const AS = 'http://www.w3.org/ns/activitystreams#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DCT = 'http://purl.org/dc/terms/';
const SDO = 'http://schema.org/';

const values = (node: Node, key: string): Node[] => (node[key] as Node[] | undefined) ?? [];
const one = (node: Node, key: string): Node => {
  const list = values(node, key);
  expect(list, key).toHaveLength(1);
  return list[0] as Node;
};
const literal = (node: Node, key: string): unknown => one(node, key)['@value'];
const ids = (node: Node, key: string): string[] => values(node, key).map((v) => v['@id'] as string);

describe('the fixture', () => {
  it('is a valid claim set', () => {
    const parsed = claimSetSchema.safeParse(claimSetFixture());
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

describe('the JSON-LD check itself', () => {
  it('refuses a key the context does not define, and any context it does not bundle', async () => {
    await expect(
      expand(
        JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', stance: 'supports' }),
      ),
    ).rejects.toThrow(/Safe mode validation error/);
    await expect(
      expand(JSON.stringify({ '@context': 'https://example.org/context.jsonld', id: 'urn:x:1' })),
    ).rejects.toThrow(/Dereferencing a URL/);
  });
});

describe('W3C Web Annotation export', () => {
  const set = claimSetFixture();
  const file = annotationsFile(set);
  const doc = JSON.parse(file.content) as Node;

  it('is an AnnotationCollection with one assessing annotation per evidence link and one highlight per unused passage', async () => {
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const [collection] = await expand(file.content);
    expect(collection?.['@type']).toEqual([`${AS}OrderedCollection`]);
    const page = one(collection as Node, `${AS}first`);
    expect(page['@type']).toEqual([`${AS}OrderedCollectionPage`]);
    const items = (one(page, `${AS}items`)['@list'] as Node[]) ?? [];
    expect(literal(collection as Node, `${AS}totalItems`)).toBe(items.length);
    const assessing = items.filter((a) => ids(a, `${OA}motivatedBy`)[0] === `${OA}assessing`);
    const highlighting = items.filter((a) => ids(a, `${OA}motivatedBy`)[0] === `${OA}highlighting`);
    expect(assessing.map((a) => a['@id']).sort()).toEqual(
      set.evidence.map((e) => `urn:uuid:${e.id}`).sort(),
    );
    expect(highlighting.map((a) => a['@id'])).toEqual([`urn:uuid:${IDS.passage.repairs}`]);
    for (const a of items) expect(a['@type']).toEqual([`${OA}Annotation`]);
  });

  it('carries the claim, the stance and the credibility in the body, the passage in the target', async () => {
    const [collection] = await expand(file.content);
    const items = one(one(collection as Node, `${AS}first`), `${AS}items`)['@list'] as Node[];
    const a = items.find((i) => i['@id'] === `urn:uuid:${IDS.evidence.stands}`) as Node;
    expect(literal(a, `${DCT}created`)).toBe('2026-11-20T11:00:00.000Z');
    expect(literal(one(a, `${DCT}creator`), 'http://xmlns.com/foaf/0.1/name')).toBe('Amira Haddad');
    const bodies = values(a, `${OA}hasBody`);
    const byPurpose = (purpose: string) =>
      bodies.filter((b) => ids(b, `${OA}hasPurpose`)[0] === `${OA}${purpose}`);
    const claim = byPurpose('describing');
    expect(claim.map((b) => b['@id'])).toEqual([`urn:uuid:${IDS.claim.bridge}`]);
    expect(literal(claim[0] as Node, `${RDF}value`)).toBe('The harbour bridge collapsed');
    expect(byPurpose('tagging').map((b) => literal(b, `${RDF}value`))).toEqual(['contradicts']);
    expect(byPurpose('assessing').map((b) => literal(b, `${RDF}value`))).toEqual([
      `Credibility 2 (${CREDIBILITY[2]})`,
    ]);
    expect(byPurpose('identifying').map((b) => literal(b, `${RDF}value`))).toEqual([
      `Attributed to Port Authority spokesperson (named in Valley Courier), reliability B (${RELIABILITY.B})`,
    ]);
    const target = one(a, `${OA}hasTarget`);
    expect(target['@type']).toEqual([`${OA}SpecificResource`]);
    expect(ids(target, `${OA}hasSource`)).toEqual([REPORTS.courier]);
    const selectors = values(target, `${OA}hasSelector`);
    expect(selectors.map((s) => (s['@type'] as string[])[0]).sort()).toEqual([
      `${OA}TextPositionSelector`,
      `${OA}TextQuoteSelector`,
    ]);
  });

  it('counts TextPositionSelector offsets in code points: the emoji quote stands at them in [...text]', async () => {
    const [collection] = await expand(file.content);
    const items = one(one(collection as Node, `${AS}first`), `${AS}items`)['@list'] as Node[];
    const a = items.find((i) => i['@id'] === `urn:uuid:${IDS.evidence.roofs}`) as Node;
    const selectors = values(one(a, `${OA}hasTarget`), `${OA}hasSelector`);
    const position = selectors.find(
      (s) => (s['@type'] as string[])[0] === `${OA}TextPositionSelector`,
    ) as Node;
    const quote = selectors.find(
      (s) => (s['@type'] as string[])[0] === `${OA}TextQuoteSelector`,
    ) as Node;
    const start = Number(literal(position, `${OA}start`));
    const end = Number(literal(position, `${OA}end`));
    expect(literal(quote, `${OA}exact`)).toBe(EMOJI_QUOTE);
    expect([...TEXTS.gazette].slice(start, end).join('')).toBe(EMOJI_QUOTE);
    // Astral characters stand before the quote, so UTF-16 offsets would be different ones.
    expect(TEXTS.gazette.indexOf(EMOJI_QUOTE)).not.toBe(start);
    expect(end - start).toBe([...EMOJI_QUOTE].length);
    expect(end - start).not.toBe(EMOJI_QUOTE.length);
  });

  it('flags an orphaned passage and keeps its selectors on the text it was placed in', () => {
    const items = (doc.first as Node).items as Node[];
    const a = items.find((i) => i.id === `urn:uuid:${IDS.evidence.orphan}`) as Node;
    expect((a.target as Node).source).toBe(
      set.passages.find((p) => p.id === IDS.passage.orphan)?.target.source,
    );
    expect(JSON.stringify(a.body)).toContain('Orphaned');
  });
});

describe('ClaimReview export', () => {
  const set = claimSetFixture();
  const file = claimReviewFile(set);

  it('is a schema.org graph with one ClaimReview per claim with a verdict', async () => {
    expect(JSON.parse(file.content)['@context']).toBe('https://schema.org');
    const reviews = await expand(file.content);
    expect(reviews.every((r) => (r['@type'] as string[])[0] === `${SDO}ClaimReview`)).toBe(true);
    const reviewed = reviews.map((r) => literal(r, `${SDO}claimReviewed`));
    expect(reviewed).toEqual(set.claims.filter((c) => c.verdict !== null).map((c) => c.text));
  });

  it('rates each with its verdict and explains the rating with the computed status and origins', async () => {
    const reviews = await expand(file.content);
    const rating = (text: string) =>
      one(
        reviews.find((r) => literal(r, `${SDO}claimReviewed`) === text) as Node,
        `${SDO}reviewRating`,
      );
    const verified = rating('Storm surge flooded the ring road on Tuesday 🌊');
    expect(verified['@type']).toEqual([`${SDO}Rating`]);
    expect(literal(verified, `${SDO}alternateName`)).toBe('Verified');
    expect(literal(verified, `${SDO}ratingValue`)).toBe(3);
    expect(literal(verified, `${SDO}bestRating`)).toBe(3);
    expect(literal(verified, `${SDO}worstRating`)).toBe(1);
    expect(literal(verified, `${SDO}ratingExplanation`)).toBe(
      `Computed status: Corroborated. Supported by 2 independent origins: Dr Lena Ortiz (Harbour Gazette), reliability A (${RELIABILITY.A}); Port Authority spokesperson (Valley Courier), reliability B (${RELIABILITY.B}).`,
    );
    const refuted = rating('The harbour bridge collapsed');
    expect(literal(refuted, `${SDO}alternateName`)).toBe('Refuted');
    expect(literal(refuted, `${SDO}ratingValue`)).toBe(1);
    expect(literal(refuted, `${SDO}ratingExplanation`)).toContain('Computed status: Disputed.');
    expect(literal(refuted, `${SDO}ratingExplanation`)).toContain(
      'Contradicted by 1 independent origin',
    );
    expect(literal(rating('The ring road is impassable'), `${SDO}ratingValue`)).toBe(2);
  });

  it('lists where the claim appeared: each report with its headline, outlet, date, URL and quotes', async () => {
    const reviews = await expand(file.content);
    const review = reviews.find(
      (r) =>
        literal(r, `${SDO}claimReviewed`) === 'Storm surge flooded the ring road on Tuesday 🌊',
    ) as Node;
    expect(literal(one(review, `${SDO}author`), `${SDO}name`)).toBe('Amira Haddad');
    const claim = one(review, `${SDO}itemReviewed`);
    expect(claim['@id']).toBe(`urn:uuid:${IDS.claim.flooded}`);
    const appearances = values(claim, `${SDO}appearance`);
    const gazette = appearances.find(
      (w) => literal(w, `${SDO}headline`) === 'Flooding closes the ring road',
    ) as Node;
    expect(ids(gazette, `${SDO}url`)).toEqual([
      'https://harbour-gazette.example/news/ring-road-flood',
    ]);
    expect(literal(gazette, `${SDO}datePublished`)).toBe('2026-11-18');
    expect(literal(one(gazette, `${SDO}publisher`), `${SDO}name`)).toBe('Harbour Gazette');
    expect(values(gazette, `${SDO}text`).map((t) => t['@value'])).toEqual([EMOJI_QUOTE]);
    expect(appearances).toHaveLength(2);
  });
});

describe('CSV export', () => {
  const set = claimSetFixture();
  const files = csvFiles(set);
  const file = (name: string) => files.find((f) => f.name === name)?.content ?? '';
  const table = (name: string) => {
    const content = file(name);
    expect(content.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = readCsv(content.slice(1));
    for (const row of rows) expect(row).toHaveLength((header as string[]).length);
    return {
      header: header as string[],
      rows: rows.map((r) =>
        Object.fromEntries((header as string[]).map((h, i) => [h, r[i] as string])),
      ),
    };
  };

  it('writes claims.csv, evidence.csv, sources.csv and csv-metadata.json', () => {
    expect(files.map((f) => f.name)).toEqual([
      'claims.csv',
      'evidence.csv',
      'sources.csv',
      'csv-metadata.json',
    ]);
    expect(table('claims.csv').rows).toHaveLength(set.claims.length);
    expect(table('evidence.csv').rows).toHaveLength(set.evidence.length);
    expect(table('sources.csv').rows).toHaveLength(set.sources.length);
  });

  it('neutralises every hostile cell with a leading apostrophe and keeps every other cell as it is', () => {
    const claims = table('claims.csv').rows;
    const evidence = table('evidence.csv').rows;
    const sources = table('sources.csv').rows;
    const bridge = claims.find((c) => c.id === IDS.claim.bridge) as Record<string, string>;
    expect(bridge.rationale).toBe(`'${HOSTILE.rationale}`);
    expect(bridge.tags).toBe(`'${HOSTILE.tag}; bridge`);
    const gone = evidence.find((e) => e.id === IDS.evidence.gone) as Record<string, string>;
    expect(gone.note).toBe(`'${HOSTILE.note}`);
    // A quote with a double quote and a line break, not hostile: exactly as it is.
    expect(gone.quote).toBe(HOSTILE.quote);
    const collapsed = evidence.find((e) => e.id === IDS.evidence.collapsed) as Record<
      string,
      string
    >;
    expect(collapsed.quote).toBe(`'${HOSTILE.formula}`);
    const official = sources.find((s) => s.id === IDS.source.official) as Record<string, string>;
    expect(official.note).toBe(`'${HOSTILE.sourceNote}`);
    const courier = sources.find((s) => s.id === IDS.source.courier) as Record<string, string>;
    expect(courier.rationale).toBe(`'${HOSTILE.sourceRationale}`);
    // No cell anywhere begins with a character a spreadsheet reads as a formula.
    for (const rows of [claims, evidence, sources])
      for (const row of rows)
        for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps the emoji claim, ISO dates, ids, and the grades in separate columns', () => {
    const claims = table('claims.csv').rows;
    const flooded = claims.find((c) => c.id === IDS.claim.flooded) as Record<string, string>;
    expect(flooded.text).toBe('Storm surge flooded the ring road on Tuesday 🌊');
    expect(flooded.status_label).toBe('Corroborated');
    expect(flooded.independent_origins).toBe('2');
    expect(flooded.created_at).toBe('2026-11-20T08:00:00.000Z');
    const evidence = table('evidence.csv').rows;
    const roofs = evidence.find((e) => e.id === IDS.evidence.roofs) as Record<string, string>;
    expect(roofs).toMatchObject({
      claim_id: IDS.claim.flooded,
      quote: EMOJI_QUOTE,
      credibility: '2',
      credibility_wording: CREDIBILITY[2],
      source: 'Dr Lena Ortiz',
      source_reliability: 'A',
      source_reliability_wording: RELIABILITY.A,
      report_title: 'Flooding closes the ring road',
      outlet: 'Harbour Gazette',
      published_at: '2026-11-18',
      report_id: REPORTS.gazette,
    });
    expect([...TEXTS.gazette].slice(Number(roofs.start), Number(roofs.end)).join('')).toBe(
      EMOJI_QUOTE,
    );
    const sources = table('sources.csv').rows;
    const official = sources.find((s) => s.id === IDS.source.official) as Record<string, string>;
    expect(official).toMatchObject({
      cites_id: IDS.source.ortiz,
      cites: 'Dr Lena Ortiz',
      reliability: '',
      reliability_wording: '',
    });
    // Foreign keys hold.
    const claimIds = new Set(claims.map((c) => c.id));
    const sourceIds = new Set(sources.map((s) => s.id));
    for (const e of evidence) {
      expect(claimIds.has(e.claim_id as string)).toBe(true);
      if (e.source_id) expect(sourceIds.has(e.source_id)).toBe(true);
    }
  });

  it('describes every file in CSVW metadata whose columns are the header row', () => {
    const metadata = JSON.parse(file('csv-metadata.json')) as {
      '@context': string;
      tables: {
        url: string;
        tableSchema: {
          columns: { name: string; titles: unknown; datatype: unknown; required: boolean }[];
          primaryKey: string;
          foreignKeys?: {
            columnReference: string;
            reference: { resource: string; columnReference: string };
          }[];
        };
      }[];
    };
    expect(metadata['@context']).toBe('http://www.w3.org/ns/csvw');
    expect(metadata.tables.map((t) => t.url)).toEqual([
      'claims.csv',
      'evidence.csv',
      'sources.csv',
    ]);
    for (const t of metadata.tables) {
      expect(t.tableSchema.columns.map((c) => c.name)).toEqual(table(t.url).header);
      expect(t.tableSchema.primaryKey).toBe('id');
      for (const c of t.tableSchema.columns) {
        expect(c.titles).toBeTruthy();
        expect(c.datatype).toBeTruthy();
        expect(typeof c.required).toBe('boolean');
      }
    }
    const evidence = metadata.tables.find((t) => t.url === 'evidence.csv');
    expect(evidence?.tableSchema.foreignKeys).toEqual([
      { columnReference: 'claim_id', reference: { resource: 'claims.csv', columnReference: 'id' } },
      {
        columnReference: 'source_id',
        reference: { resource: 'sources.csv', columnReference: 'id' },
      },
    ]);
    // A required column is never empty.
    for (const t of metadata.tables) {
      const { rows } = table(t.url);
      for (const c of t.tableSchema.columns.filter((col) => col.required))
        for (const row of rows) expect(row[c.name], `${t.url} ${c.name}`).not.toBe('');
    }
  });
});

const GROUPS = ['Verified', 'Refuted', 'Unresolved', 'No verdict yet'];

/** Every quote the brief must show: each evidence link's passage. */
const quotesOf = (set: ClaimSet) =>
  set.evidence.map(
    (e) => set.passages.find((p) => p.id === e.passage)?.target.selector[0].exact as string,
  );

describe('the brief in HTML', () => {
  const set = claimSetFixture();
  const file = briefHtml(set);
  const { document } = new JSDOM(file.content).window;

  it('is one self-contained page: no script, nothing fetched, a policy that forbids both', () => {
    expect(document.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect(file.content).not.toMatch(/\bsrc=|url\(|@import/);
    expect(
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(document.querySelector('style')?.textContent).toContain('@media print');
  });

  it('escapes every text: a claim with <script> and & reads as it was typed', () => {
    const headings = [...document.querySelectorAll('h3')].map((h) => h.textContent ?? '');
    expect(headings.some((h) => h.endsWith(HOSTILE.claim))).toBe(true);
    // Nothing in the claim became an element: no <b>, and the only links are reports' web addresses.
    expect(document.querySelectorAll('b')).toHaveLength(0);
    for (const a of document.querySelectorAll('a'))
      expect(a.getAttribute('href')).toMatch(/^https:\/\/[a-z-]+\.example\//);
    expect(file.content).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the');
  });

  it('groups claims by verdict, in order, each with its status beside the verdict', () => {
    const sections = [...document.querySelectorAll('section.group')];
    expect(sections.map((s) => s.querySelector('h2')?.firstChild?.textContent?.trim())).toEqual([
      ...GROUPS,
      'Passages not linked to these claims',
    ]);
    const claimsIn = (i: number) =>
      [...(sections[i] as Element).querySelectorAll('h3')].map((h) => h.textContent);
    expect(claimsIn(0)).toEqual(['1. Storm surge flooded the ring road on Tuesday 🌊']);
    expect(claimsIn(1)).toEqual(['2. The harbour bridge collapsed']);
    expect(claimsIn(2)).toEqual(['3. The ring road is impassable']);
    expect(claimsIn(3)).toEqual([`4. ${HOSTILE.claim}`, '5. The water was two metres deep']);
    const verified = sections[0]?.querySelector('.standing')?.textContent;
    expect(verified).toContain('Verified');
    expect(verified).toContain('Computed status: Corroborated');
    expect(sections[0]?.textContent).toContain('Corroborated by 2 independent origins');
    expect(sections[0]?.textContent).toContain(
      `Dr Lena Ortiz — Harbour Gazette, reliability A (${RELIABILITY.A}); 2 quotes`,
    );
    expect(sections[1]?.textContent).toContain('Contradicted by 1 independent origin');
    // A claim with no evidence says so once, with no empty lists of origins or quotes.
    const hostile = sections[3]?.querySelector('article.claim') as Element;
    expect(hostile.querySelector('.empty')?.textContent).toBe('No evidence linked yet.');
    expect(hostile.querySelectorAll('.origins, .quotes-heading')).toHaveLength(0);
  });

  it('shows every quote with its report, outlet, date, source and grades, and flags the orphaned one', () => {
    const figures = [...document.querySelectorAll('figure.quote')];
    const quoted = figures.map((f) => f.querySelector('blockquote')?.textContent);
    for (const quote of quotesOf(set)) expect(quoted).toContain(quote);
    const roofs = figures.find((f) => f.querySelector('blockquote')?.textContent === EMOJI_QUOTE);
    expect(roofs?.querySelector('figcaption')?.textContent).toMatch(
      /Supports · credibility 2 \(Probably true\)[\s\S]*Flooding closes the ring road, Harbour Gazette, 18 November 2026[\s\S]*Dr Lena Ortiz \(named source, Harbour Gazette\), reliability A \(Completely reliable\)/,
    );
    const orphan = figures.filter((f) => f.classList.contains('orphaned'));
    expect(orphan.map((f) => f.querySelector('blockquote')?.textContent)).toEqual([
      'under water on Tuesday, a Port Authority',
    ]);
    expect(orphan[0]?.querySelector('.flag')?.textContent).toContain('Orphaned passage');
    const post = figures.find(
      (f) => f.querySelector('blockquote')?.textContent === HOSTILE.formula,
    );
    expect(post?.querySelector('figcaption')?.textContent).toContain('no outlet, undated');
  });
});

describe('the brief in Markdown', () => {
  const set = claimSetFixture();
  const file = briefMarkdown(set);
  const rendered = new JSDOM(marked.parse(file.content, { async: false })).window.document;

  it('groups claims by verdict, in order', () => {
    const h2 = [...rendered.querySelectorAll('h2')].map((h) =>
      h.textContent?.replace(/ \(\d+\)$/, ''),
    );
    expect(h2).toEqual([...GROUPS, 'Passages not linked to these claims']);
    expect([...rendered.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      '1. Storm surge flooded the ring road on Tuesday 🌊',
      '2. The harbour bridge collapsed',
      '3. The ring road is impassable',
      `4. ${HOSTILE.claim}`,
      '5. The water was two metres deep',
    ]);
  });

  it('lets no analyst text become a link, an image, HTML or a block of its own', () => {
    expect(rendered.querySelectorAll('a, img, script, b, iframe, h1 ~ h1')).toHaveLength(0);
    const h3 = [...rendered.querySelectorAll('h3')].map((h) => h.textContent);
    expect(h3).toContain(`4. ${HOSTILE.claim}`);
    expect(rendered.body.textContent).toContain(HOSTILE.rationale);
    expect(rendered.body.textContent).toContain(HOSTILE.tag);
  });

  it('quotes every passage in a blockquote, with its grades, and flags the orphaned one', () => {
    // A line break in a quote is a hard break (<br>, and marked writes a newline after it):
    // read the pair as the one line break it was.
    for (const br of rendered.querySelectorAll('blockquote br')) br.replaceWith('\n');
    const quoted = [...rendered.querySelectorAll('blockquote')].map((b) =>
      b.textContent?.trim().replace(/\n\n/g, '\n'),
    );
    for (const quote of quotesOf(set)) expect(quoted).toContain(quote);
    expect(rendered.body.textContent).toContain('Corroborated by 2 independent origins');
    expect(rendered.body.textContent).toContain('Supports · credibility 2 (Probably true)');
    expect(rendered.body.textContent).toContain('⚠ Orphaned passage');
  });
});

describe('every format, from a real desk (the demo case as the export builds it)', () => {
  it('expands, reads back and shows every quote', async () => {
    const desk = await demoDesk();
    const { call, passage } = desk;
    // The demo case's reports, one with emoji before and in the quote, one orphaned passage.
    const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
    const [emoji, old] = await call<{ reportId: number }[]>('reports.import', {
      files: [
        { name: 'notes.txt', data: base64(`Notes 🇰🇵🚗\n\n${EMOJI_QUOTE} and then 🌊.\n`) },
        { name: 'old.txt', data: base64('Old notes\n\nThese words go away. The rest stays.\n') },
      ],
    });
    const link = (claimId: number, passageId: number, stance: string, credibility: number) =>
      call('evidence.link', { claimId, passageId, stance, credibility });
    const claim = (text: string) =>
      call<{ id: number }>('claims.create', { text, tags: [HOSTILE.tag] });
    const verified = await claim('Car repair is a growing trade');
    await link(
      verified.id,
      (await passage(1, 'auto repair is becoming a new market')).id,
      'supports',
      2,
    );
    await link(verified.id, (await passage(2, 'car')).id, 'supports', 3);
    await link(
      verified.id,
      (await passage(emoji?.reportId as number, EMOJI_QUOTE)).id,
      'context',
      6,
    );
    await call('claims.update', {
      id: verified.id,
      verdict: 'verified',
      verdictRationale: HOSTILE.rationale,
    });
    const hostile = await claim(HOSTILE.claim);
    await link(
      hostile.id,
      (await passage(old?.reportId as number, 'These words go away')).id,
      'contradicts',
      5,
    );
    await call('claims.update', { id: hostile.id, verdict: 'refuted', verdictRationale: '' });
    await call('reports.importVersion', {
      id: old?.reportId,
      file: { name: 'old-v2.txt', data: base64('Old notes\n\nThe rest stays.\n') },
    });
    const [setFile] = exportFiles(desk.db, { format: 'set', filter: null, withTexts: true }).files;
    const set = JSON.parse(setFile?.content ?? '') as ClaimSet;
    expect(set.evidence).toHaveLength(4);
    expect(set.passages.filter((p) => p.status === 'orphaned')).toHaveLength(1);
    const only = (format: 'annotations' | 'claimreview' | 'md' | 'html') => {
      const [file] = exportFiles(desk.db, { format, filter: null, withTexts: false }).files;
      return file?.content ?? '';
    };

    // Annotations: one per evidence link, and each anchored quote stands at its code points.
    const [collection] = await expand(only('annotations'));
    const items = one(one(collection as Node, `${AS}first`), `${AS}items`)['@list'] as Node[];
    const assessing = items.filter((a) => ids(a, `${OA}motivatedBy`)[0] === `${OA}assessing`);
    expect(assessing).toHaveLength(set.evidence.length);
    const texts = new Map(set.reports.map((r) => [r.id, r.text ?? '']));
    for (const a of items) {
      const target = one(a, `${OA}hasTarget`);
      const selectors = values(target, `${OA}hasSelector`);
      const kind = (s: Node) => (s['@type'] as string[])[0];
      const position = selectors.find((s) => kind(s) === `${OA}TextPositionSelector`) as Node;
      const quote = selectors.find((s) => kind(s) === `${OA}TextQuoteSelector`) as Node;
      const text = texts.get(ids(target, `${OA}hasSource`)[0] as string);
      if (text === undefined) continue; // an orphan's selectors are on an earlier text
      const [start, end] = [literal(position, `${OA}start`), literal(position, `${OA}end`)];
      expect([...text].slice(Number(start), Number(end)).join('')).toBe(
        literal(quote, `${OA}exact`),
      );
    }

    // ClaimReview: one per claim with a verdict, and it expands.
    const reviews = await expand(only('claimreview'));
    expect(reviews).toHaveLength(2);

    // CSV: every file reads back, its header is its metadata, no cell runs as a formula.
    const files = exportFiles(desk.db, { format: 'csv', filter: null, withTexts: false }).files;
    const metadata = JSON.parse(files.find((f) => f.name === 'csv-metadata.json')?.content ?? '');
    for (const t of metadata.tables as {
      url: string;
      tableSchema: { columns: { name: string }[] };
    }[]) {
      const [header, ...rows] = readCsv(
        (files.find((f) => f.name === t.url)?.content ?? '').slice(1),
      );
      expect(header).toEqual(t.tableSchema.columns.map((c) => c.name));
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }

    // The briefs: every quote.
    const { document } = new JSDOM(only('html')).window;
    const quoted = [...document.querySelectorAll('blockquote')].map((b) => b.textContent);
    for (const quote of quotesOf(set)) expect(quoted).toContain(quote);
    expect(only('md')).toContain('# Verification brief');
  });
});
