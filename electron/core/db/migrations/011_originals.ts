// Originals (issue 12): every import keeps the file's own bytes, once per distinct file
// (deduplicated by their SHA-256), beside the normalised text's hash, so an export can prove what
// was imported and the analyst can open the original. Reports imported before keep
// original_sha256 NULL. The reports table is rebuilt (create new, copy, drop old, rename: migrate.ts
// runs this with foreign keys off) because its format CHECK must take the new formats; the search
// view over it is dropped and recreated around the rebuild, and its indexes recreated. Each version
// of a report names its own original. A report may name an original the desk does not hold: one
// merged from a colleague's claim set names the file the colleague imported (its hash travels in
// the set, its bytes do not), so original_sha256 is no foreign key. report_pages holds where each page of a paged original (a
// PDF) starts and ends in the normalised text, in UTF-16 code units, end exclusive.
export const sql = /* sql */ `
CREATE TABLE originals (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  media_type TEXT NOT NULL
) STRICT;

DROP VIEW report_search_source;
CREATE TABLE reports_new (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL REFERENCES texts(sha256),
  title TEXT NOT NULL,
  outlet_id INTEGER REFERENCES outlets(id) ON DELETE SET NULL,
  byline TEXT,
  published_at TEXT,
  url TEXT,
  language TEXT,
  format TEXT NOT NULL CHECK (format IN ('txt','md','html','docx','mhtml','pdf','image')),
  original_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  original_sha256 TEXT CHECK (original_sha256 IS NULL OR length(original_sha256) = 64)
) STRICT;
INSERT INTO reports_new (id, sha256, title, outlet_id, byline, published_at, url, language, format,
    original_name, imported_at)
  SELECT id, sha256, title, outlet_id, byline, published_at, url, language, format,
    original_name, imported_at FROM reports;
DROP TABLE reports;
ALTER TABLE reports_new RENAME TO reports;
CREATE INDEX reports_sha ON reports(sha256);
CREATE INDEX reports_library ON reports(outlet_id, published_at DESC, id);
CREATE INDEX reports_original ON reports(original_sha256) WHERE original_sha256 IS NOT NULL;
CREATE VIEW report_search_source AS
  SELECT reports.id AS id, reports.title AS title, texts.body AS body
  FROM reports JOIN texts ON texts.sha256 = reports.sha256;

ALTER TABLE report_versions ADD COLUMN original_sha256 TEXT
  CHECK (original_sha256 IS NULL OR length(original_sha256) = 64);

CREATE TABLE report_pages (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 1),
  start INTEGER NOT NULL CHECK (start >= 0),
  "end" INTEGER NOT NULL,
  PRIMARY KEY (report_id, page),
  CHECK ("end" >= start)
) STRICT;
`;
