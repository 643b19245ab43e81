// Shared by the OCR tests: how much of a known text OCR got.

/** Share of the expected words found in the recognised text (OCR may slip a few). */
export function wordsFound(expected: string, got: string): number {
  const want = expected.split(/\s+/).filter(Boolean);
  const have = new Set(got.split(/\s+/));
  return want.filter((w) => have.has(w)).length / want.length;
}
