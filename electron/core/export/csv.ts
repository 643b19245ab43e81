// The claim set as three spreadsheets (claims.csv, evidence.csv, sources.csv) and the W3C CSVW
// metadata that describes them (csv-metadata.json, https://www.w3.org/TR/tabular-metadata/).
//
// - RFC 4180: CRLF after every record, the header included; a field with a comma, a double
//   quote, CR or LF is quoted and its quotes doubled.
// - UTF-8 with a byte-order mark: Excel reads a CSV without one in the machine's legacy code
//   page, which garbles every accent and emoji; CSVW readers decode UTF-8 as WHATWG does, which
//   drops the mark.
// - Formula injection (OWASP, "CSV Injection"): a cell that begins with `=`, `+`, `-`, `@`, tab or
//   CR is one a spreadsheet may run as a formula. Such a cell gets a leading apostrophe, which
//   spreadsheets show as text. No column holds a negative number, so the rule has no exception.
// - One column list per file gives both the CSV and its metadata: they cannot drift apart.
import type { ExportFile } from '../../../shared/api/sets.ts';
import type { ClaimSet, SetClaim, SetEvidence, SetSource } from '../../../shared/claim-set.ts';
import { RELIABILITY, CREDIBILITY } from '../../../shared/admiralty.ts';
import { STATUS_LABEL } from '../../../shared/corroboration.ts';
import { csvField, type Cell } from '../../../shared/csv.ts';
import { indexSet, quoteOf, type SetIndex } from './set-index.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';

type Datatype = string | Record<string, unknown>;
const UUID: Datatype = {
  base: 'string',
  format: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
};
const COUNT: Datatype = { base: 'nonNegativeInteger' };

interface Column<T> {
  name: string;
  title: string;
  datatype: Datatype;
  required: boolean;
  value: (row: T) => Cell;
}

const col = <T>(
  name: string,
  title: string,
  value: (row: T) => Cell,
  datatype: Datatype = 'string',
  required = false,
): Column<T> => ({ name, title, datatype, required, value });

interface Table<T> {
  url: string;
  description: string;
  columns: Column<T>[];
  rows: T[];
  foreignKeys: { column: string; table: string }[];
}

/** "Name (Outlet, B)" for each origin on one side of a claim. */
const originNames = (claim: SetClaim, stance: string): string =>
  claim.origins
    .filter((o) => o.stance === stance)
    .map((o) => {
      const where = [o.outlet && o.outlet !== o.name ? o.outlet : null, o.reliability]
        .filter(Boolean)
        .join(', ');
      return where ? `${o.name} (${where})` : o.name;
    })
    .join('; ');

function claimsTable(set: ClaimSet): Table<SetClaim> {
  return {
    url: 'claims.csv',
    description:
      'One row per claim: its verdict, its computed status and the independent origins behind it.',
    rows: set.claims,
    foreignKeys: [],
    columns: [
      col('id', 'Claim id', (c) => c.id, UUID, true),
      col('text', 'Claim', (c) => c.text, 'string', true),
      col('tags', 'Tags (separated by "; ")', (c) => c.tags.join('; ')),
      col('verdict', 'Verdict (verified, refuted, unresolved; empty: none yet)', (c) => c.verdict),
      col('rationale', 'Rationale for the verdict', (c) => c.rationale),
      col('status', 'Computed status (code)', (c) => c.status, 'string', true),
      col('status_label', 'Computed status', (c) => STATUS_LABEL[c.status], 'string', true),
      col(
        'independent_origins',
        'Independent origins supporting',
        (c) => c.counts.independentOrigins,
        COUNT,
        true,
      ),
      col('supporting_origins', 'Supporting origins (name, outlet, reliability)', (c) =>
        originNames(c, 'supports'),
      ),
      col(
        'contradicting_origins',
        'Independent origins contradicting',
        (c) => c.counts.contradictingOrigins,
        COUNT,
        true,
      ),
      col('contradicting_origin_names', 'Contradicting origins (name, outlet, reliability)', (c) =>
        originNames(c, 'contradicts'),
      ),
      col('passages', 'Passages', (c) => c.counts.passages, COUNT, true),
      col('reports', 'Reports', (c) => c.counts.reports, COUNT, true),
      col('outlets', 'Outlets', (c) => c.counts.outlets, COUNT, true),
      col('created_at', 'Created', (c) => c.createdAt, 'datetime', true),
      col('updated_at', 'Updated', (c) => c.updatedAt, 'datetime', true),
    ],
  };
}

function evidenceTable(set: ClaimSet, index: SetIndex): Table<SetEvidence> {
  const originName = new Map<string, string>();
  for (const claim of set.claims)
    for (const group of claim.origins)
      for (const id of group.evidence) originName.set(id, group.name);
  const passage = (e: SetEvidence) => index.passage(e.passage);
  const report = (e: SetEvidence) => index.report(passage(e)?.report ?? '');
  const source = (e: SetEvidence) => (e.source ? index.source(e.source) : undefined);
  const position = (e: SetEvidence) => passage(e)?.target.selector[1];
  return {
    url: 'evidence.csv',
    description:
      'One row per evidence link: a quote from a report, weighed for or against a claim, with its report, its attributed source and the grades.',
    rows: set.evidence,
    foreignKeys: [
      { column: 'claim_id', table: 'claims.csv' },
      { column: 'source_id', table: 'sources.csv' },
    ],
    columns: [
      col('id', 'Evidence id', (e) => e.id, UUID, true),
      col('claim_id', 'Claim id', (e) => e.claim, UUID, true),
      col('claim', 'Claim', (e) => index.claim(e.claim)?.text ?? null),
      col('stance', 'Stance (supports, contradicts, context)', (e) => e.stance, 'string', true),
      col(
        'credibility',
        'Credibility (Admiralty 1–6)',
        (e) => e.credibility,
        { base: 'integer', minimum: 1, maximum: 6 },
        true,
      ),
      col(
        'credibility_wording',
        'Credibility in words',
        (e) => CREDIBILITY[e.credibility],
        'string',
        true,
      ),
      col('note', 'Reviewer’s note', (e) => e.note),
      col(
        'quote',
        'Quote',
        (e) => {
          const p = passage(e);
          return p ? quoteOf(p) : null;
        },
        'string',
        true,
      ),
      col('passage_id', 'Passage id', (e) => e.passage, UUID, true),
      col(
        'passage_status',
        'Passage (anchored, or orphaned: no longer in the report’s current text)',
        (e) => passage(e)?.status ?? null,
        'string',
        true,
      ),
      col('start', 'Start (code points)', (e) => position(e)?.start ?? null, COUNT, true),
      col('end', 'End (code points, exclusive)', (e) => position(e)?.end ?? null, COUNT, true),
      col(
        'report_id',
        'Report (SHA-256 of its text)',
        (e) => passage(e)?.report ?? null,
        'anyURI',
        true,
      ),
      col('report_title', 'Report', (e) => report(e)?.title ?? null, 'string', true),
      col('outlet', 'Outlet', (e) => report(e)?.outlet ?? null),
      col(
        'published_at',
        'Published (ISO 8601, as the report states it)',
        (e) => report(e)?.publishedAt ?? null,
      ),
      col('report_url', 'Report URL', (e) => report(e)?.url ?? null, 'anyURI'),
      col('source_id', 'Attributed source id', (e) => e.source, UUID),
      col('source', 'Attributed source', (e) => source(e)?.name ?? null),
      col(
        'source_reliability',
        'Source reliability (Admiralty A–F)',
        (e) => source(e)?.reliability ?? null,
      ),
      col('source_reliability_wording', 'Source reliability in words', (e) => {
        const grade = source(e)?.reliability;
        return grade ? RELIABILITY[grade] : null;
      }),
      col(
        'origin_id',
        'Origin (a source id, or the report for one with no outlet)',
        (e) => e.origin,
        'string',
        true,
      ),
      col('origin', 'Origin', (e) => originName.get(e.id) ?? null),
      col('created_at', 'Linked', (e) => e.createdAt, 'datetime', true),
    ],
  };
}

function sourcesTable(set: ClaimSet, index: SetIndex): Table<SetSource> {
  const lastGrade = (s: SetSource) => s.history.at(-1);
  return {
    url: 'sources.csv',
    description:
      'One row per source: an outlet, or a source named in its reports, with its reliability and the source it cites.',
    rows: set.sources,
    foreignKeys: [{ column: 'cites_id', table: 'sources.csv' }],
    columns: [
      col('id', 'Source id', (s) => s.id, UUID, true),
      col('kind', 'Kind (outlet, named)', (s) => s.kind, 'string', true),
      col('name', 'Name', (s) => s.name, 'string', true),
      col('outlet', 'Outlet', (s) => s.outlet, 'string', true),
      col('reliability', 'Reliability (Admiralty A–F; empty: not graded)', (s) => s.reliability),
      col('reliability_wording', 'Reliability in words', (s) =>
        s.reliability ? RELIABILITY[s.reliability] : null,
      ),
      col('rationale', 'Rationale for the grade', (s) => s.rationale),
      col('graded_by', 'Graded by', (s) => lastGrade(s)?.reviewer ?? null),
      col('graded_at', 'Graded', (s) => lastGrade(s)?.at ?? null, 'datetime'),
      col('cites_id', 'Cites (source id)', (s) => s.cites, UUID),
      col('cites', 'Cites', (s) => (s.cites ? (index.source(s.cites)?.name ?? null) : null)),
      col('note', 'Note', (s) => s.note),
      col('created_at', 'Created', (s) => s.createdAt, 'datetime', true),
    ],
  };
}

function csvText<T>(table: Table<T>): string {
  const lines = [table.columns.map((c) => csvField(c.name)).join(',')];
  for (const row of table.rows)
    lines.push(table.columns.map((c) => csvField(c.value(row))).join(','));
  return BOM + lines.join(CRLF) + CRLF;
}

function tableMetadata<T>(table: Table<T>): Record<string, unknown> {
  return {
    url: table.url,
    'dc:description': table.description,
    tableSchema: {
      columns: table.columns.map((c) => ({
        name: c.name,
        titles: c.name === c.title ? c.name : [c.name, c.title],
        datatype: c.datatype,
        required: c.required,
      })),
      primaryKey: 'id',
      ...(table.foreignKeys.length
        ? {
            foreignKeys: table.foreignKeys.map((k) => ({
              columnReference: k.column,
              reference: { resource: k.table, columnReference: 'id' },
            })),
          }
        : {}),
    },
  };
}

/** One table's CSV file and its entry in the metadata. */
function render<T>(table: Table<T>): { file: ExportFile; metadata: Record<string, unknown> } {
  return {
    file: {
      name: table.url,
      mediaType: 'text/csv; charset=utf-8; header=present',
      content: csvText(table),
    },
    metadata: tableMetadata(table),
  };
}

export function csvFiles(set: ClaimSet): ExportFile[] {
  const index = indexSet(set);
  const tables = [
    render(claimsTable(set)),
    render(evidenceTable(set, index)),
    render(sourcesTable(set, index)),
  ];
  const metadata = {
    '@context': 'http://www.w3.org/ns/csvw',
    'dc:title': `Source Desk claim set, exported by ${set.exported.reviewer}`,
    'dc:created': { '@value': set.exported.at, '@type': 'xsd:dateTime' },
    'dc:description':
      'Cells that begin with =, +, -, @, a tab or a carriage return carry a leading apostrophe, so that a spreadsheet shows them as text instead of running them as formulas: remove it to read the value. Quote positions count Unicode code points. Empty cells stand for none.',
    dialect: { encoding: 'utf-8', lineTerminators: ['\r\n'], header: true },
    tables: tables.map((t) => t.metadata),
  };
  return [
    ...tables.map((t) => t.file),
    {
      name: 'csv-metadata.json',
      mediaType: 'application/csvm+json',
      content: `${JSON.stringify(metadata, null, 2)}\n`,
    },
  ];
}
