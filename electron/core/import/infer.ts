import { canonicalOutlet, selfReferencedOutlets } from './outlets.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number, time?: string): string | null {
  const d = new Date(Date.UTC(year, month, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month || d.getUTCDate() !== day)
    return null;
  return `${year}-${pad(month + 1)}-${pad(day)}${time ? `T${time}` : ''}`;
}

function parseTime(hours: string, minutes: string, meridiem?: string): string | undefined {
  let h = Number(hours);
  const m = Number(minutes);
  if (meridiem) {
    const pm = /^p/i.test(meridiem);
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || m > 59) return undefined;
  return `${pad(h)}:${pad(m)}`;
}

const TIME = String.raw`(?:,? (?:at )?(\d{1,2}):(\d{2}) ?([AaPp]\.?[Mm]\.?)?)?`;
const MONTH_DAY_YEAR = new RegExp(String.raw`^([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4})${TIME}$`);
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2}) ([A-Za-z]{3,9}\.?),? (\d{4})${TIME}$`);

/**
 * A date as a line of a report states it, as ISO 8601 (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, no
 * time zone: outlets rarely state one). Null when the whole string is not a date.
 */
export function parseStatedDate(input: string): string | null {
  const s = input.trim().replace(/\s+/g, ' ');
  if (s.length > 40 || !/\d{4}/.test(s)) return null;
  let m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const month = monthIndex(m[1] ?? '');
    if (month < 0) return null;
    const t = m[4] && m[5] ? parseTime(m[4], m[5], m[6]) : undefined;
    if (m[4] && !t) return null;
    return isoDate(Number(m[3]), month, Number(m[2]), t);
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const month = monthIndex(m[2] ?? '');
    if (month < 0) return null;
    const t = m[4] && m[5] ? parseTime(m[4], m[5], m[6]) : undefined;
    if (m[4] && !t) return null;
    return isoDate(Number(m[3]), month, Number(m[1]), t);
  }
  m =
    /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      s,
    );
  if (m) {
    const t = m[4] && m[5] ? parseTime(m[4], m[5]) : undefined;
    return isoDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), t);
  }
  return null;
}

/** "by DailyNK(North Korean Media)" / "By Daily NK" as a closing line: the outlet's signature. */
const SIGNATURE =
  /^[Bb]y\s+(\p{Lu}[\p{L}\p{N}&'’-]*(?: [\p{Lu}\p{N}][\p{L}\p{N}&'’-]*){0,4})\s*(?:\([^()\n]{0,60}\))?$/u;

export interface Trailer {
  body: string;
  publishedAt?: string;
  outlet?: string;
}

/**
 * Feed readers and copy-paste leave the date and the outlet as the report's last lines. They are
 * metadata, not body text: take them off and return them.
 */
export function takeTrailer(text: string): Trailer {
  // Only the last few lines can be a trailer: split those, not the whole text.
  let tailStart = text.length;
  for (let n = 0; n < 4 && tailStart > 0; n++) tailStart = text.lastIndexOf('\n', tailStart - 1);
  const head = tailStart > 0 ? text.slice(0, tailStart) : '';
  const lines = (tailStart > 0 ? text.slice(tailStart + 1) : text).split('\n');
  const result: Trailer = { body: text };
  let cut = lines.length;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 3); i--) {
    const line = (lines[i] ?? '').trim();
    if (line === '') {
      cut = i;
      continue;
    }
    const date = result.publishedAt ? null : parseStatedDate(line);
    if (date) {
      result.publishedAt = date;
      cut = i;
      continue;
    }
    const signature = result.outlet ? null : SIGNATURE.exec(line);
    if (signature?.[1] && line.length <= 80) {
      result.outlet = canonicalOutlet(signature[1]);
      cut = i;
      continue;
    }
    break;
  }
  if (cut < lines.length) {
    const kept = lines.slice(0, cut).join('\n');
    result.body = (tailStart > 0 ? `${head}\n${kept}` : kept).replace(/\n+$/, '');
  }
  return result;
}

const NAME = String.raw`[A-Z][\p{L}'’.-]*(?:[ -][\p{L}][\p{L}'’.-]*){0,3}`;
const BYLINE_PAREN = new RegExp(
  String.raw`\((?:[Bb]y\s+(${NAME}(?:\s*/\s*${NAME})*)|(${NAME}(?:\s*/\s*${NAME})+))\)\s*$`,
  'u',
);
const BYLINE_LINE = new RegExp(String.raw`^[Bb]y\s+(${NAME}(?:\s*(?:/|,|and)\s*${NAME})*)$`, 'u');

/** The authors as the text names them: "(By A / B)" closing a paragraph, or a "By A" line. */
export function findByline(text: string): string | undefined {
  for (const paragraph of text.split('\n').slice(0, 12)) {
    const line = paragraph.trim();
    // Cheap tests first: the patterns only ever match a line ending in ")" or starting with "By".
    const inline = line.endsWith(')') ? BYLINE_PAREN.exec(line) : null;
    const byLine = line.length <= 80 && /^[Bb]y\s/.test(line) ? BYLINE_LINE.exec(line) : null;
    const found = inline?.[1] ?? inline?.[2] ?? byLine?.[1];
    if (found) return found.replace(/\s*\/\s*/g, ' / ');
  }
  return undefined;
}

/** The one known outlet the text names as its own ("a Daily NK source"); none if several. */
export function findOutlet(text: string): string | undefined {
  const outlets = selfReferencedOutlets(text);
  return outlets.length === 1 ? outlets[0] : undefined;
}

/** A title from the first sentence when a report has no title line; the reviewer can edit it. */
export function deriveTitle(text: string, maxLength = 90): string {
  const first =
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(first)?.[0] ?? first;
  const stripped = sentence.replace(/[.!?]+$/, '').replace(/^[\s◆■●▶►•*#-]+/u, '');
  if (stripped.length <= maxLength) return stripped;
  const cut = stripped.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`;
}

/** A language code when the script or the commonest words make it plain; else undefined. */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 600);
  let letters = 0;
  let hangul = 0;
  let han = 0;
  let kana = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f))
      letters++;
    else if (
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0x1100 && c <= 0x11ff) ||
      (c >= 0x3130 && c <= 0x318f)
    ) {
      letters++;
      hangul++;
    } else if (c >= 0x3040 && c <= 0x30ff) {
      letters++;
      kana++;
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      letters++;
      han++;
    }
  }
  if (letters < 20) return undefined;
  if (hangul / letters > 0.3) return 'ko';
  if (kana / letters > 0.1) return 'ja';
  if (han / letters > 0.3) return 'zh';
  const words = sample
    .slice(0, 600)
    .toLowerCase()
    .split(/[^a-z]+/);
  let total = 0;
  let english = 0;
  for (const w of words) {
    if (!w) continue;
    total++;
    if (ENGLISH.has(w)) english++;
  }
  return total >= 10 && english / total > 0.15 ? 'en' : undefined;
}

const ENGLISH = new Set([
  'the',
  'and',
  'of',
  'to',
  'in',
  'is',
  'that',
  'for',
  'it',
  'with',
  'as',
  'was',
  'on',
  'are',
  'by',
  'this',
  'have',
  'from',
]);
