// The desk's tables. Report text is stored once per SHA-256 in `texts`; everything that points
// into a text (passages) uses UTF-16 offsets into exactly that text.
export const sql = /* sql */ `
CREATE TABLE outlets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- lower-case letters and digits only: "DailyNK" and "Daily NK" are one outlet
  name_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  derives_from_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (outlet_id, name),
  CHECK (derives_from_id IS NULL OR derives_from_id <> id)
) STRICT;

-- Append-only history of Admiralty reliability grades; the newest row is the current grade.
CREATE TABLE ratings (
  id INTEGER PRIMARY KEY,
  outlet_id INTEGER REFERENCES outlets(id) ON DELETE CASCADE,
  source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
  reliability TEXT NOT NULL CHECK (reliability IN ('A','B','C','D','E','F')),
  rationale TEXT NOT NULL DEFAULT '',
  reviewer TEXT NOT NULL DEFAULT '',
  rated_at TEXT NOT NULL,
  CHECK ((outlet_id IS NULL) <> (source_id IS NULL))
) STRICT;
CREATE INDEX ratings_outlet ON ratings(outlet_id, id) WHERE outlet_id IS NOT NULL;
CREATE INDEX ratings_source ON ratings(source_id, id) WHERE source_id IS NOT NULL;

CREATE TABLE texts (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  body TEXT NOT NULL,
  chars INTEGER NOT NULL
) STRICT;

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL REFERENCES texts(sha256),
  title TEXT NOT NULL,
  outlet_id INTEGER REFERENCES outlets(id) ON DELETE SET NULL,
  byline TEXT,
  published_at TEXT,
  url TEXT,
  language TEXT,
  format TEXT NOT NULL CHECK (format IN ('txt','md','html')),
  original_name TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX reports_outlet ON reports(outlet_id);
CREATE INDEX reports_sha ON reports(sha256);

-- Every text a report has had; the report's current one is reports.sha256.
CREATE TABLE report_versions (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES texts(sha256),
  original_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (report_id, version)
) STRICT;
CREATE INDEX report_versions_sha ON report_versions(sha256);

-- W3C Web Annotation selectors over the report text named by sha256:
-- TextPositionSelector (position_start, position_end; UTF-16 code units, end exclusive) and
-- TextQuoteSelector (exact, prefix, suffix; 32 characters of context each side).
CREATE TABLE passages (
  id INTEGER PRIMARY KEY,
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
CREATE INDEX passages_report ON passages(report_id, position_start);
CREATE INDEX passages_source ON passages(source_id) WHERE source_id IS NOT NULL;

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  verdict TEXT CHECK (verdict IN ('verified','refuted','unresolved')),
  verdict_rationale TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE claim_tags (
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (claim_id, tag)
) STRICT, WITHOUT ROWID;

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  stance TEXT NOT NULL CHECK (stance IN ('supports','contradicts','context')),
  credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (claim_id, passage_id)
) STRICT;
CREATE INDEX evidence_passage ON evidence(passage_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  reviewer TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
