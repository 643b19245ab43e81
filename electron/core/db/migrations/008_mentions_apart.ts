// Mentions the reviewer decided are not the same source ("keep apart"), so the passage panel stops
// offering them as possibly the same. A mention is its text (sha256) and its place in that text's
// list (ordinal); each pair is stored once, the smaller (sha256, ordinal) first.
export const sql = /* sql */ `
CREATE TABLE mentions_apart (
  sha256_a TEXT NOT NULL REFERENCES texts(sha256) ON DELETE CASCADE,
  ordinal_a INTEGER NOT NULL CHECK (ordinal_a >= 0),
  sha256_b TEXT NOT NULL REFERENCES texts(sha256) ON DELETE CASCADE,
  ordinal_b INTEGER NOT NULL CHECK (ordinal_b >= 0),
  reviewer TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (sha256_a, ordinal_a, sha256_b, ordinal_b),
  CHECK (sha256_a < sha256_b OR (sha256_a = sha256_b AND ordinal_a < ordinal_b))
) STRICT, WITHOUT ROWID;
`;
