// Full-text search over claims (their wording and the reviewer's rationale) and passage notes, so
// that the search box finds an analyst's own words as well as the reports'. External-content
// FTS5 over the tables themselves, kept in step by triggers: these rows are short and written
// one at a time, so a trigger costs nothing a user would notice.
export const sql = /* sql */ `
CREATE VIRTUAL TABLE claim_search USING fts5(
  text, verdict_rationale,
  content = 'claims', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER claim_search_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claim_search (rowid, text, verdict_rationale)
    VALUES (new.id, new.text, new.verdict_rationale);
END;
CREATE TRIGGER claim_search_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claim_search (claim_search, rowid, text, verdict_rationale)
    VALUES ('delete', old.id, old.text, old.verdict_rationale);
END;
CREATE TRIGGER claim_search_update AFTER UPDATE OF text, verdict_rationale ON claims BEGIN
  INSERT INTO claim_search (claim_search, rowid, text, verdict_rationale)
    VALUES ('delete', old.id, old.text, old.verdict_rationale);
  INSERT INTO claim_search (rowid, text, verdict_rationale)
    VALUES (new.id, new.text, new.verdict_rationale);
END;
INSERT INTO claim_search (claim_search) VALUES ('rebuild');

CREATE VIRTUAL TABLE note_search USING fts5(
  note,
  content = 'passages', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER note_search_insert AFTER INSERT ON passages WHEN new.note <> '' BEGIN
  INSERT INTO note_search (rowid, note) VALUES (new.id, new.note);
END;
CREATE TRIGGER note_search_delete AFTER DELETE ON passages WHEN old.note <> '' BEGIN
  INSERT INTO note_search (note_search, rowid, note) VALUES ('delete', old.id, old.note);
END;
CREATE TRIGGER note_search_update AFTER UPDATE OF note ON passages BEGIN
  INSERT INTO note_search (note_search, rowid, note)
    SELECT 'delete', old.id, old.note WHERE old.note <> '';
  INSERT INTO note_search (rowid, note) SELECT new.id, new.note WHERE new.note <> '';
END;
INSERT INTO note_search (rowid, note) SELECT id, note FROM passages WHERE note <> '';
`;
