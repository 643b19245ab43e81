// Source mentions read from report texts (shared/attribution.ts, docs/attribution.md). They are a
// function of a text, so they hang on the text (its sha256), not on a report: a report's mentions
// are those of its current text, and two reports with one text share them. `mention_texts` says
// which texts were read and by which version of the rules, so a text with no mention is not read
// again and better rules can read every text once more. Texts already in a desk are read when it
// is next opened for writing (backfillMentions in db/mentions.ts); until then they are read on
// demand and not stored. Each mention is anchored like a passage (start, end, exact, prefix,
// suffix); `governs` is a JSON list of [start, end] spans; `refers_to` is the ordinal of the
// mention a back-reference resolves to.
export const sql = /* sql */ `
CREATE TABLE mention_texts (
  sha256 TEXT PRIMARY KEY REFERENCES texts(sha256) ON DELETE CASCADE,
  rules INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE mentions (
  sha256 TEXT NOT NULL REFERENCES mention_texts(sha256) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
  position_start INTEGER NOT NULL CHECK (position_start >= 0),
  position_end INTEGER NOT NULL,
  exact TEXT NOT NULL CHECK (length(exact) > 0),
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  role TEXT,
  outlet TEXT,
  name TEXT,
  place TEXT,
  time TEXT,
  kind TEXT NOT NULL,
  anaphor TEXT CHECK (anaphor IN ('definite','pronoun')),
  refers_to INTEGER CHECK (refers_to < ordinal),
  governs TEXT NOT NULL CHECK (json_valid(governs)),
  PRIMARY KEY (sha256, ordinal),
  CHECK (position_end > position_start)
) STRICT, WITHOUT ROWID;
`;
