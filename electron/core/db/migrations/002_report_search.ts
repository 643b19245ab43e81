// Full-text search over report titles and text. External-content FTS5 over a view, so the text
// is stored once (in `texts`); the index is kept in step by the code that writes reports.
export const sql = /* sql */ `
CREATE VIEW report_search_source AS
  SELECT reports.id AS id, reports.title AS title, texts.body AS body
  FROM reports JOIN texts ON texts.sha256 = reports.sha256;

CREATE VIRTUAL TABLE report_search USING fts5(
  title, body,
  content = 'report_search_source', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO report_search(report_search) VALUES ('rebuild');
`;
