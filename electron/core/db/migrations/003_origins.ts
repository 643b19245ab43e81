// Sources and origins: an outlet is itself a source (kind 'outlet'), so "X cites Y", grades and
// attributions work the same for outlets and named sources. Reviewers' decisions on shared-origin
// warnings, and preferences (the reviewer's name).
export const sql = /* sql */ `
ALTER TABLE sources ADD COLUMN kind TEXT NOT NULL DEFAULT 'named' CHECK (kind IN ('outlet','named'));
CREATE UNIQUE INDEX sources_outlet_self ON sources(outlet_id) WHERE kind = 'outlet';
INSERT INTO sources (outlet_id, name, kind, created_at)
  SELECT id, name, 'outlet', created_at FROM outlets
  WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.outlet_id = outlets.id AND s.name = outlets.name);
UPDATE sources SET kind = 'outlet'
  WHERE EXISTS (SELECT 1 FROM outlets o WHERE o.id = sources.outlet_id AND o.name = sources.name);
-- Outlet grades now live on the outlet's source row.
UPDATE ratings SET source_id = (SELECT s.id FROM sources s WHERE s.outlet_id = ratings.outlet_id AND s.kind = 'outlet'),
                   outlet_id = NULL
  WHERE outlet_id IS NOT NULL;

CREATE TABLE origin_reviews (
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  passage_a INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  passage_b INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('confirmed','dismissed')),
  reviewer TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL,
  PRIMARY KEY (claim_id, passage_a, passage_b),
  CHECK (passage_a < passage_b)
) STRICT;

CREATE TABLE preferences (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
