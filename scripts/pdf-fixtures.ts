// Writes the PDF fixtures in tests/fixtures/pdf/ (issue 12): the layouts the PDF importer must
// read in order, and the hostile files it must refuse or defuse. Generated, never downloaded, so
// what each file holds is stated here. Run: node scripts/pdf-fixtures.ts
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  PDFString,
  StandardFonts,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';

const OUT = resolve(import.meta.dirname, '../tests/fixtures/pdf');
const WIDTH = 612;
const HEIGHT = 792;

/** Same bytes on every run: no "now" in the metadata, no object streams. */
async function newDocument(): Promise<PDFDocument> {
  return PDFDocument.create({ updateMetadata: false });
}

async function save(doc: PDFDocument, name: string): Promise<Uint8Array> {
  const bytes = await doc.save({ useObjectStreams: false });
  writeFileSync(resolve(OUT, name), bytes);
  return bytes;
}

/** Greedy line breaking at spaces, so joining a paragraph's lines with spaces gives it back. */
function wrap(paragraph: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

interface Column {
  x: number;
  top: number;
  width: number;
}

/** Draws paragraphs down a column: 13 pt leading, one blank line's gap between paragraphs. */
function drawColumn(page: PDFPage, font: PDFFont, column: Column, paragraphs: string[]): void {
  let y = column.top;
  for (const paragraph of paragraphs) {
    for (const line of wrap(paragraph, font, 10, column.width)) {
      page.drawText(line, { x: column.x, y, size: 10, font });
      y -= 13;
    }
    y -= 11;
  }
}

export const TWO_COLUMN = {
  title: 'Border Trade After the Floods',
  pages: [
    {
      left: [
        'Traders in Sinuiju say that the summer floods closed the main bridge for eleven days, and that trucks waited on the Chinese side until the water fell.',
        'Customs officers reopened the crossing at night first, letting through food and fuel before any other cargo.',
      ],
      right: [
        'Prices of rice in the border markets rose by a fifth during the closure, according to two merchants who buy in Dandong.',
        'Both said that the prices had returned to their earlier level within a month of the reopening.',
      ],
    },
    {
      left: [
        'The provincial authorities have since announced a second bridge, which a state newspaper says will open next year.',
      ],
      right: [
        'Merchants doubt the date: a similar bridge announced in 2014 still carries no traffic.',
      ],
    },
  ],
} as const;

async function twoColumn(): Promise<void> {
  const doc = await newDocument();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle('Border Trade After the Floods');
  doc.setAuthor('Kim Ji-won');
  doc.setCreationDate(new Date('2024-03-15T09:30:00Z'));
  doc.setModificationDate(new Date('2024-03-20T10:00:00Z'));
  doc.setLanguage('en-GB');
  TWO_COLUMN.pages.forEach((content, index) => {
    const page = doc.addPage([WIDTH, HEIGHT]);
    let top = 740;
    if (index === 0) {
      page.drawText(TWO_COLUMN.title, { x: 72, y: 740, size: 18, font: bold });
      top = 700;
    }
    drawColumn(page, font, { x: 72, top, width: 220 }, [...content.left]);
    drawColumn(page, font, { x: 320, top, width: 220 }, [...content.right]);
    // A bare page number, centred in the foot.
    page.drawText(String(index + 1), { x: 303, y: 40, size: 9, font });
  });
  await save(doc, 'two-column.pdf');
}

/**
 * A four-page working paper: a running header on pages 2-4, a footer with the page number on
 * every page, words hyphenated at line ends, real hyphens at line ends, and a sentence that runs
 * from page 2 onto page 3. Lines are given as the page shows them.
 */
export const REPORT_PAGES: string[][][] = [
  [
    [
      'The state purchase price of rice in the northern provinces rose in',
      'the autumn, while the inter-',
      'national aid that reached the region fell for a second year.',
    ],
    [
      'Traders describe a well-known pattern: prices climb after the',
      'harvest is collected, then fall as soon as private stocks reach',
      'the markets again in the following weeks.',
    ],
  ],
  [
    [
      'Officials in Hyesan told merchants that grain sales would be',
      'limited to state shops, a rule that traders called a well-',
      'known way to raise revenue before the winter.',
    ],
    [
      'Smuggling across the river slowed, and prices rose by 3-',
      '5 per cent in a week, according to two traders. The customs',
      'office at Sinuiju reported that rice shipments',
    ],
  ],
  [
    [
      'fell by a third in the week after the floods, as trucks from',
      'the Sino-',
      'Korean bridge were held for inspection.',
    ],
    [
      'Local markets remained open, but the sellers of imported',
      'goods reported fewer customers than in any month since the',
      'border was reopened.',
    ],
  ],
  [
    [
      'The authorities have not published harvest figures for this year,',
      'and the estimates of outside agencies differ widely.',
    ],
  ],
];

export const REPORT_TITLE = 'Rice Prices in the Northern Provinces';

async function runningHeads(): Promise<Uint8Array> {
  const doc = await newDocument();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(REPORT_TITLE);
  doc.setAuthor('Lee Soo-min');
  doc.setCreationDate(new Date('2023-11-02T08:00:00Z'));
  REPORT_PAGES.forEach((paragraphs, index) => {
    const page = doc.addPage([WIDTH, HEIGHT]);
    let y = 700;
    if (index === 0) {
      page.drawText(REPORT_TITLE, { x: 72, y: 720, size: 16, font: bold });
      y = 680;
    } else {
      page.drawText('Institute for Border Studies', { x: 72, y: 752, size: 8, font });
      page.drawText('Working Paper 7, November 2023', { x: 410, y: 752, size: 8, font });
    }
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 72, y, size: 11, font });
        y -= 14;
      }
      y -= 12;
    }
    page.drawText(`Border Trade Monitor No. 12 | page ${index + 1} of 4`, {
      x: 72,
      y: 40,
      size: 8,
      font,
    });
  });
  return save(doc, 'running-heads.pdf');
}

/** Page 1 has text, page 2 only shapes (as a scan has only an image). Title only in XMP. */
async function partlyScanned(): Promise<void> {
  const doc = await newDocument();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const first = doc.addPage([WIDTH, HEIGHT]);
  first.drawText('A typed cover note before the scanned pages.', { x: 72, y: 700, size: 12, font });
  const second = doc.addPage([WIDTH, HEIGHT]);
  second.drawRectangle({ x: 72, y: 300, width: 400, height: 300, color: rgb(0.6, 0.6, 0.6) });
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Cover Note From XMP</rdf:li></rdf:Alt></dc:title>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
  const stream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  await save(doc, 'partly-scanned.pdf');
}

/** Only shapes on every page: a scan without a text layer. */
async function scanned(): Promise<void> {
  const doc = await newDocument();
  for (let i = 0; i < 2; i++) {
    doc
      .addPage([WIDTH, HEIGHT])
      .drawRectangle({ x: 72, y: 200, width: 450, height: 500, color: rgb(0.8, 0.8, 0.8) });
  }
  await save(doc, 'scanned.pdf');
}

/** One page of ordinary text, the body of each hostile file. */
async function onePage(text: string): Promise<{ doc: PDFDocument; font: PDFFont }> {
  const doc = await newDocument();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([WIDTH, HEIGHT]).drawText(text, { x: 72, y: 700, size: 12, font });
  return { doc, font };
}

/** The code the hostile files try to run: it would set this global. */
export const SENTINEL = '__sourceDeskPdfSentinel';
const PAYLOAD = `globalThis.${SENTINEL} = "ran"; app.alert("ran");`;

/** JavaScript run on opening (OpenAction), in the document's name tree and on a page's open. */
async function javascript(): Promise<void> {
  const { doc } = await onePage('This page carries JavaScript that must never run.');
  const { context } = doc;
  const action = context.register(
    context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(PAYLOAD) }),
  );
  doc.catalog.set(PDFName.of('OpenAction'), action);
  const names = context.obj({ Names: [PDFString.of('run'), action] });
  doc.catalog.set(PDFName.of('Names'), context.obj({ JavaScript: context.register(names) }));
  doc.getPage(0).node.set(PDFName.of('AA'), context.obj({ O: action }));
  await save(doc, 'javascript.pdf');
}

/**
 * CVE-2024-4367: pdf.js up to 4.1 pasted a font's FontMatrix into code it compiled with
 * `new Function`, so a string in the matrix ran as script when the glyphs were drawn.
 */
async function fontMatrix(): Promise<void> {
  const { doc, font } = await onePage('The font of this line has a hostile FontMatrix.');
  await doc.flush(); // writes the font's dictionary, which is embedded lazily
  const dict = doc.context.lookup(font.ref, PDFDict);
  const matrix = doc.context.obj([0.001, 0, 0, 0.001, 0, 0]);
  // pdf-lib writes a literal string as given: the backslashes keep its parentheses inside it.
  matrix.push(PDFString.of(`1\\)\\); ${PAYLOAD} //`));
  dict.set(PDFName.of('FontMatrix'), matrix);
  await save(doc, 'font-matrix.pdf');
}

/** A page tree that claims 100,000 pages over the one it holds. */
async function manyPages(): Promise<void> {
  const { doc } = await onePage('This file claims to have one hundred thousand pages.');
  doc.catalog.Pages().set(PDFName.of('Count'), PDFNumber.of(100_000));
  await save(doc, 'claims-100000-pages.pdf');
}

/**
 * A standard security handler (RC4, 40-bit) whose user password is not empty: the O and U
 * entries match no password a reader can guess, so the file cannot be opened without one.
 */
async function encrypted(): Promise<void> {
  const { doc } = await onePage('Nobody should read this without the password.');
  const { context } = doc;
  const filler = (byte: number): PDFHexString =>
    PDFHexString.of(byte.toString(16).padStart(2, '0').repeat(32));
  const encrypt = context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    Length: 40,
    P: -44,
    O: filler(0x5a),
    U: filler(0xa5),
  });
  context.trailerInfo.Encrypt = context.register(encrypt);
  const id = PDFHexString.of('0123456789abcdef0123456789abcdef');
  context.trailerInfo.ID = context.obj([id, id]);
  await save(doc, 'encrypted.pdf');
}

/** RC4, the cipher of the standard security handler's revision 2 (Node's OpenSSL has dropped it). */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = new Uint8Array(data.length);
  let a = 0;
  let b = 0;
  for (let n = 0; n < data.length; n++) {
    a = (a + 1) & 255;
    b = (b + (s[a] ?? 0)) & 255;
    [s[a], s[b]] = [s[b] ?? 0, s[a] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[a] ?? 0) + (s[b] ?? 0)) & 255] ?? 0);
  }
  return out;
}

const md5 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

/**
 * Encrypted as a publisher restricting a report does it: RC4 40-bit (PDF 1.4 standard security
 * handler, revision 2) with an empty user password, so any reader opens it, and an owner
 * password that guards the permissions. Algorithms 3.1-3.4 of the PDF 1.7 reference.
 */
async function encryptedOpen(): Promise<void> {
  const { doc } = await onePage('Anyone can open this, but its publisher has encrypted it.');
  await doc.flush();
  const { context } = doc;
  const pad = Uint8Array.from([
    0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
    0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
  ]);
  const ownerPassword = new TextEncoder().encode('owner');
  const paddedOwner = new Uint8Array(32);
  paddedOwner.set(ownerPassword);
  paddedOwner.set(pad.subarray(0, 32 - ownerPassword.length), ownerPassword.length);
  const owner = rc4(md5(paddedOwner).subarray(0, 5), pad);
  const permissions = -44;
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  const id = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
  const fileKey = md5(pad, owner, p, id).subarray(0, 5);
  const user = rc4(fileKey, pad);
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFStream)) continue;
    const objectKey = md5(
      fileKey,
      Uint8Array.from([ref.objectNumber & 255, (ref.objectNumber >> 8) & 255, 0]),
      Uint8Array.from([ref.generationNumber & 255, 0]),
    ).subarray(0, 10);
    context.assign(ref, PDFRawStream.of(object.dict, rc4(objectKey, object.getContents())));
  }
  const hex = (bytes: Uint8Array): PDFHexString =>
    PDFHexString.of(Buffer.from(bytes).toString('hex'));
  const encrypt = context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: permissions });
  encrypt.set(PDFName.of('O'), hex(owner));
  encrypt.set(PDFName.of('U'), hex(user));
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = context.obj([hex(id), hex(id)]);
  await save(doc, 'encrypted-no-password.pdf');
}

/** A file cut short, as an interrupted download leaves it, and one with a PDF header only. */
function damaged(report: Uint8Array): void {
  writeFileSync(resolve(OUT, 'truncated.pdf'), report.subarray(0, Math.floor(report.length * 0.6)));
  writeFileSync(
    resolve(OUT, 'not-a-pdf.pdf'),
    new TextEncoder().encode('%PDF-1.7\nThis is not a PDF, only its first line.\n%%EOF\n'),
  );
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await twoColumn();
  const report = await runningHeads();
  await partlyScanned();
  await scanned();
  await javascript();
  await fontMatrix();
  await manyPages();
  await encrypted();
  await encryptedOpen();
  damaged(report);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
