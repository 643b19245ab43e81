// A claim set built by hand, as a desk after a morning's review would export it: two outlets and
// a report with none, named sources with a "cites" chain, evidence of every stance and every
// credibility grade, a verdict of each kind and a claim with none, a quote with emoji (astral
// characters before and inside it, so code points and UTF-16 units part), an orphaned passage, a
// passage no claim uses, and analyst text that is hostile to CSV, HTML and Markdown.
import { createHash } from 'node:crypto';
import { urnOf, type ClaimSet, type SetPassage } from '../../shared/claim-set.ts';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const TEXTS = {
  gazette: [
    'Update 🌊🌊: Storm surge flooded the ring road on Tuesday.',
    'Water reached the 🚗 roofs by noon, said Dr Lena Ortiz, the city’s hydrologist.',
    'He said "the road is gone"\nand left, a witness told the Gazette.',
    'The council said repairs would take weeks.',
  ].join('\n\n'),
  courier: [
    'The ring road was under water on Tuesday morning, a Port Authority spokesperson said.',
    'A council official, citing Dr Lena Ortiz, said the water was 2 metres deep.',
    'The spokesperson denied that the harbour bridge had collapsed: "The bridge stands."',
  ].join('\n\n'),
  post: '=HYPERLINK("https://evil.example","Click") The bridge collapsed at 9am, everyone saw it.',
  /** The Courier's report as it read before the desk imported a corrected version. */
  courierBefore: 'The ring road was under water on Tuesday, a Port Authority spokesperson said.',
} as const;

export const REPORTS = {
  gazette: urnOf(sha(TEXTS.gazette)),
  courier: urnOf(sha(TEXTS.courier)),
  post: urnOf(sha(TEXTS.post)),
} as const;

export const IDS = {
  desk: uuid(900),
  source: {
    gazette: uuid(101),
    courier: uuid(102),
    ortiz: uuid(103),
    port: uuid(104),
    official: uuid(105),
    witness: uuid(106),
  },
  passage: {
    roofs: uuid(201),
    gone: uuid(202),
    underWater: uuid(203),
    deep: uuid(204),
    stands: uuid(205),
    collapsed: uuid(206),
    orphan: uuid(207),
    repairs: uuid(208),
  },
  claim: {
    flooded: uuid(301),
    bridge: uuid(302),
    impassable: uuid(303),
    hostile: uuid(304),
    deep: uuid(305),
  },
  evidence: {
    roofs: uuid(401),
    underWater: uuid(402),
    deep: uuid(403),
    collapsed: uuid(404),
    stands: uuid(405),
    gone: uuid(406),
    orphan: uuid(407),
    deepAlone: uuid(408),
  },
} as const;

/** The analyst text each format must keep inert. */
export const HOSTILE = {
  claim:
    '<script>alert("x")</script> & the [bridge](javascript:alert(1)) was <b>closed</b> — see https://evil.example or www.evil.example, mail @evil',
  rationale: '-2 credibility points: the photo predates the storm',
  note: '+1 from a second witness',
  tag: '@SUM(A1:A2)',
  sourceNote: '\tx: a note that starts with a tab',
  sourceRationale: '\rx: a rationale that starts with a carriage return',
  quote: 'He said "the road is gone"\nand left',
  formula: '=HYPERLINK("https://evil.example","Click") The bridge collapsed at 9am',
} as const;

export const EMOJI_QUOTE = 'Water reached the 🚗 roofs by noon';

const at = (day: number, hour: number): string =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** A passage on `text` as the set carries it: 32 code points either side, positions in code points. */
function passage(
  id: string,
  report: string,
  text: string,
  exact: string,
  source: string | null,
  extra: Partial<SetPassage> = {},
): SetPassage {
  const units = text.indexOf(exact);
  if (units < 0) throw new Error(`fixture: "${exact}" is not in its text`);
  const before = [...text.slice(0, units)];
  const after = [...text.slice(units + exact.length)];
  const start = before.length;
  return {
    id,
    report,
    target: {
      source: urnOf(sha(text)),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact,
          prefix: before.slice(-32).join(''),
          suffix: after.slice(0, 32).join(''),
        },
        { type: 'TextPositionSelector', start, end: start + [...exact].length },
      ],
    },
    status: 'anchored',
    note: '',
    source,
    createdAt: at(20, 9),
    updatedAt: at(20, 9),
    ...extra,
  };
}

export function claimSetFixture(): ClaimSet {
  const S = IDS.source;
  const P = IDS.passage;
  const C = IDS.claim;
  const E = IDS.evidence;
  const grade = (reliability: 'A' | 'B' | 'C' | 'F', rationale: string, day: number) => ({
    reliability,
    rationale,
    reviewer: 'Amira Haddad',
    at: at(day, 10),
  });
  const source = (
    id: string,
    kind: 'outlet' | 'named',
    name: string,
    outlet: string,
    reliability: 'A' | 'B' | 'C' | 'F' | null,
    rationale: string,
    extra: { cites?: string; note?: string } = {},
  ) => ({
    id,
    kind,
    name,
    outlet,
    cites: extra.cites ?? null,
    note: extra.note ?? null,
    reliability,
    rationale,
    history: reliability ? [grade(reliability, rationale, 19)] : [],
    createdAt: at(19, 8),
  });
  const evidence = (
    id: string,
    claim: string,
    passageId: string,
    stance: 'supports' | 'contradicts' | 'context',
    credibility: 1 | 2 | 3 | 4 | 5 | 6,
    attributed: string | null,
    origin: string,
    note = '',
  ) => ({
    id,
    claim,
    passage: passageId,
    stance,
    credibility,
    note,
    source: attributed,
    origin,
    createdAt: at(20, 11),
  });
  const group = (
    stance: 'supports' | 'contradicts' | 'context',
    origin: string,
    name: string,
    outlet: string | null,
    reliability: 'A' | 'B' | 'C' | 'F' | null,
    ids: string[],
  ) => ({ stance, origin, name, outlet, reliability, evidence: ids });
  const claim = (
    id: string,
    text: string,
    verdict: 'verified' | 'refuted' | 'unresolved' | null,
    status: ClaimSet['claims'][number]['status'],
    counts: [number, number, number, number, number],
    origins: ReturnType<typeof group>[],
    extra: { tags?: string[]; rationale?: string } = {},
  ) => ({
    id,
    text,
    tags: extra.tags ?? [],
    status,
    counts: {
      passages: counts[0],
      reports: counts[1],
      outlets: counts[2],
      independentOrigins: counts[3],
      contradictingOrigins: counts[4],
    },
    origins,
    verdict,
    rationale: extra.rationale ?? '',
    createdAt: at(20, 8),
    updatedAt: at(21, 16),
  });

  return {
    format: 'source-desk/claim-set',
    version: 1,
    exported: {
      desk: IDS.desk,
      reviewer: 'Amira Haddad',
      at: '2026-11-22T14:30:00.000Z',
      filter: null,
      withTexts: true,
    },
    reports: [
      {
        id: REPORTS.gazette,
        sha256: sha(TEXTS.gazette),
        title: 'Flooding closes the ring road',
        outlet: 'Harbour Gazette',
        byline: 'Mara Jensen',
        publishedAt: '2026-11-18',
        url: 'https://harbour-gazette.example/news/ring-road-flood',
        language: 'en',
        format: 'html',
        originalName: 'ring-road-flood.html',
        importedAt: at(19, 7),
        text: TEXTS.gazette,
      },
      {
        id: REPORTS.courier,
        sha256: sha(TEXTS.courier),
        title: 'Ring road under water; bridge “stands”, says port',
        outlet: 'Valley Courier',
        byline: null,
        publishedAt: '2026-11-19T08:30',
        url: 'https://valley-courier.example/ring-road',
        language: 'en',
        format: 'txt',
        originalName: 'courier.txt',
        importedAt: at(19, 7),
        text: TEXTS.courier,
      },
      {
        id: REPORTS.post,
        sha256: sha(TEXTS.post),
        title: 'Post shared in a residents’ group',
        outlet: null,
        byline: null,
        publishedAt: null,
        url: null,
        language: null,
        format: 'txt',
        originalName: 'post.txt',
        importedAt: at(19, 7),
        text: TEXTS.post,
      },
    ],
    texts: [{ sha256: sha(TEXTS.courierBefore), text: TEXTS.courierBefore }],
    sources: [
      source(
        S.gazette,
        'outlet',
        'Harbour Gazette',
        'Harbour Gazette',
        'B',
        'Paper of record for the port; publishes corrections.',
      ),
      source(S.courier, 'outlet', 'Valley Courier', 'Valley Courier', 'C', HOSTILE.sourceRationale),
      source(
        S.ortiz,
        'named',
        'Dr Lena Ortiz',
        'Harbour Gazette',
        'A',
        'City hydrologist; measured the surge herself.',
      ),
      source(
        S.port,
        'named',
        'Port Authority spokesperson',
        'Valley Courier',
        'B',
        'Official channel; has been right on closures.',
      ),
      source(S.official, 'named', 'Council official', 'Valley Courier', null, '', {
        cites: S.ortiz,
        note: HOSTILE.sourceNote,
      }),
      source(S.witness, 'named', 'Unnamed witness', 'Harbour Gazette', 'F', 'Not identified.'),
    ],
    passages: [
      passage(P.roofs, REPORTS.gazette, TEXTS.gazette, EMOJI_QUOTE, S.ortiz),
      passage(P.gone, REPORTS.gazette, TEXTS.gazette, HOSTILE.quote, S.witness),
      passage(
        P.underWater,
        REPORTS.courier,
        TEXTS.courier,
        'The ring road was under water on Tuesday morning',
        S.port,
      ),
      passage(P.deep, REPORTS.courier, TEXTS.courier, 'the water was 2 metres deep', S.official),
      passage(P.stands, REPORTS.courier, TEXTS.courier, 'The bridge stands.', S.port),
      passage(P.collapsed, REPORTS.post, TEXTS.post, HOSTILE.formula, null),
      passage(
        P.orphan,
        REPORTS.courier,
        TEXTS.courierBefore,
        'under water on Tuesday, a Port Authority',
        S.port,
        {
          status: 'orphaned',
          note: 'The corrected version added “morning”.',
        },
      ),
      passage(
        P.repairs,
        REPORTS.gazette,
        TEXTS.gazette,
        'The council said repairs would take weeks.',
        null,
      ),
    ],
    evidence: [
      evidence(E.roofs, C.flooded, P.roofs, 'supports', 2, S.ortiz, S.ortiz),
      evidence(E.underWater, C.flooded, P.underWater, 'supports', 1, S.port, S.port),
      evidence(E.deep, C.flooded, P.deep, 'supports', 3, S.official, S.ortiz),
      evidence(E.orphan, C.flooded, P.orphan, 'context', 6, S.port, S.port),
      evidence(E.collapsed, C.bridge, P.collapsed, 'supports', 5, null, REPORTS.post),
      evidence(E.stands, C.bridge, P.stands, 'contradicts', 2, S.port, S.port),
      evidence(E.gone, C.impassable, P.gone, 'supports', 4, S.witness, S.witness, HOSTILE.note),
      evidence(E.deepAlone, C.deep, P.deep, 'supports', 3, S.official, S.ortiz),
    ],
    claims: [
      claim(
        C.flooded,
        'Storm surge flooded the ring road on Tuesday 🌊',
        'verified',
        'corroborated',
        [4, 2, 2, 2, 0],
        [
          group('supports', S.ortiz, 'Dr Lena Ortiz', 'Harbour Gazette', 'A', [E.roofs, E.deep]),
          group('supports', S.port, 'Port Authority spokesperson', 'Valley Courier', 'B', [
            E.underWater,
          ]),
          group('context', S.port, 'Port Authority spokesperson', 'Valley Courier', 'B', [
            E.orphan,
          ]),
        ],
        {
          tags: ['flood', 'roads'],
          rationale: 'The hydrologist and the port say so independently, in two outlets.',
        },
      ),
      claim(
        C.bridge,
        'The harbour bridge collapsed',
        'refuted',
        'disputed',
        [2, 2, 2, 1, 1],
        [
          group(
            'supports',
            REPORTS.post,
            'Post shared in a residents’ group (no outlet)',
            null,
            null,
            [E.collapsed],
          ),
          group('contradicts', S.port, 'Port Authority spokesperson', 'Valley Courier', 'B', [
            E.stands,
          ]),
        ],
        { tags: [HOSTILE.tag, 'bridge'], rationale: HOSTILE.rationale },
      ),
      claim(
        C.impassable,
        'The ring road is impassable',
        'unresolved',
        'single-origin',
        [1, 1, 1, 1, 0],
        [group('supports', S.witness, 'Unnamed witness', 'Harbour Gazette', 'F', [E.gone])],
        { rationale: 'One unnamed witness; waiting for the council.' },
      ),
      claim(C.hostile, HOSTILE.claim, null, 'no-evidence', [0, 0, 0, 0, 0], []),
      claim(
        C.deep,
        'The water was two metres deep',
        null,
        'single-origin',
        [1, 1, 1, 1, 0],
        [group('supports', S.ortiz, 'Dr Lena Ortiz', 'Harbour Gazette', 'A', [E.deepAlone])],
      ),
    ],
    audit: [],
  };
}
