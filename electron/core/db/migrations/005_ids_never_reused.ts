// Ids of claims, passages and evidence are never given twice: without AUTOINCREMENT SQLite hands
// out the largest id plus one, so deleting the newest passage and making another gave the new one
// the old id, and the audit log held two different passages under one id. Each table is rebuilt
// with AUTOINCREMENT (create new, copy, drop old, rename: migrate.ts runs this with foreign keys
// off), its indexes and the search triggers of 004 recreated, and its counter started past every
// id the table or the audit log has ever named, so ids already reused stay behind it.
export const sql = /* sql */ `
CREATE TABLE claims_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  verdict TEXT CHECK (verdict IN ('verified','refuted','unresolved')),
  verdict_rationale TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO claims_new (id, text, verdict, verdict_rationale, created_at, updated_at)
  SELECT id, text, verdict, verdict_rationale, created_at, updated_at FROM claims;
DROP TABLE claims;
ALTER TABLE claims_new RENAME TO claims;
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

CREATE TABLE passages_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL REFERENCES texts(sha256),
  position_start INTEGER NOT NULL CHECK (position_start >= 0),
  position_end INTEGER NOT NULL,
  exact TEXT NOT NULL CHECK (length(exact) > 0),
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  anchor_status TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor_status IN ('anchored','orphaned')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (position_end > position_start)
) STRICT;
INSERT INTO passages_new (id, report_id, sha256, position_start, position_end, exact, prefix,
    suffix, note, source_id, anchor_status, created_at, updated_at)
  SELECT id, report_id, sha256, position_start, position_end, exact, prefix,
    suffix, note, source_id, anchor_status, created_at, updated_at FROM passages;
DROP TABLE passages;
ALTER TABLE passages_new RENAME TO passages;
CREATE INDEX passages_report ON passages(report_id, position_start);
CREATE INDEX passages_source ON passages(source_id) WHERE source_id IS NOT NULL;
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

CREATE TABLE evidence_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  stance TEXT NOT NULL CHECK (stance IN ('supports','contradicts','context')),
  credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (claim_id, passage_id)
) STRICT;
INSERT INTO evidence_new (id, claim_id, passage_id, stance, credibility, note, created_at)
  SELECT id, claim_id, passage_id, stance, credibility, note, created_at FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_new RENAME TO evidence;
CREATE INDEX evidence_passage ON evidence(passage_id);

-- Each counter starts past the largest id its table holds or the audit log names (evidence is
-- filed under its claim, its id in the entry's JSON).
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'claims', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'claims')
  UNION ALL
  SELECT 'passages', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'passages')
  UNION ALL
  SELECT 'evidence', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'evidence');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'claim'), 0))
  WHERE name = 'claims';
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'passage'), 0))
  WHERE name = 'passages';
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(max(coalesce(json_extract(before, '$.evidence'), 0)),
                max(coalesce(json_extract(after, '$.evidence'), 0)))
       FROM audit_log WHERE action LIKE 'evidence.%'), 0))
  WHERE name = 'evidence';
`;
