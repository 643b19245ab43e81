// The desk's CSV rules, for every CSV it writes (the claim set's spreadsheets, the claim matrix):
// RFC 4180 quoting, and a cell a spreadsheet would run as a formula (one beginning with `=`, `+`,
// `-`, `@`, tab or CR: OWASP's "CSV Injection") given a leading apostrophe, shown as text.

export type Cell = string | number | null;

/** A cell a spreadsheet would run as a formula is neutralised; empty stands for none. */
export function neutralise(value: Cell): string {
  if (value === null) return '';
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One RFC 4180 field. */
export function csvField(value: Cell): string {
  const s = neutralise(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Records with CRLF after each (the header's too), after a UTF-8 byte-order mark for Excel. */
export function csvText(records: readonly (readonly Cell[])[]): string {
  return `\uFEFF${records.map((r) => `${r.map(csvField).join(',')}\r\n`).join('')}`;
}
