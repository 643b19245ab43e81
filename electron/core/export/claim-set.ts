// The claim set (docs/claim-set.md): what the desk exports, read in one snapshot with bulk queries
// (a list of ids goes to SQLite as one JSON array) and assembled in memory. Inside the desk an
// offset counts UTF-16 code units; the set counts code points, converted here in one pass per text.
import {
  CLAIM_SET_FORMAT,
  CLAIM_SET_VERSION,
  PDF_FRAGMENT,
  urnOf,
  type ClaimSet,
  type ClaimSetFilter,
  type SetAudit,
  type SetClaim,
  type SetEvidence,
  type SetPassage,
  type SetRating,
  type SetReport,
  type SetSource,
} from '../../../shared/claim-set.ts';
import type { Credibility, Reliability } from '../../../shared/admiralty.ts';
import { convertOffsets } from '../../../shared/code-points.ts';
import {
  assessClaim,
  foldOwnVoice,
  originOf,
  type EvidenceItem,
  type VoiceLink,
  type OriginReview,
  type SourceNode,
} from '../../../shared/corroboration.ts';
import type { ReportFormat } from '../../../shared/formats.ts';
import { pagesOf, type PageSpan } from '../../../shared/pages.ts';
import {
  STANCES,
  type AnchorStatus,
  type AuditAction,
  type ClaimStatus,
  type SourceKind,
  type Stance,
  type Verdict,
} from '../../../shared/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import { claimStatuses } from '../db/corroboration-input.ts';
import { DeskError } from '../db/errors.ts';

export interface ClaimSetOptions {
  /** null: everything. */
  filter: ClaimSetFilter | null;
  /** Carry the texts of the reports (and of orphaned passages' older texts). */
  withTexts: boolean;
  now?: Date;
}

interface ClaimRow {
  id: number;
  uuid: string;
  text: string;
  verdict: Verdict | null;
  rationale: string;
  createdAt: string;
  updatedAt: string;
}
type EvidenceRow = [
  id: number,
  uuid: string,
  claimId: number,
  passageId: number,
  stance: Stance,
  credibility: Credibility,
  note: string,
  createdAt: string,
];
type PassageRow = [
  id: number,
  uuid: string,
  reportId: number,
  sha256: string,
  start: number,
  end: number,
  exact: string,
  prefix: string,
  suffix: string,
  note: string,
  sourceId: number | null,
  status: AnchorStatus,
  createdAt: string,
  updatedAt: string,
];
interface ReportRow {
  id: number;
  sha256: string;
  title: string;
  outletId: number | null;
  outlet: string | null;
  byline: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
  format: ReportFormat;
  originalName: string;
  originalSha256: string | null;
  importedAt: string;
}
interface SourceRow {
  id: number;
  uuid: string;
  kind: SourceKind;
  name: string;
  outletId: number;
  outlet: string;
  derivesFromId: number | null;
  note: string | null;
  createdAt: string;
}

/** What an export holds: the chosen claims and everything they need, as the desk's rows. */
interface Selection {
  claims: ClaimRow[];
  evidence: EvidenceRow[];
  passages: PassageRow[];
  reports: ReportRow[];
  /** Every source of the desk, and the ids of those the export carries. */
  sources: Map<number, SourceRow>;
  chosenSources: number[];
  /** The outlet-source of each outlet. */
  outletSource: Map<number, number>;
}

const ids = (list: Iterable<number>): string => JSON.stringify([...list]);

type Statuses = ReturnType<typeof claimStatuses>;

/**
 * The claims a filter chooses (every given criterion must hold) and everything they need.
 * `statusesOf` gives every claim's computed status, asked for only when the filter needs it.
 */
function select(db: Db, filter: ClaimSetFilter | null, statusesOf: () => Statuses): Selection {
  const allClaims = db
    .prepare(
      `SELECT id, uuid, text, verdict, verdict_rationale AS rationale, created_at AS createdAt,
              updated_at AS updatedAt FROM claims`,
    )
    .all() as ClaimRow[];
  const statuses = filter?.statuses ? statusesOf() : null;
  let claims = allClaims;
  if (filter !== null) {
    const tagged = filter.tags ? claimsTagged(db, filter.tags) : null;
    const verdicts = filter.verdicts ? new Set(filter.verdicts) : null;
    const wanted = filter.statuses ? new Set<ClaimStatus>(filter.statuses) : null;
    // The desk writes its UUIDs in lower case; one typed in capitals is the same id.
    const chosen = filter.claims ? new Set(filter.claims.map((id) => id.toLowerCase())) : null;
    claims = allClaims.filter(
      (c) =>
        (verdicts === null || verdicts.has(c.verdict ?? 'none')) &&
        (tagged === null || tagged.has(c.id)) &&
        (chosen === null || chosen.has(c.uuid)) &&
        (wanted === null || wanted.has(statuses?.get(c.id)?.status as ClaimStatus)),
    );
  }

  const evidenceColumns = `SELECT id, uuid, claim_id, passage_id, stance, credibility, note, created_at FROM evidence`;
  const passageColumns = `SELECT id, uuid, report_id, sha256, position_start, position_end, exact, prefix,
         suffix, note, source_id, anchor_status, created_at, updated_at FROM passages`;
  let evidence: EvidenceRow[];
  let passages: PassageRow[];
  if (filter === null) {
    // Every passage, those linked to no claim and the orphaned among them too.
    evidence = db.prepare(`${evidenceColumns} ORDER BY id`).raw().all() as EvidenceRow[];
    passages = db.prepare(`${passageColumns} ORDER BY id`).raw().all() as PassageRow[];
  } else {
    evidence = db
      .prepare(`${evidenceColumns} WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .raw()
      .all(ids(claims.map((c) => c.id))) as EvidenceRow[];
    passages = db
      .prepare(`${passageColumns} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .raw()
      .all(ids(new Set(evidence.map((e) => e[3])))) as PassageRow[];
  }
  const reports = db
    .prepare(
      `SELECT r.id, r.sha256, r.title, r.outlet_id AS outletId, o.name AS outlet, r.byline,
              r.published_at AS publishedAt, r.url, r.language, r.format,
              r.original_name AS originalName, r.original_sha256 AS originalSha256,
              r.imported_at AS importedAt
       FROM reports r LEFT JOIN outlets o ON o.id = r.outlet_id
       WHERE r.id IN (SELECT value FROM json_each(?))`,
    )
    .all(ids(new Set(passages.map((p) => p[2])))) as ReportRow[];

  const sources = new Map<number, SourceRow>();
  const outletSource = new Map<number, number>();
  for (const row of db
    .prepare(
      `SELECT s.id, s.uuid, s.kind, s.name, s.outlet_id AS outletId, o.name AS outlet,
              s.derives_from_id AS derivesFromId, s.note, s.created_at AS createdAt
       FROM sources s JOIN outlets o ON o.id = s.outlet_id`,
    )
    .all() as SourceRow[]) {
    sources.set(row.id, row);
    if (row.kind === 'outlet') outletSource.set(row.outletId, row.id);
  }
  let chosenSources: number[];
  if (filter === null) chosenSources = [...sources.keys()];
  else {
    // The attributed sources, the reports' outlets, and each one's whole "cites" chain.
    const chosen = new Set<number>();
    const add = (start: number | null | undefined): void => {
      for (let id = start; id != null && !chosen.has(id) && sources.has(id);) {
        chosen.add(id);
        id = sources.get(id)?.derivesFromId;
      }
    };
    for (const p of passages) add(p[10]);
    for (const r of reports) if (r.outletId !== null) add(outletSource.get(r.outletId));
    chosenSources = [...chosen];
  }
  return { claims, evidence, passages, reports, sources, chosenSources, outletSource };
}

/** The ids of the claims carrying any of these tags. */
function claimsTagged(db: Db, tags: readonly string[]): Set<number> {
  return new Set(
    db
      .prepare(
        'SELECT DISTINCT claim_id FROM claim_tags WHERE tag IN (SELECT value FROM json_each(?))',
      )
      .pluck()
      .all(JSON.stringify(tags)) as number[],
  );
}

/** How much an export with this filter holds, without assembling it. */
export function claimSetCounts(
  db: Db,
  filter: ClaimSetFilter | null,
): { claims: number; evidence: number; passages: number; reports: number; sources: number } {
  return db.transaction(() => {
    const s = select(db, filter, () => claimStatuses(db));
    return {
      claims: s.claims.length,
      evidence: s.evidence.length,
      passages: s.passages.length,
      reports: s.reports.length,
      sources: s.chosenSources.length,
    };
  })();
}

/** Orders by creation time, then id: exporting twice gives the same order. */
const byCreated = <T extends { createdAt: string; id: string }>(a: T, b: T): number =>
  a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.id < b.id
        ? -1
        : +(a.id > b.id);
const byString = (a: string, b: string): number => (a < b ? -1 : +(a > b));

/** The claim set of the claims `filter` chooses (null: the whole desk), read in one snapshot. */
export function buildClaimSet(db: Db, options: ClaimSetOptions): ClaimSet {
  // The statuses are worked out first, outside the snapshot: only there does claimStatuses keep
  // the passages' word trigrams for the connection (at 100,000 links, most of its time). They are
  // used if no other connection wrote in between (data_version says so once the snapshot is
  // taken), else worked out again inside it.
  const early = db.inTransaction
    ? null
    : { statuses: claimStatuses(db), version: db.pragma('data_version', { simple: true }) };
  return db.transaction(() => assemble(db, options, early))();
}

function assemble(
  db: Db,
  { filter, withTexts, now = new Date() }: ClaimSetOptions,
  early: { statuses: Statuses; version: unknown } | null,
): ClaimSet {
  let statuses: Statuses | undefined;
  // Asked for after the claims are read, so the snapshot is taken when data_version is compared.
  const statusesOf = (): Statuses =>
    (statuses ??=
      early !== null && db.pragma('data_version', { simple: true }) === early.version
        ? early.statuses
        : claimStatuses(db));
  const selection = select(db, filter, statusesOf);
  const { claims, evidence, passages, reports, sources, outletSource } = selection;
  const preference = db.prepare('SELECT value FROM preferences WHERE key = ?').pluck();
  const desk = preference.get('desk_id') as string | undefined;
  if (desk === undefined)
    throw new DeskError('internal', `${db.name} has no desk id (preferences 'desk_id')`);

  // Sources: the current grade is the newest rating; the history is every rating, oldest first.
  const history = new Map<number, SetRating[]>();
  for (const [sourceId, reliability, rationale, reviewer, at] of db
    .prepare(
      'SELECT source_id, reliability, rationale, reviewer, rated_at FROM ratings WHERE source_id IS NOT NULL ORDER BY id',
    )
    .raw()
    .all() as [number, Reliability, string, string, string][]) {
    let list = history.get(sourceId);
    if (!list) history.set(sourceId, (list = []));
    list.push({ reliability, rationale, reviewer, at });
  }
  const nodes = new Map<number, SourceNode>();
  for (const s of sources.values())
    nodes.set(s.id, {
      id: s.id,
      name: s.name,
      kind: s.kind,
      outletId: s.outletId,
      outletName: s.outlet,
      derivesFromId: s.derivesFromId,
      reliability: history.get(s.id)?.at(-1)?.reliability ?? null,
    });
  const sourceUuid = (id: number): string => (sources.get(id) as SourceRow).uuid;
  const setSources: SetSource[] = selection.chosenSources.map((id) => {
    const s = sources.get(id) as SourceRow;
    const ratings = history.get(id) ?? [];
    const current = ratings.at(-1);
    return {
      id: s.uuid,
      kind: s.kind,
      name: s.name,
      outlet: s.outlet,
      cites:
        s.derivesFromId !== null && sources.has(s.derivesFromId)
          ? sourceUuid(s.derivesFromId)
          : null,
      note: s.note,
      reliability: current?.reliability ?? null,
      rationale: current?.rationale ?? '',
      history: ratings,
      createdAt: s.createdAt,
    };
  });

  // Texts: each report's current one, and the older ones orphaned passages still point into.
  // Without texts to carry, only those with a character beyond U+FFFF are read: in any other,
  // code points and UTF-16 units count alike (SQLite's length() counts code points, `chars` the
  // units), and the offsets need no converting.
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const neededTexts = new Set(passages.map((p) => p[3]));
  if (withTexts) for (const r of reports) neededTexts.add(r.sha256);
  // A paged report's pages are converted to code points on its text.
  for (const r of reports) if (r.format === 'pdf') neededTexts.add(r.sha256);
  const texts = new Map(
    db
      .prepare(
        `SELECT sha256, ${withTexts ? 'body' : 'CASE WHEN length(body) = chars THEN NULL ELSE body END'}
         FROM texts WHERE sha256 IN (SELECT value FROM json_each(?))`,
      )
      .raw()
      .all(JSON.stringify([...neededTexts])) as [string, string | null][],
  );

  // Passages: offsets converted to code points, one pass over each text for all its passages.
  const byText = new Map<string, PassageRow[]>();
  for (const p of passages) {
    let list = byText.get(p[3]);
    if (!list) byText.set(p[3], (list = []));
    list.push(p);
  }
  const points = new Map<number, [number, number]>();
  for (const [sha256, list] of byText) {
    const text = texts.get(sha256);
    if (text === undefined)
      throw new DeskError('internal', `${db.name}: the text ${sha256} of a passage is missing`);
    if (text === null) continue;
    const offsets: number[] = [];
    for (const p of list) offsets.push(p[4], p[5]);
    let converted: number[];
    try {
      converted = convertOffsets(text, offsets, 'points');
    } catch (error) {
      throw new DeskError(
        'internal',
        `${db.name}: a passage in text ${sha256} cannot be exported: ${(error as Error).message}`,
      );
    }
    list.forEach((p, i) =>
      points.set(p[0], [converted[2 * i] as number, converted[2 * i + 1] as number]),
    );
  }
  // The pages of paged originals (PDFs): a passage placed in its report's current text is on them.
  const pagesByReport = new Map<number, PageSpan[]>();
  for (const row of db
    .prepare(
      `SELECT report_id AS reportId, page, start, "end" FROM report_pages
       WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, page`,
    )
    .all(ids(reportById.keys())) as (PageSpan & { reportId: number })[]) {
    let list = pagesByReport.get(row.reportId);
    if (!list) pagesByReport.set(row.reportId, (list = []));
    list.push({ page: row.page, start: row.start, end: row.end });
  }
  const passageById = new Map<number, PassageRow>();
  const setPassages: SetPassage[] = passages.map((p) => {
    passageById.set(p[0], p);
    const report = reportById.get(p[2]) as ReportRow;
    const [start, end] = points.get(p[0]) ?? [p[4], p[5]];
    const quote = { type: 'TextQuoteSelector', exact: p[6], prefix: p[7], suffix: p[8] } as const;
    const position = { type: 'TextPositionSelector', start, end } as const;
    const pages = p[3] === report.sha256 ? pagesOf(pagesByReport.get(p[2]) ?? [], p[4], p[5]) : [];
    return {
      id: p[1],
      report: urnOf(report.sha256),
      target: {
        source: urnOf(p[3]),
        selector:
          pages[0] === undefined
            ? [quote, position]
            : [
                quote,
                position,
                { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: `page=${pages[0]}` },
              ],
      },
      status: p[11],
      note: p[9],
      source: p[10] !== null && sources.has(p[10]) ? sourceUuid(p[10]) : null,
      createdAt: p[12],
      updatedAt: p[13],
    };
  });

  // Evidence: the attributed source and its origin; each claim's links, in the desk's order, as
  // corroboration reads them.
  const claimUuid = new Map(claims.map((c) => [c.id, c.uuid]));
  const roots = new Map<number, string>();
  const rootOf = (start: number): string => {
    let root = roots.get(start);
    if (root === undefined) roots.set(start, (root = sourceUuid(originOf(start, nodes).root)));
    return root;
  };
  /** Each link as corroboration reads it, with its origin and voice worked out once. */
  type Link = EvidenceItem & VoiceLink<string> & { uuid: string };
  const items = new Map<number, Link[]>();
  const originKeys = new Map<number, string>();
  const originKeyOf = (start: number): string => {
    let key = originKeys.get(start);
    if (key === undefined) originKeys.set(start, (key = `source:${originOf(start, nodes).root}`));
    return key;
  };
  const setEvidence: SetEvidence[] = evidence.map((e) => {
    const [id, uuid, claimId, passageId, stance, credibility, note, createdAt] = e;
    const p = passageById.get(passageId) as PassageRow;
    const report = reportById.get(p[2]) as ReportRow;
    const outletSourceId =
      report.outletId === null ? null : (outletSource.get(report.outletId) ?? null);
    const sourceId = p[10] !== null && sources.has(p[10]) ? p[10] : null;
    const start = sourceId ?? outletSourceId;
    let list = items.get(claimId);
    if (!list) items.set(claimId, (list = []));
    const attributed = start === null ? undefined : nodes.get(start);
    // The groups depend on sources, stances and confirmed shared origins, not on the wording:
    // the words are left out (the status, which may, comes from claimStatuses).
    list.push({
      id,
      passageId,
      reportId: report.id,
      reportTitle: report.title,
      sourceId,
      outletSourceId,
      stance,
      credibility,
      exact: '',
      uuid,
      origin: start === null ? `report:${report.id}` : originKeyOf(start),
      voiceOf: attributed?.kind === 'outlet' ? attributed.outletId : null,
      namedIn: attributed?.kind === 'named' ? attributed.outletId : null,
    });
    return {
      id: uuid,
      claim: claimUuid.get(claimId) as string,
      passage: p[1],
      stance,
      credibility,
      note,
      source: start === null ? null : sourceUuid(start),
      origin: start === null ? urnOf(report.sha256) : rootOf(start),
      createdAt,
    };
  });

  // Claims: status and counts as the desk computes them; the origin groups of the assessment.
  const tags = new Map<number, string[]>();
  for (const [claimId, tag] of db
    .prepare(
      'SELECT claim_id, tag FROM claim_tags WHERE claim_id IN (SELECT value FROM json_each(?))',
    )
    .raw()
    .all(ids(claimUuid.keys())) as [number, string][]) {
    let list = tags.get(claimId);
    if (!list) tags.set(claimId, (list = []));
    list.push(tag);
  }
  // The reviewer's shared-origin decisions: the confirmed ones make two origins one (the groups
  // need them); all of them travel with their claim, each pair by its passages' ids in the set.
  const reviews = new Map<number, OriginReview[]>();
  const decisions = new Map<number, NonNullable<SetClaim['originReviews']>>();
  for (const r of db
    .prepare(
      `SELECT claim_id AS claimId, passage_a AS passageA, passage_b AS passageB, decision, reviewer,
              decided_at AS at
       FROM origin_reviews WHERE claim_id IN (SELECT value FROM json_each(?))`,
    )
    .all(ids(claimUuid.keys())) as (OriginReview & {
    claimId: number;
    reviewer: string;
    at: string;
  })[]) {
    if (r.decision === 'confirmed') reviews.set(r.claimId, [...(reviews.get(r.claimId) ?? []), r]);
    const a = passageById.get(r.passageA)?.[1];
    const b = passageById.get(r.passageB)?.[1];
    // A pair whose passage the set does not carry (no longer evidence of a chosen claim) decides
    // nothing the set holds.
    if (a === undefined || b === undefined) continue;
    let list = decisions.get(r.claimId);
    if (!list) decisions.set(r.claimId, (list = []));
    list.push({
      passages: a < b ? [a, b] : [b, a],
      decision: r.decision,
      reviewer: r.reviewer,
      at: r.at,
    });
  }
  const originId = (key: string): string => {
    const id = Number(key.slice(key.indexOf(':') + 1));
    return key.startsWith('source:')
      ? sourceUuid(id)
      : urnOf((reportById.get(id) as ReportRow).sha256);
  };
  /**
   * A claim's origin groups as assessClaim forms them: its evidence by stance and origin, each
   * outlet's own voice folded. A claim whose reviewer confirmed a shared origin goes through
   * assessClaim itself (those origins are one); the rest are grouped here without the wording
   * checks and conclusion assessClaim also works out, which the export does not need.
   */
  const originGroups = (claimId: number): SetClaim['origins'] => {
    const list = items.get(claimId) ?? [];
    const confirmed = reviews.get(claimId);
    const found: SetClaim['origins'] = [];
    // Each group's key (`source:<id>`, `report:<id>`), beside it.
    const keysFound: string[] = [];
    const group = (stance: Stance, key: string, first: Link): (typeof found)[number] => {
      const root = key.startsWith('source:') ? nodes.get(Number(key.slice(7))) : undefined;
      const made = {
        stance,
        origin: originId(key),
        name: root?.name ?? `${first.reportTitle} (no outlet)`,
        outlet: root?.outletName ?? null,
        reliability: root?.reliability ?? null,
        evidence: [],
      };
      found.push(made);
      keysFound.push(key);
      return made;
    };
    if (confirmed) {
      const a = assessClaim(list, nodes, confirmed);
      for (const [stance, groups] of [
        ['supports', a.supporting],
        ['contradicts', a.contradicting],
        ['context', a.context],
      ] as const)
        for (const g of groups) {
          const made = group(stance, g.key, g.evidence[0] as Link);
          for (const item of g.evidence) made.evidence.push((item as Link).uuid);
        }
    } else {
      // As foldedOrigins, with each link's origin and voice already known. A claim has a handful
      // of links: a scan of its groups beats a map.
      const keys = foldOwnVoice(list);
      for (let i = 0; i < list.length; i++) {
        const item = list[i] as Link;
        const key = keys[i] as string;
        let g: (typeof found)[number] | undefined;
        for (let j = 0; j < found.length; j++)
          if (keysFound[j] === key && found[j]?.stance === item.stance) g = found[j];
        (g ?? group(item.stance, key, item)).evidence.push(item.uuid);
      }
    }
    for (const g of found) g.evidence.sort(byString);
    return found.sort(
      (a, b) =>
        STANCES.indexOf(a.stance) - STANCES.indexOf(b.stance) || byString(a.origin, b.origin),
    );
  };

  const computed = statusesOf();
  const setClaims: SetClaim[] = claims.map((c) => {
    const conclusion = computed.get(c.id);
    if (!conclusion)
      throw new DeskError('internal', `${db.name}: claim ${c.uuid} has no computed status`);
    return {
      id: c.uuid,
      text: c.text,
      tags: (tags.get(c.id) ?? []).sort(byString),
      status: conclusion.status,
      counts: {
        passages: conclusion.counts.passages,
        reports: conclusion.counts.reports,
        outlets: conclusion.counts.outlets,
        independentOrigins: conclusion.counts.supportingOrigins,
        contradictingOrigins: conclusion.counts.contradictingOrigins,
      },
      origins: originGroups(c.id),
      verdict: c.verdict,
      rationale: c.rationale,
      ...(decisions.has(c.id) && {
        originReviews: (decisions.get(c.id) ?? []).sort(
          (x, y) =>
            byString(x.passages[0], y.passages[0]) || byString(x.passages[1], y.passages[1]),
        ),
      }),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  });

  // Reports, and the texts beside them.
  const pagesInPoints = (r: ReportRow): Pick<SetReport, 'pages'> => {
    const pages = pagesByReport.get(r.id);
    if (!pages?.length) return {};
    const text = texts.get(r.sha256);
    const flat = pages.flatMap((p) => [p.start, p.end]);
    const points = text ? convertOffsets(text, flat, 'points') : flat;
    return {
      pages: pages.map((p, i) => ({
        page: p.page,
        start: points[2 * i] as number,
        end: points[2 * i + 1] as number,
      })),
    };
  };
  const setReports: SetReport[] = reports.map((r) => ({
    id: urnOf(r.sha256),
    sha256: r.sha256,
    title: r.title,
    outlet: r.outlet,
    byline: r.byline,
    publishedAt: r.publishedAt,
    url: r.url,
    language: r.language,
    format: r.format,
    originalName: r.originalName,
    originalSha256: r.originalSha256,
    ...pagesInPoints(r),
    importedAt: r.importedAt,
    ...(withTexts ? { text: texts.get(r.sha256) as string } : {}),
  }));
  const current = new Set(reports.map((r) => r.sha256));
  const setTexts = withTexts
    ? [...byText.keys()]
        .filter((sha256) => !current.has(sha256))
        .sort(byString)
        .map((sha256) => ({ sha256, text: texts.get(sha256) as string }))
    : [];

  return {
    format: CLAIM_SET_FORMAT,
    version: CLAIM_SET_VERSION,
    exported: {
      desk,
      reviewer: (preference.get('reviewer') as string | undefined) ?? '',
      at: now.toISOString(),
      filter,
      withTexts,
    },
    reports: setReports.sort((a, b) => byString(a.id, b.id)),
    texts: setTexts,
    sources: setSources.sort(byCreated),
    passages: setPassages.sort(byCreated),
    evidence: setEvidence.sort(byCreated),
    claims: setClaims.sort(byCreated),
    audit: auditOf(db, selection, passageById),
  };
}

/** The audit entries of the exported claims, sources and passages, in the order they were made. */
function auditOf(db: Db, s: Selection, passages: Map<number, PassageRow>): SetAudit[] {
  const uuids = {
    claim: new Map(s.claims.map((c) => [c.id, c.uuid])),
    source: new Map(s.chosenSources.map((id) => [id, (s.sources.get(id) as SourceRow).uuid])),
    passage: new Map([...passages.values()].map((p) => [p[0], p[1]])),
  };
  const part = (entity: keyof typeof uuids): string =>
    `SELECT id, at, reviewer, action, entity, entity_id, before, after FROM audit_log
     WHERE entity = '${entity}' AND entity_id IN (SELECT value FROM json_each(?))`;
  const rows = db
    .prepare(
      `${part('claim')} UNION ALL ${part('source')} UNION ALL ${part('passage')}
       ORDER BY at, id`,
    )
    .raw()
    .all(ids(uuids.claim.keys()), ids(uuids.source.keys()), ids(uuids.passage.keys())) as [
    number,
    string,
    string,
    AuditAction,
    keyof typeof uuids,
    number,
    string | null,
    string | null,
  ][];
  return rows.map(([, at, reviewer, action, entity, entityId, before, after]) => ({
    at,
    reviewer,
    action,
    entity,
    item: uuids[entity].get(entityId) as string,
    before: before === null ? null : (JSON.parse(before) as SetAudit['before']),
    after: after === null ? null : (JSON.parse(after) as SetAudit['after']),
  }));
}
