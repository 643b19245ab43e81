// Claim sets (docs/claim-set.md): stable identities for what leaves the desk, and what a merge of a
// colleague's set leaves behind.
// - Claims, sources, passages and evidence get a UUID that survives export and merge. Existing rows
//   get a random version-4 UUID here; a row inserted without one gets one from its table's trigger,
//   so every code path that writes these rows keeps working unchanged. A merge writes the set's.
// - The desk itself gets an id (preferences 'desk_id'), which its exports name.
// - `merges`: each merge of a set, with the file's SHA-256, the exporting desk and reviewer.
// - `provenance`: where each merged item came from (its merge), and the local item it became: itself,
//   or the local duplicate the reviewer merged it into.
// - `merge_conflicts`: a value that differs between the set and the desk, both kept with both
//   reviewers' names until the reviewer picks one. Nothing local is overwritten by a merge.
// - `pending_passages`: passages of a set waiting, with their evidence, for a text the desk lacks:
//   their report's (placed when a report with that text arrives), or the one they were made on (a
//   quote that could not be checked and is not word for word in the desk's version).
// - `audit_log.merge_id`: history copied in from a merged set, told apart from the desk's own.
export const sql = /* sql */ `
CREATE TEMP VIEW new_uuid AS SELECT
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
  substr(lower(hex(randomblob(2))), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||
  lower(hex(randomblob(6))) AS uuid;

ALTER TABLE claims ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE passages ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
UPDATE claims SET uuid = (SELECT uuid FROM new_uuid WHERE claims.id = claims.id);
UPDATE sources SET uuid = (SELECT uuid FROM new_uuid WHERE sources.id = sources.id);
UPDATE passages SET uuid = (SELECT uuid FROM new_uuid WHERE passages.id = passages.id);
UPDATE evidence SET uuid = (SELECT uuid FROM new_uuid WHERE evidence.id = evidence.id);
DROP VIEW new_uuid;
CREATE UNIQUE INDEX claims_uuid ON claims(uuid);
CREATE UNIQUE INDEX sources_uuid ON sources(uuid);
CREATE UNIQUE INDEX passages_uuid ON passages(uuid);
CREATE UNIQUE INDEX evidence_uuid ON evidence(uuid);
${['claims', 'sources', 'passages', 'evidence']
  .map(
    (table) => `CREATE TRIGGER ${table}_uuid AFTER INSERT ON ${table} WHEN new.uuid = '' BEGIN
  UPDATE ${table} SET uuid =
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||
    lower(hex(randomblob(6)))
  WHERE id = new.id;
END;`,
  )
  .join('\n')}

INSERT OR IGNORE INTO preferences (key, value) SELECT 'desk_id',
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
  substr(lower(hex(randomblob(2))), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||
  lower(hex(randomblob(6)));

CREATE TABLE merges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
  file_name TEXT NOT NULL,
  desk_id TEXT NOT NULL,
  exported_by TEXT NOT NULL,
  exported_at TEXT NOT NULL,
  merged_by TEXT NOT NULL,
  merged_at TEXT NOT NULL,
  summary TEXT NOT NULL CHECK (json_valid(summary))
) STRICT;

CREATE TABLE provenance (
  uuid TEXT PRIMARY KEY,
  entity TEXT NOT NULL CHECK (entity IN ('claim','source','passage','evidence')),
  merge_id INTEGER NOT NULL REFERENCES merges(id),
  local_uuid TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE merge_conflicts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  merge_id INTEGER NOT NULL REFERENCES merges(id),
  entity TEXT NOT NULL CHECK (entity IN ('claim','source','passage','evidence')),
  uuid TEXT NOT NULL,
  label TEXT NOT NULL,
  field TEXT NOT NULL,
  local_value TEXT NOT NULL CHECK (json_valid(local_value)),
  incoming_value TEXT NOT NULL CHECK (json_valid(incoming_value)),
  local_reviewer TEXT NOT NULL,
  incoming_reviewer TEXT NOT NULL,
  resolution TEXT CHECK (resolution IN ('local','incoming')),
  resolved_by TEXT,
  resolved_at TEXT,
  UNIQUE (entity, uuid, field, incoming_value)
) STRICT;
CREATE INDEX merge_conflicts_open ON merge_conflicts(merge_id) WHERE resolution IS NULL;

CREATE TABLE pending_passages (
  uuid TEXT PRIMARY KEY,
  report_sha256 TEXT NOT NULL CHECK (length(report_sha256) = 64),
  report_title TEXT NOT NULL,
  waiting_for TEXT NOT NULL CHECK (waiting_for IN ('report','text')),
  merge_id INTEGER NOT NULL REFERENCES merges(id),
  passage TEXT NOT NULL CHECK (json_valid(passage)),
  evidence TEXT NOT NULL CHECK (json_valid(evidence) AND json_type(evidence) = 'array')
) STRICT, WITHOUT ROWID;
CREATE INDEX pending_passages_report ON pending_passages(report_sha256);

ALTER TABLE audit_log ADD COLUMN merge_id INTEGER REFERENCES merges(id);
`;
