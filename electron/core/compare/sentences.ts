// Sentences of a report's normalised text, as UTF-16 spans [start, end) with the spaces around
// them left out. A sentence ends at a line break, or at . ! ? (with any closing quotes and
// brackets after it) followed by a space and something that can start a sentence; a full stop
// after a known abbreviation ("Mr.", "U.S.", "e.g.") or an initial ("J.") does not end one, nor
// does one inside a number ("3.5"), which no space follows. Every cut is at ASCII punctuation or
// white space, so none falls inside a surrogate pair.

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st mt gen col lt sgt capt cmdr adm gov sen rep pres jr sr inc ltd co corp ' +
    'dept univ vs etc approx est no nos vol fig al ca cf jan feb mar apr jun jul aug sep sept oct ' +
    'nov dec e.g i.e u.s u.k u.n d.c p.m a.m'
  ).split(' '),
);

/** Closing quotes and brackets that belong to the sentence they follow. */
const CLOSERS = `"'”’)]»`;

/** Whether the word before a full stop at `dot` makes it an abbreviation, not a sentence's end. */
function abbreviation(text: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && /[\p{L}.]/u.test(text[from - 1] as string)) from--;
  const word = text.slice(from, dot).toLowerCase();
  if (word === '') return false;
  // An initial: one capital letter ("J. Smith"), or letters with dots ("U.S.").
  if (/^\p{Lu}$/u.test(text.slice(from, dot))) return true;
  return ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Whether text[start, end) has a letter or a digit (looked for without copying the span). */
function hasWordIn(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
    if (c >= 128 && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i) as number)))
      return true;
  }
  return false;
}

export function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s && hasWordIn(text, s, e)) spans.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let end = i + 1;
    while (end < text.length && '.!?…'.includes(text[end] as string)) end++;
    while (end < text.length && CLOSERS.includes(text[end] as string)) end++;
    // Only a space (or the end) after it ends a sentence: "3.5", "ASIAPRESS.com" and "8.000" go on.
    if (end < text.length && !/[ \t\n]/.test(text[end] as string)) {
      i = end - 1;
      continue;
    }
    if (c === '.' && end === i + 1 && abbreviation(text, i)) continue;
    // What follows must be able to start a sentence: not a lower-case word ("approx. five").
    let next = end;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
    if (next < text.length && /\p{Ll}/u.test(text[next] as string)) {
      i = end - 1;
      continue;
    }
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}
