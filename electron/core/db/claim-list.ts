// The claims list, sorted, filtered and paged in SQL (keyset pagination). Each listed claim is
// assessed on its own (assessClaim over its own evidence); a sort or filter on the computed status
// reads a per-connection table of conclusions that writes keep current claim by claim.
import type { ClaimListQuery, ClaimPage, ClaimSummary } from '../../../shared/api.ts';
import { STATUS_ATTENTION_ORDER } from '../../../shared/claim-list.ts';
import { assessClaim } from '../../../shared/corroboration.ts';
import { CLAIM_SQL, summarise, type ClaimRow } from './claims.ts';
import type { Db } from './connection.ts';
import {
  claimStatuses,
  loadCorroborationInput,
  type ClaimConclusion,
} from './corroboration-input.ts';
import { DeskError } from './errors.ts';

/**
 * The status cache lives in the connection's temp schema: derived data, never written to the desk
 * file. Temp triggers on the desk's tables drop the conclusions a write may change (the claim an
 * evidence link or review belongs to; the claims of a passage whose source, report or words
 * change, as the words decide shared-origin warnings; every claim when a source or grade changes); a missing
 * conclusion is worked out again before the next status sort or filter. A change by another
 * connection (the CLI) shows in `PRAGMA data_version` and drops them all.
 */
const CACHE_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS claim_status (
    id INTEGER PRIMARY KEY, status TEXT NOT NULL, status_rank INTEGER NOT NULL,
    grade INTEGER NOT NULL, passages INTEGER NOT NULL, reports INTEGER NOT NULL,
    outlets INTEGER NOT NULL, supporting INTEGER NOT NULL, contradicting INTEGER NOT NULL);
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_evidence_in AFTER INSERT ON main.evidence
    BEGIN DELETE FROM claim_status WHERE id = new.claim_id; END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_evidence_out AFTER DELETE ON main.evidence
    BEGIN DELETE FROM claim_status WHERE id = old.claim_id; END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_evidence_edit AFTER UPDATE ON main.evidence
    BEGIN DELETE FROM claim_status WHERE id IN (old.claim_id, new.claim_id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_review_in AFTER INSERT ON main.origin_reviews
    BEGIN DELETE FROM claim_status WHERE id = new.claim_id; END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_review_out AFTER DELETE ON main.origin_reviews
    BEGIN DELETE FROM claim_status WHERE id = old.claim_id; END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_review_edit AFTER UPDATE ON main.origin_reviews
    BEGIN DELETE FROM claim_status WHERE id IN (old.claim_id, new.claim_id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_passage AFTER UPDATE OF source_id, report_id, exact ON main.passages
    BEGIN DELETE FROM claim_status WHERE id IN (SELECT claim_id FROM evidence WHERE passage_id = new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_report AFTER UPDATE OF outlet_id ON main.reports
    BEGIN DELETE FROM claim_status WHERE id IN (
      SELECT e.claim_id FROM evidence e JOIN passages p ON p.id = e.passage_id WHERE p.report_id = new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_source_in AFTER INSERT ON main.sources
    BEGIN DELETE FROM claim_status; END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_source_out AFTER DELETE ON main.sources
    BEGIN DELETE FROM claim_status; END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_source_edit AFTER UPDATE ON main.sources
    BEGIN DELETE FROM claim_status; END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_rating_in AFTER INSERT ON main.ratings
    BEGIN DELETE FROM claim_status; END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_rating_out AFTER DELETE ON main.ratings
    BEGIN DELETE FROM claim_status; END;
  CREATE TEMP TRIGGER IF NOT EXISTS claim_status_rating_edit AFTER UPDATE ON main.ratings
    BEGIN DELETE FROM claim_status; END;`;

/** The data_version each connection's cache was last checked against. */
const seenVersion = new WeakMap<Db, number>();

function prepareCache(db: Db): void {
  if (!seenVersion.has(db)) {
    db.exec(CACHE_SQL);
    // JavaScript's lowercasing, for the text filter: SQLite's lower() folds ASCII only.
    db.function('claim_fold', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? text.toLowerCase() : text,
    );
  }
  const version = db.pragma('data_version', { simple: true }) as number;
  if (seenVersion.get(db) !== version) {
    if (seenVersion.has(db)) db.exec('DELETE FROM temp.claim_status');
    seenVersion.set(db, version);
  }
}

/** Beyond this many missing conclusions, one bulk pass (claimStatuses) beats claim by claim. */
const BULK_FROM = 200;

/** Fills in the conclusions the cache lacks, so a status sort or filter reads every claim. */
function completeCache(db: Db): void {
  const missing = db
    .prepare('SELECT id FROM claims WHERE id NOT IN (SELECT id FROM temp.claim_status)')
    .pluck()
    .all() as number[];
  if (missing.length === 0) return;
  if (missing.length > BULK_FROM) {
    const all = claimStatuses(db);
    db.transaction(() => {
      for (const id of missing) storeConclusion(db, id, all.get(id) as ClaimConclusion);
    })();
    return;
  }
  const input = loadCorroborationInput(db, missing);
  db.transaction(() => {
    for (const id of missing)
      storeConclusion(
        db,
        id,
        assessClaim(input.byClaim.get(id) ?? [], input.sources, input.reviews.get(id)),
      );
  })();
}

function storeConclusion(db: Db, id: number, c: ClaimConclusion): void {
  db.prepare(
    `INSERT OR REPLACE INTO temp.claim_status
       (id, status, status_rank, grade, passages, reports, outlets, supporting, contradicting)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    c.status,
    STATUS_ATTENTION_ORDER.indexOf(c.status),
    c.suggestedCredibility,
    c.counts.passages,
    c.counts.reports,
    c.counts.outlets,
    c.counts.supportingOrigins,
    c.counts.contradictingOrigins,
  );
}

interface SortSpec {
  /** The SQL expression sorted on (then c.id ascending, which breaks every tie). */
  key: string;
  descending: boolean;
  /** Whether it reads the status cache. */
  status: boolean;
}

const SORTS: Record<ClaimListQuery['sort'], SortSpec> = {
  recent: { key: 'c.updated_at', descending: true, status: false },
  text: { key: 'c.text COLLATE NOCASE', descending: false, status: false },
  status: { key: 'cs.status_rank', descending: false, status: true },
  // As the list shows them ("2 for · 1 against"): most supporting origins first, then fewest
  // contradicting ones. One key for the cursor: a claim has far fewer than 2^20 origins a side.
  origins: {
    key: '(cs.supporting * 1048576 - cs.contradicting)',
    descending: true,
    status: true,
  },
};

type Cursor = [string | number, number];

const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(after: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString());
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      Number.isInteger(value[1])
    )
      return value as Cursor;
  } catch {
    // Said below, in the analyst's words.
  }
  throw new DeskError(
    'invalid-input',
    'claims.list: after is not a position this list gave; ask for the first page again',
  );
}

/**
 * One page of claims in the chosen order, after `after` (a cursor from the page before). Ties on
 * the sort key are broken by id, so every claim appears exactly once across the pages.
 */
export function listClaimPage(db: Db, query: ClaimListQuery): ClaimPage {
  const sort = SORTS[query.sort];
  const { status, tag, text } = query.filter;
  const needsStatus = sort.status || status !== undefined;
  prepareCache(db);
  if (needsStatus) completeCache(db);

  const where: string[] = [];
  const params: (string | number)[] = [];
  if (status !== undefined) {
    where.push('cs.status = ?');
    params.push(status);
  }
  if (tag !== undefined) {
    where.push('EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND t.tag = ?)');
    params.push(tag.trim().replace(/^#/, '').toLowerCase());
  }
  const needle = text?.trim().toLowerCase();
  if (needle) {
    // Words in the claim, or part of a tag (written with or without its #).
    where.push(
      `(instr(claim_fold(c.text), ?) > 0 OR EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND instr(t.tag, ?) > 0))`,
    );
    params.push(needle, needle.replace(/^#/, ''));
  }
  const from = `FROM claims c ${needsStatus ? 'JOIN temp.claim_status cs ON cs.id = c.id' : ''}`;
  const filtered = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) ${from} ${filtered}`)
    .pluck()
    .get(...params) as number;

  const keyset: string[] = [...where];
  const pageParams = [...params];
  if (query.after !== undefined) {
    const [value, id] = decodeCursor(query.after);
    keyset.push(`(${sort.key} ${sort.descending ? '<' : '>'} ? OR (${sort.key} = ? AND c.id > ?))`);
    pageParams.push(value, value, id);
  }
  const rows = db
    .prepare(
      `SELECT c.id, ${sort.key} AS sortKey ${from}
       ${keyset.length > 0 ? `WHERE ${keyset.join(' AND ')}` : ''}
       ORDER BY ${sort.key} ${sort.descending ? 'DESC' : 'ASC'}, c.id ASC LIMIT ?`,
    )
    .all(...pageParams, query.limit + 1) as { id: number; sortKey: string | number }[];
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return {
    items: claimSummaries(
      db,
      page.map((r) => r.id),
    ),
    next: more && last ? encodeCursor([last.sortKey, last.id]) : null,
    total,
    all: db.prepare('SELECT count(*) FROM claims').pluck().get() as number,
  };
}

/** These claims' summaries, each assessed from its own evidence; the cache learns them too. */
function claimSummaries(db: Db, ids: number[]): ClaimSummary[] {
  if (ids.length === 0) return [];
  const input = loadCorroborationInput(db, ids);
  const rows = claimRows(db, ids);
  return ids.map((id) => {
    const a = assessClaim(input.byClaim.get(id) ?? [], input.sources, input.reviews.get(id));
    storeConclusion(db, id, a);
    return summarise(rows.get(id) as ClaimRow, a);
  });
}

function claimRows(db: Db, ids: number[]): Map<number, ClaimRow> {
  const rows = db
    .prepare(`${CLAIM_SQL} WHERE c.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as ClaimRow[];
  return new Map(rows.map((r) => [r.id, r]));
}
