// Generated text PDFs for the PDF import bench (issue 12), laid out the way think-tank and agency
// reports are: a title block with byline and date on page 1, body prose from the benches' Zipf
// vocabulary (corpus.ts) with attributions and numbered section headings, a running header
// (outlet and short title, with a rule) from page 2 and a footer with the page number on every
// page, some pages in two columns, paragraphs running on across columns and pages, words
// hyphenated at line ends, and the title, author and dates in the document's metadata. Half the
// documents are justified and drawn word by word (as word processors write them: many small text
// runs per line); the others are ragged-right, one run per line. Report i is the same file on
// every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { DEFAULT_CORPUS, generateReport, mulberry32 } from './corpus.ts';

const WIDTH = 612;
const HEIGHT = 792;
const MARGIN = 72;
const GUTTER = 18;
const BODY_SIZE = 10;
const LEADING = 12.5;
const HEADING_SIZE = 12;

export interface PdfCorpusOptions {
  count: number;
  pages: number;
}

export interface PdfCorpusStats {
  files: number;
  bytes: number;
  pages: number;
  twoColumnPages: number;
  hyphenated: number;
  justifiedDocs: number;
}

interface Fonts {
  body: PDFFont;
  bold: PDFFont;
  small: PDFFont;
}

/** One line ready to draw: its words, whether it ends a paragraph (not justified) or a hyphen. */
interface Line {
  words: string[];
  last: boolean;
}

const BYLINES = [
  'Ji-won Park',
  'Daniel Pinkston',
  'Sung-min Cho',
  'Rachel Minyoung Lee',
  'Andrei Lankov',
  'Hye-jin Kim',
  'Peter Ward',
  'Min-seo Yoon',
];

/** Where a line may break a word with a hyphen: at least 3 letters each side. */
function hyphenate(word: string, fits: (prefix: string) => boolean): [string, string] | null {
  if (!/^[a-z]{7,}$/i.test(word)) return null;
  for (let cut = word.length - 3; cut >= 3; cut--) {
    const prefix = `${word.slice(0, cut)}-`;
    if (fits(prefix)) return [prefix, word.slice(cut)];
  }
  return null;
}

/**
 * Lays a document out: a stream of paragraphs flowed into columns, columns into pages, until
 * `pages` pages are full. Returns how many lines were hyphenated and how many pages had two columns.
 */
function layOut(
  doc: PDFDocument,
  fonts: Fonts,
  i: number,
  pages: number,
): { hyphenated: number; twoColumnPages: number; justified: boolean } {
  const next = mulberry32(0x5eed + i * 7919);
  // Plenty of prose: a full page holds ~5,000 characters.
  const report = generateReport(i, DEFAULT_CORPUS, pages * 6000);
  const paragraphs = report.text.split('\n').slice(1, -3);
  const justified = i % 2 === 0;
  const footerStyle = i % 3;
  const shortTitle = report.title.length > 48 ? `${report.title.slice(0, 45)}…` : report.title;
  const year = 2019 + (i % 7);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const author = BYLINES[i % BYLINES.length] as string;
  doc.setTitle(report.title);
  doc.setAuthor(author);
  doc.setSubject(`${report.outlet} research report`);
  doc.setCreator('Microsoft Word');
  doc.setProducer('Bench generator (pdf-lib)');
  doc.setCreationDate(new Date(Date.UTC(year, month - 1, day, 9, 30)));
  doc.setModificationDate(new Date(Date.UTC(year, month - 1, day, 17, 5)));

  let hyphenated = 0;
  let twoColumnPages = 0;
  let paragraph = 0;
  let section = 1;
  /** Words left of the paragraph being set (it runs on across columns and pages). */
  let pending: string[] = [];

  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([WIDTH, HEIGHT]);
    let top = HEIGHT - MARGIN;
    if (p === 1) top = titleBlock(page, fonts, report.title, author, year, month, day, top);
    else runningHeader(page, fonts, report.outlet, shortTitle);
    footer(page, fonts, footerStyle, p, pages, report.outlet, year);
    // About a quarter of the pages after the first are set in two columns.
    const twoColumns = p > 1 && next() < 0.25;
    if (twoColumns) twoColumnPages++;
    const width = twoColumns ? (WIDTH - 2 * MARGIN - GUTTER) / 2 : WIDTH - 2 * MARGIN;
    const columns = twoColumns ? [MARGIN, MARGIN + width + GUTTER] : [MARGIN];
    for (const x of columns) {
      let y = top;
      while (y > MARGIN + LEADING) {
        if (pending.length === 0) {
          // A numbered heading every 6–9 paragraphs, never at a column's foot.
          if (paragraph > 0 && paragraph % (6 + (i % 4)) === 0 && y > MARGIN + 6 * LEADING) {
            const words = (paragraphs[paragraph % paragraphs.length] as string)
              .replace(/[,.;:“”]/g, '')
              .split(' ')
              .slice(0, 3 + (paragraph % 3));
            // Within its column (one crossing the gutter would read as a full-width band).
            while (
              fonts.bold.widthOfTextAtSize(`${section}. ${words.join(' ')}`, HEADING_SIZE) > width
            )
              words.pop();
            const heading = `${section++}. ${words.join(' ')}`.replace(
              /^(\d+\. )(\w)/,
              (_, n: string, c: string) => n + c.toUpperCase(),
            );
            y -= LEADING * 0.6;
            page.drawText(heading, { x, y, size: HEADING_SIZE, font: fonts.bold });
            y -= LEADING * 1.6;
          }
          pending = (paragraphs[paragraph++ % paragraphs.length] as string).split(' ');
        }
        const line = takeLine(pending, fonts.body, width, next, () => hyphenated++);
        drawLine(page, fonts.body, line, x, y, width, justified);
        y -= LEADING;
        if (line.last) y -= LEADING * 0.5;
      }
    }
  }
  return { hyphenated, twoColumnPages, justified };
}

/** Takes as many words as fit on one line off `words`, hyphenating the next word sometimes. */
function takeLine(
  words: string[],
  font: PDFFont,
  width: number,
  next: () => number,
  onHyphen: () => void,
): Line {
  const taken: string[] = [];
  // Widths add up (the standard fonts are not kerned by pdf-lib), so a line is measured word by word.
  const space = font.widthOfTextAtSize(' ', BODY_SIZE);
  let used = 0;
  const widthWith = (word: string): number =>
    used + (taken.length > 0 ? space : 0) + font.widthOfTextAtSize(word, BODY_SIZE);
  while (words.length > 0) {
    const word = words[0] as string;
    if (widthWith(word) <= width) {
      used = widthWith(word);
      taken.push(word);
      words.shift();
      continue;
    }
    if (taken.length > 0 && next() < 0.6) {
      const split = hyphenate(word, (prefix) => widthWith(prefix) <= width);
      if (split) {
        taken.push(split[0]);
        words[0] = split[1];
        onHyphen();
      }
    }
    if (taken.length === 0) taken.push(words.shift() as string);
    return { words: taken, last: false };
  }
  return { words: taken, last: true };
}

function drawLine(
  page: PDFPage,
  font: PDFFont,
  line: Line,
  x: number,
  y: number,
  width: number,
  justified: boolean,
): void {
  if (!justified || line.last || line.words.length < 2) {
    page.drawText(line.words.join(' '), { x, y, size: BODY_SIZE, font });
    return;
  }
  // Word by word, the space between them stretched to fill the line.
  const widths = line.words.map((w) => font.widthOfTextAtSize(w, BODY_SIZE));
  const gap = (width - widths.reduce((a, b) => a + b, 0)) / (line.words.length - 1);
  let at = x;
  line.words.forEach((word, k) => {
    page.drawText(word, { x: at, y, size: BODY_SIZE, font });
    at += (widths[k] as number) + gap;
  });
}

function titleBlock(
  page: PDFPage,
  fonts: Fonts,
  title: string,
  author: string,
  year: number,
  month: number,
  day: number,
  top: number,
): number {
  let y = top - 20;
  const width = WIDTH - 2 * MARGIN;
  let line = '';
  const lines: string[] = [];
  for (const word of title.split(' ')) {
    const tried = line ? `${line} ${word}` : word;
    if (line && fonts.bold.widthOfTextAtSize(tried, 20) > width) {
      lines.push(line);
      line = word;
    } else line = tried;
  }
  lines.push(line);
  for (const l of lines) {
    page.drawText(l, { x: MARGIN, y, size: 20, font: fonts.bold });
    y -= 26;
  }
  y -= 4;
  page.drawText(`By ${author}`, { x: MARGIN, y, size: 11, font: fonts.small });
  y -= 15;
  const date = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  page.drawText(date, { x: MARGIN, y, size: 11, font: fonts.small });
  y -= 30;
  return y;
}

function runningHeader(page: PDFPage, fonts: Fonts, outlet: string, shortTitle: string): void {
  const y = HEIGHT - 44;
  page.drawText(outlet.toUpperCase(), { x: MARGIN, y, size: 8, font: fonts.small });
  const w = fonts.small.widthOfTextAtSize(shortTitle, 8);
  page.drawText(shortTitle, { x: WIDTH - MARGIN - w, y, size: 8, font: fonts.small });
  page.drawLine({
    start: { x: MARGIN, y: y - 4 },
    end: { x: WIDTH - MARGIN, y: y - 4 },
    thickness: 0.5,
    color: rgb(0.4, 0.4, 0.4),
  });
}

function footer(
  page: PDFPage,
  fonts: Fonts,
  style: number,
  p: number,
  pages: number,
  outlet: string,
  year: number,
): void {
  const y = 40;
  const number = style === 0 ? `Page ${p} of ${pages}` : style === 1 ? `— ${p} —` : String(p);
  const w = fonts.small.widthOfTextAtSize(number, 9);
  page.drawText(number, { x: (WIDTH - w) / 2, y, size: 9, font: fonts.small });
  if (style === 2)
    page.drawText(`© ${year} ${outlet}`, { x: MARGIN, y, size: 8, font: fonts.small });
}

/** Writes report-0000.pdf … into `dir`; returns what it wrote. */
export async function writePdfCorpus(
  dir: string,
  { count, pages }: PdfCorpusOptions,
): Promise<PdfCorpusStats> {
  mkdirSync(dir, { recursive: true });
  const stats: PdfCorpusStats = {
    files: 0,
    bytes: 0,
    pages: 0,
    twoColumnPages: 0,
    hyphenated: 0,
    justifiedDocs: 0,
  };
  for (let i = 0; i < count; i++) {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const fonts: Fonts = {
      body: await doc.embedFont(StandardFonts.TimesRoman),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
      small: await doc.embedFont(StandardFonts.Helvetica),
    };
    const laid = layOut(doc, fonts, i, pages);
    const bytes = await doc.save();
    writeFileSync(join(dir, `report-${String(i).padStart(4, '0')}.pdf`), bytes);
    stats.files++;
    stats.bytes += bytes.length;
    stats.pages += pages;
    stats.twoColumnPages += laid.twoColumnPages;
    stats.hyphenated += laid.hyphenated;
    if (laid.justified) stats.justifiedDocs++;
  }
  return stats;
}
