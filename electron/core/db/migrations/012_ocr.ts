// OCR (issue 12): a text recognised by OCR, wholly (an image) or on some pages (a scanned PDF),
// keeps that mark, the recognised words' mean confidence, and each word recognised with low
// confidence as a span, so the reader can show them. The mark belongs to the text (by its
// SHA-256, as texts are stored once), not to a report: a new version's text carries its own.
// `pages` is a JSON array of the page numbers OCR read, NULL when it read the whole text.
export const sql = /* sql */ `
CREATE TABLE text_ocr (
  sha256 TEXT PRIMARY KEY REFERENCES texts(sha256),
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  pages TEXT CHECK (pages IS NULL OR (json_valid(pages) AND json_type(pages) = 'array'))
) STRICT;

CREATE TABLE ocr_words (
  sha256 TEXT NOT NULL REFERENCES text_ocr(sha256) ON DELETE CASCADE,
  start INTEGER NOT NULL CHECK (start >= 0),
  "end" INTEGER NOT NULL,
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  PRIMARY KEY (sha256, start),
  CHECK ("end" > start)
) STRICT, WITHOUT ROWID;
`;
