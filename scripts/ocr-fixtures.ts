// Writes the OCR fixtures in tests/fixtures/ocr/ (issue 12): known English text drawn as pixels,
// as a PNG, a JPEG and scanned PDFs (an image per page, no text layer). Generated, never
// downloaded: the text is set in Helvetica with pdf-lib and drawn by pdf.js on an @napi-rs/canvas
// canvas, so what each file shows is stated here. Run: node scripts/ocr-fixtures.ts
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPagePng } from '../electron/core/import/pdf-render.ts';

const OUT = resolve(import.meta.dirname, '../tests/fixtures/ocr');

/** What the memo image shows, one paragraph a line. */
export const MEMO_TEXT = [
  'Flooding closed the northern bridge on Tuesday morning, according to the regional transport office.',
  'Officials said repairs would take at least three weeks and cost about two million euros.',
].join('\n');

/** The scanned PDF's two pages. */
export const SCANNED_PAGES = [
  'The harbour authority reported that two cargo ships ran aground near the eastern pier.',
  'No crew members were injured, and the channel reopened to traffic on Friday evening.',
];

/** The partly scanned PDF: typed page 1 and 3, page 2 a scan. */
export const PARTLY_TYPED = [
  'This typed cover page introduces the scanned letter that follows.',
  'This typed closing page follows the scanned letter.',
];
export const PARTLY_SCANNED =
  'The council approved the new school budget after a long public debate.';

/** What the Korean note shows (for OCR with a traineddata file the analyst names). */
export const KOREAN_TEXT = '서울 시청 앞에서 오늘 아침 시위가 열렸다';
/** The font it is set in: Debian's fonts-nanum (apt-get install fonts-nanum). */
const NANUM = '/usr/share/fonts/truetype/nanum/NanumGothic.ttf';

const WIDTH = 612;

/** Greedy wrapping at spaces, so each paragraph's lines joined by spaces give it back. */
function wrap(paragraph: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A page of text set in Helvetica 14 pt, as a one-page PDF with a text layer. */
async function typedPage(text: string, height = 300): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([WIDTH, height]);
  let y = height - 60;
  for (const paragraph of text.split('\n')) {
    for (const line of wrap(paragraph, WIDTH - 120, (s) => font.widthOfTextAtSize(s, 14))) {
      page.drawText(line, { x: 60, y, size: 14, font });
      y -= 20;
    }
    y -= 12;
  }
  return doc.save({ useObjectStreams: false });
}

/** The first page of a PDF drawn at `dpi`, as PNG bytes. */
export async function pagePng(pdf: Uint8Array, dpi = 200): Promise<Uint8Array> {
  const data = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = getDocument({
    data: new Uint8Array(pdf),
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: join(data, 'standard_fonts') + '/',
  });
  const doc = await task.promise;
  try {
    return await renderPagePng(doc, await doc.getPage(1), dpi);
  } finally {
    await task.destroy();
  }
}

/** A PDF whose pages are each an image of a typed page (a scan); `typed` pages keep their text. */
async function scannedPdf(
  pages: readonly { text: string; scanned: boolean }[],
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const { text, scanned } of pages) {
    const page = doc.addPage([WIDTH, 300]);
    if (scanned) {
      const image = await doc.embedPng(await pagePng(await typedPage(text)));
      page.drawImage(image, { x: 0, y: 0, width: WIDTH, height: 300 });
    } else {
      page.drawText(text, { x: 60, y: 240, size: 12, font });
    }
  }
  return doc.save({ useObjectStreams: false });
}

/** PNG bytes drawn at `scale` of their size: text so small that OCR doubts some of its words. */
async function scaled(png: Uint8Array, scale: number): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(Math.round(image.width * scale), Math.round(image.height * scale));
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

/** A line of Korean in Nanum Gothic, 40 px, black on white. */
function koreanNote(): Uint8Array {
  GlobalFonts.registerFromPath(NANUM, 'Nanum Gothic');
  const canvas = createCanvas(1000, 160);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  context.font = '40px "Nanum Gothic"';
  context.fillText(KOREAN_TEXT, 40, 95);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

/** PNG bytes as JPEG (quality 90), through the canvas. */
async function asJpeg(png: Uint8Array): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return new Uint8Array(canvas.toBuffer('image/jpeg', 90));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const memo = await pagePng(await typedPage(MEMO_TEXT));
  writeFileSync(join(OUT, 'flood-memo.png'), memo);
  writeFileSync(join(OUT, 'flood-memo.jpg'), await asJpeg(memo));
  // The memo at 30%: about 60 dpi, read mostly right, a few words with low confidence.
  writeFileSync(join(OUT, 'faded-memo.png'), await scaled(memo, 0.3));
  // Only where the font is installed; the committed file was drawn with it.
  if (existsSync(NANUM)) writeFileSync(join(OUT, 'korean-note.png'), koreanNote());
  writeFileSync(
    join(OUT, 'scanned-text.pdf'),
    await scannedPdf(SCANNED_PAGES.map((text) => ({ text, scanned: true }))),
  );
  writeFileSync(
    join(OUT, 'partly-scanned-text.pdf'),
    await scannedPdf([
      { text: PARTLY_TYPED[0] as string, scanned: false },
      { text: PARTLY_SCANNED, scanned: true },
      { text: PARTLY_TYPED[1] as string, scanned: false },
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
