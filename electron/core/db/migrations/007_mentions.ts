// Source mentions read from report texts (shared/attribution.ts, docs/attribution.md). They are a
// function of a text, so they hang on the text (its sha256), not on a report: a report's mentions
// are those of its current text, and two reports with one text share them. One row per text read,
// saying by which version of the rules, so a text with no mention is not read again and better
// rules can read every text once more. `mentions` is a JSON array with one flat array per mention
// (db/mentions.ts, Packed): its start and end, kind and descriptor, anaphor, the ordinal of the
// mention it refers back to, and the spans it governs; its phrase and its prefix and suffix (it is
// anchored like a passage) are cut from the text on reading. One compact row per text rather than
// a row per mention: bytes written are what the mentions cost at import.
// Texts already in a desk are read when it is next opened for writing (db/mentions.ts).
export const sql = /* sql */ `
CREATE TABLE text_mentions (
  sha256 TEXT PRIMARY KEY REFERENCES texts(sha256) ON DELETE CASCADE,
  rules INTEGER NOT NULL,
  mentions TEXT NOT NULL CHECK (json_valid(mentions) AND json_type(mentions) = 'array')
) STRICT, WITHOUT ROWID;
`;
