// Suggestions the reviewer rejected (docs/suggestions.md): a sentence of a report offered as
// evidence for a claim, or as a counterpart of a passage, that is not to be offered again for it.
// The sentence is named by its text (sha256) and its span, so a new version of the report, whose
// text differs, is read afresh. Each row belongs to exactly one claim or one passage and goes with it.
export const sql = /* sql */ `
CREATE TABLE rejected_suggestions (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
  passage_id INTEGER REFERENCES passages(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL REFERENCES texts(sha256) ON DELETE CASCADE,
  position_start INTEGER NOT NULL CHECK (position_start >= 0),
  position_end INTEGER NOT NULL CHECK (position_end > position_start),
  reviewer TEXT NOT NULL,
  rejected_at TEXT NOT NULL,
  CHECK ((claim_id IS NULL) <> (passage_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX rejected_for_claim
  ON rejected_suggestions(claim_id, sha256, position_start, position_end) WHERE claim_id IS NOT NULL;
CREATE UNIQUE INDEX rejected_for_passage
  ON rejected_suggestions(passage_id, sha256, position_start, position_end) WHERE passage_id IS NOT NULL;
`;
