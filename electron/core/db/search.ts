// Search over the analyst's own words: claims (wording and rationale) and passage notes. Ranked
// and limited by FTS5 itself, as report search is (see SEARCH in reports.ts).
import type { ClaimHit, NoteHit } from '../../../shared/api.ts';
import type { Db } from './connection.ts';
import { MATCH_END, MATCH_START, toFtsQuery } from './reports.ts';
import { prepared } from './statements.ts';

const CLAIMS = `
  SELECT rowid AS claimId, text,
         snippet(claim_search, -1, '${MATCH_START}', '${MATCH_END}', '…', 24) AS snippet
  FROM claim_search WHERE claim_search MATCH ? ORDER BY rank LIMIT ?`;

const NOTES = `
  SELECT n.rowid AS passageId, p.report_id AS reportId, r.title, n.snippet
  FROM (SELECT rowid, rank,
               snippet(note_search, 0, '${MATCH_START}', '${MATCH_END}', '…', 24) AS snippet
        FROM note_search WHERE note_search MATCH ? ORDER BY rank LIMIT ?) n
  JOIN passages p ON p.id = n.rowid
  JOIN reports r ON r.id = p.report_id
  ORDER BY n.rank`;

export function searchClaims(db: Db, query: string, limit = 10): ClaimHit[] {
  const match = toFtsQuery(query);
  return match ? (prepared(db, CLAIMS).all(match, limit) as ClaimHit[]) : [];
}

export function searchNotes(db: Db, query: string, limit = 10): NoteHit[] {
  const match = toFtsQuery(query);
  return match ? (prepared(db, NOTES).all(match, limit) as NoteHit[]) : [];
}
