// Reads back what the desk's CSV exports write, strictly: any departure from RFC 4180 throws.

/** An RFC 4180 reader: records of fields, CRLF after each record, quoted fields with "" inside. */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      // A quoted field runs to the quote that is not doubled.
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('an unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i];
      }
    } else {
      const stop = text.slice(i).search(/[,\r\n"]/);
      const to = stop < 0 ? text.length : i + stop;
      if (text[to] === '"') throw new Error(`a quote inside an unquoted field at ${to}`);
      field = text.slice(i, to);
      i = to;
    }
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`a field ends without a comma or CRLF at ${i}`);
  }
  if (record.length) throw new Error('the last record has no CRLF');
  return records;
}
