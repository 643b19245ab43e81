// Word files (.docx), read by mammoth in the parse worker. Mammoth reads the zip only through the
// bounded reader (zip.ts), never opens a file outside it (externalFileAccess: false, and images
// are never read at all: the desk keeps text), and the text is taken block by block from its HTML
// exactly as a saved page's is (html.ts), so paragraphs are lines. Metadata comes from the
// document's own properties (docProps/core.xml).
import type { ReportMetadata } from '../../../shared/api.ts';
import { ImportRejection } from './errors.ts';
import { blockText } from './html.ts';
import { parseStatedDate } from './infer.ts';
import { inferFromText, type ParsedReport } from './text.ts';
import { openBoundedZip, type BoundedZip } from './zip.ts';

/** The zip reader mammoth takes in place of a buffer (its unzip.openZip `file` input). */
interface MammothZip {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
  write(name: string, contents: unknown): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}

export async function parseDocx(bytes: Uint8Array, fileName: string): Promise<ParsedReport> {
  const what = `the Word file ${fileName}`;
  const zip = openBoundedZip(bytes, what);
  const part = (name: string): Uint8Array => {
    const data = zip.read(name);
    if (/\.(xml|rels)$/i.test(name)) refuseDoctype(data, name, what);
    return data;
  };
  const file: MammothZip = {
    exists: (name) => zip.has(name),
    read: (name, encoding) =>
      Promise.resolve().then(() => {
        const data = part(name);
        if (encoding === 'base64') return Buffer.from(data).toString('base64');
        return encoding ? new TextDecoder(encoding).decode(data) : data;
      }),
    write: () => {
      throw new Error('the Word file is read, never written');
    },
    toArrayBuffer: () => Promise.reject(new Error('the Word file is read, never written')),
  };
  const [{ default: mammoth }, { JSDOM }] = await Promise.all([import('mammoth'), import('jsdom')]);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      // mammoth's types name only path and buffer inputs; unzip.openZip also takes a zip as `file`.
      { file } as unknown as { buffer: Buffer },
      {
        // Explicit, though it is mammoth's default: a linked image is never read from disk.
        externalFileAccess: false,
        // No image is read at all, embedded or linked: the desk keeps the text.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    if (error instanceof ImportRejection) throw error;
    throw new ImportRejection(
      'parse-failed',
      `${what} could not be read as a Word document (${(error as Error)?.message ?? String(error)})`,
    );
  }
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`);
  try {
    const text = blockText(dom.window.document.body);
    return inferFromText(text, coreProperties(zip, part));
  } finally {
    dom.window.close();
  }
}

/**
 * Word never writes a DOCTYPE; one in a part of the zip can only declare entities, which might
 * name files or addresses (XXE). mammoth's XML parser does not resolve them, but the part is
 * refused before it is parsed at all.
 */
function refuseDoctype(data: Uint8Array, name: string, what: string): void {
  const utf16 = data[0] === 0xff && data[1] === 0xfe;
  const head = new TextDecoder(utf16 ? 'utf-16le' : 'latin1').decode(data.subarray(0, 1 << 16));
  if (/<!DOCTYPE|<!ENTITY/i.test(head))
    throw new ImportRejection(
      'unsupported-type',
      `${what}: its part ${name} declares a DOCTYPE or entities (which Word never writes, and which could name files on this computer); it was not read`,
    );
}

/** Title, author and dates from the document's core properties (docProps/core.xml), if any. */
function coreProperties(zip: BoundedZip, part: (name: string) => Uint8Array): ReportMetadata {
  const name = 'docProps/core.xml';
  if (!zip.has(name)) return {};
  const xml = new TextDecoder().decode(part(name));
  const field = (local: string): string | undefined => {
    const m = new RegExp(
      `<(?:[\\w.-]+:)?${local}(?:\\s[^>]*)?>([^<]*)</(?:[\\w.-]+:)?${local}\\s*>`,
    ).exec(xml);
    const value = m?.[1] && xmlText(m[1]).trim();
    return value || undefined;
  };
  const date = field('created') ?? field('modified');
  return {
    title: field('title'),
    byline: field('creator'),
    publishedAt: (date && parseStatedDate(date)) || undefined,
    language: field('language'),
  };
}

/** Character data with XML's predefined and numeric references decoded (no other entity exists). */
function xmlText(raw: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return named[ref] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}
