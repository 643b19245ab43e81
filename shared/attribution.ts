// Source mentions read from a report's text: who is said to have said, reported, photographed or
// filmed what, and which text each mention governs. English rules over tokens, offline; the rules
// and their known limits are in docs/attribution.md. Offsets are UTF-16 code units, `end`
// exclusive, as in shared/anchoring.ts.
//
// The text is read once into tokens and sentences; every rule then looks at a bounded window of
// tokens around a trigger word, so the work is linear in the text's length and no regular
// expression runs over unbounded input.

export interface Span {
  start: number;
  end: number;
}

/** The attribution verb, normalised: what the mention says its source did. */
export const MENTION_KINDS = [
  'said',
  'told',
  'reported',
  'added',
  'explained',
  'noted',
  'claimed',
  'confirmed',
  'warned',
  'wrote',
  'revealed',
  'announced',
  'according to',
  'citing',
  'quoted',
  'photographed',
  'filmed',
  'posted',
  'published',
  'obtained',
  'provided',
] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export interface MentionDescriptor {
  /** What the source is, as the text puts it: "source", "reporting partner A", "residents". */
  role: string | null;
  /** The outlet named in the mention: "Daily NK", "ASIAPRESS". */
  outlet: string | null;
  /** A person's or body's name: "Kim Min-su". */
  name: string | null;
  /** Where the source is: "Ryanggang Province". */
  place: string | null;
  /** When the source spoke or the picture was taken: "mid-November", "September". */
  time: string | null;
  kind: MentionKind;
}

export interface Mention extends Span {
  /** The attribution phrase itself: "a Daily NK source in Ryanggang province said". */
  exact: string;
  descriptor: MentionDescriptor;
  /** "definite" for "the source", "pronoun" for "he"/"she"/"they": candidates to refer back. */
  anaphor: 'definite' | 'pronoun' | null;
  /** The text this mention attributes: its sentence, a quotation or paragraph after a colon. */
  governs: Span[];
  /** Index (in the returned list) of the earlier mention this one refers back to. */
  refersTo: number | null;
}

// ---------------------------------------------------------------------------------------------
// Tokens and sentences

const WORD = 0;
const PUNCT = 1;
const OPEN = 2; // an opening quotation mark
const CLOSE = 3; // a closing quotation mark
type TokenType = typeof WORD | typeof PUNCT | typeof OPEN | typeof CLOSE;

interface Token {
  s: number;
  e: number;
  /** The token's text. */
  w: string;
  /** Lower case, a possessive "'s" dropped. */
  l: string;
  t: TokenType;
}

/** list[i] where the caller knows i is in range (the index checks are the loops' own). */
function at<T>(list: readonly T[], i: number): T {
  return list[i] as T;
}

const NONE: Token = { s: 0, e: 0, w: '', l: '', t: PUNCT };

interface Sentence {
  /** The sentence's text, trimmed: [start, end). */
  start: number;
  end: number;
  /** Its paragraph: the count of non-empty lines before it. */
  para: number;
  /** True when it opens with a quotation mark. */
  quote: boolean;
  /** Its tokens [from, to) when it holds a trigger word; -1 when it was not read. */
  from: number;
  to: number;
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const STARTS_SENTENCE = /[\p{Lu}\p{N}]/u;

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(String.fromCharCode(c));
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x202f;
}

/** Hyphens and apostrophes join a word's parts ("mid-November", "Korea's"); so does a dot in "U.S". */
function joinsWord(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019 || c === 46 || c === 0x2010 || c === 0x2011;
}

const isOpening = (c: number): boolean => c === 0x201c || c === 0x2018 || c === 0xab;
const isClosing = (c: number): boolean => c === 0x201d || c === 0x2019 || c === 0xbb;

/** Whether the straight quote at i opens: after a space, an opening bracket or a dash. */
function straightOpens(text: string, i: number): boolean {
  const p = i === 0 ? 32 : text.charCodeAt(i - 1);
  return isSpace(p) || p === 40 || p === 91 || p === 0x2014 || p === 0x2013;
}

/** The tokens of text[start, end), appended to `out`. */
function tokenize(text: string, start: number, end: number, out: Token[]): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (isWordChar(c)) {
      // Most words are plain lower-case ASCII: no case folding, no possessive to drop.
      let plain = c >= 97 && c <= 122;
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isWordChar(d)) {
          if (d < 97 || d > 122) plain = false;
          j++;
        } else if (joinsWord(d) && j + 1 < end && isWordChar(text.charCodeAt(j + 1))) {
          plain = false;
          j += 2;
        } else break;
      }
      const w = text.slice(i, j);
      let l = w;
      if (!plain) {
        l = w.toLowerCase();
        if (l.endsWith("'s") || l.endsWith('’s')) l = l.slice(0, -2);
      }
      out.push({ s: i, e: j, w, l, t: WORD });
      i = j;
    } else {
      const w = text[i] ?? '';
      let t: TokenType = PUNCT;
      if (isOpening(c)) t = OPEN;
      else if (isClosing(c)) t = CLOSE;
      else if (c === 34 || c === 39) t = straightOpens(text, i) ? OPEN : CLOSE;
      out.push({ s: i, e: i + 1, w, l: w, t });
      i++;
    }
  }
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr st gen col lt sgt rep sen gov prof jr sr no co corp inc ltd vs etc jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n'.split(
    ' ',
  ),
);

/**
 * Sentences, read on characters (no tokens: most sentences hold no trigger and are never
 * tokenised). A sentence ends at . ! ? … (and the quotation marks or bracket closing after it)
 * before a space and then a capital, a digit, a quotation mark or a line end, unless the word
 * before the full stop is an abbreviation; a line end always ends one.
 */
function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const n = text.length;
  let para = -1;
  let lineHasText = false;
  let start = 0;
  const close = (end: number): void => {
    let a = start;
    let b = end;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b <= a) return;
    if (!lineHasText) {
      para++;
      lineHasText = true;
    }
    const c = text.charCodeAt(a);
    const quote = isOpening(c) || ((c === 34 || c === 39) && straightOpens(text, a));
    sentences.push({ start: a, end: b, para, quote, from: -1, to: -1 });
  };
  // The regular expression finds the candidates far faster than a loop over every character.
  const candidates = /[\n.!?\u2026]/g;
  for (let found = candidates.exec(text); found; found = candidates.exec(text)) {
    const i = found.index;
    const c = text.charCodeAt(i);
    if (c === 10) {
      close(i);
      start = i + 1;
      lineHasText = false;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isClosing(d) || d === 41 || ((d === 34 || d === 39) && !straightOpens(text, j))) j++;
      else break;
    }
    // A dot inside a word ("U.S", "3.5") is not an end.
    if (c === 46 && j === i + 1 && j < n && isWordChar(text.charCodeAt(j))) continue;
    let k = j;
    while (k < n && isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 10) k++;
    if (k < n && k === j && text.charCodeAt(k) !== 10 && !isOpening(text.charCodeAt(k))) continue;
    const next = k < n ? text.charCodeAt(k) : 10;
    const starts =
      next === 10 ||
      isOpening(next) ||
      ((next === 34 || next === 39) && straightOpens(text, k)) ||
      STARTS_SENTENCE.test(text[k] ?? '');
    if (!starts) continue;
    if (c === 46) {
      let w = i;
      while (
        w > i - 6 &&
        w > 0 &&
        (isWordChar(text.charCodeAt(w - 1)) ||
          (text.charCodeAt(w - 1) === 46 && w > 1 && isWordChar(text.charCodeAt(w - 2))))
      )
        w--;
      if (w < i && i - w <= 5 && ABBREVIATIONS.has(text.slice(w, i).toLowerCase())) continue;
    }
    close(j);
    start = j;
    candidates.lastIndex = j;
  }
  close(n);
  return sentences;
}

// ---------------------------------------------------------------------------------------------
// Lexicons

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Speech verbs, each with its kind; read with the speaker before ("X said") or after ("said X"). */
const SPEECH = new Map<string, MentionKind>();
for (const [kind, forms] of [
  [
    'said',
    'said says say stated states insisted insists recalled recalls estimated acknowledged alleged alleges testified complained complains admitted admits stressed stresses emphasized emphasised argued argues asserted observed',
  ],
  ['told', 'told tells tell'],
  ['reported', 'reported reports report'],
  ['added', 'added adds'],
  ['explained', 'explained explains'],
  ['noted', 'noted notes'],
  ['claimed', 'claimed claims'],
  ['confirmed', 'confirmed confirms'],
  ['warned', 'warned warns'],
  ['wrote', 'wrote writes'],
  ['revealed', 'revealed reveals'],
  ['announced', 'announced announces'],
  ['quoted', 'quoted'],
] as const)
  for (const form of forms.split(' ')) SPEECH.set(form, kind);

/** Verbs read with their agent after "by": "photos taken by ASIAPRESS". */
const AGENT = new Map<string, MentionKind>();
for (const [kind, forms] of [
  ['photographed', 'taken shot captured photographed snapped'],
  ['filmed', 'filmed recorded'],
  ['posted', 'posted uploaded shared'],
  ['published', 'published released issued leaked compiled written'],
  ['obtained', 'obtained'],
  ['told', 'interviewed'],
  ['provided', 'provided supplied made given'],
  ['reported', 'reported'],
  ['told', 'told'],
  ['quoted', 'quoted'],
  ['citing', 'cited'],
  ['confirmed', 'confirmed'],
  ['claimed', 'claimed'],
] as const)
  for (const form of forms.split(' ')) AGENT.set(form, kind);

/** Any word that can start a mention; a sentence without one is not read further. */
const TRIGGER = new RegExp(
  `\\b(?:${[...SPEECH.keys(), ...AGENT.keys(), '[Aa]ccording', '[Cc]iting', '[Qq]uoting'].join('|')})\\b`,
  'g',
);

const MEDIA = words(
  'photo photos photograph photographs picture pictures image images video videos footage clip clips film films recording recordings post posts message messages screenshot screenshots',
);
const VIDEO = words('video videos footage clip clips film films recording recordings');

const DETERMINERS = words(
  'a an the one two three four five six several some many another this that these those his her their its our other both each most few various multiple',
);
const DEFINITE = words('the this that these those');
const PRONOUNS = words('he she they');
const PREPOSITIONS = words(
  'in on at from of for with by to near inside across during after before over under into about via within without among against',
);
const BE = words('was were is are be been being');
/** Words skipped between a speaker and its verb: "has also said", "reportedly told". */
const AUX_SKIP = words(
  'has had have also later previously recently earlier then again once further reportedly allegedly first last repeatedly',
);
/** Words that open a clause, so a speaker's phrase cannot reach back past them. */
const CLAUSE = words(
  'that because while when whereas although though but and or if after before since so as where whether than until unless',
);
/** Words that close a noun phrase read forwards. */
const NP_STOP = words(
  'who which that whose where when because while is are was were has have had will would can could may might should and but as than said says told tells show shows showing',
);
/** Where a role ends and its place, affiliation or relative clause starts. */
const ROLE_STOP = words(
  'in on at from of for with near inside across based living who which whose that close familiar involved within',
);
const DISCOURSE = words(
  'however but and meanwhile also now still yet indeed instead separately moreover furthermore so then thus later earlier recently previously here there',
);
/** Objects of "told" that belong in the phrase: the press, an outlet or a pronoun. */
const TOLD_OBJECTS = words(
  'him her them me us reporters journalists lawmakers legislators parliament investigators police',
);
const KEEP_ING = words('reporting ruling leading governing');
const NUMBER_WORDS = words('one two three four five six seven eight nine ten dozen');
/** Heads that never make a speaker on their own. */
const NOT_SPEAKERS = words(
  'it this that which what there here who so-called truck car force hand mail phone time thing things way part never ever other however after over under rather either neither whether together later water number order matter',
);

/** Who or what can be a source (singular forms). Other heads pass by their ending; see isSpeakerHead. */
const ROLES = words(`
  source partner resident official spokesman spokeswoman spokesperson spokespeople defector trader
  merchant smuggler student witness diplomat analyst researcher expert police officer soldier guard
  farmer worker minister ministry government authority lawyer doctor activist journalist reporter
  correspondent informant insider man woman person people villager employee executive president
  director representative member agency company department office eyewitness observer citizen
  driver owner manager dealer broker cadre teacher mother father wife husband relative friend
  neighbor neighbour acquaintance contact group organization organisation council committee
  newspaper paper outlet channel report statement document survey study media radio broadcaster
  television army military court prosecutor judge regime embassy consulate ngo union association
  institute bank administrator staff crew vendor seller buyer customer tourist cousin brother sister
  son daughter uncle aunt panel commission data figure statistic estimate estimates intelligence
  service spy lawmaker legislator parliament secretary chief head leader commander user account
  traveller traveler visitor fisherman fishermen housewife youth colleague aide adviser advisor
  monitor monitors network platform website captain`);
const GENERIC_ROLES = words('source informant contact insider person people');
/** Roles that are papers or bodies rather than people: not the antecedent of "he" or "the source". */
const NOT_HUMAN = words(
  'report statement document survey study data figure statistic estimate media radio television newspaper paper outlet channel ministry government agency company department office organization organisation council committee court regime embassy consulate ngo union association institute bank panel commission network platform website service army military intelligence',
);

const MONTHS = words(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
);
const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');
const SEASONS = words('spring summer autumn fall winter');
const PLACE_NOUNS = words(
  'province provinces county counties city district region area prefecture state border',
);

/** Outlets the rules name on sight, as lower-case word sequences; more can be added freely. */
const OUTLETS: string[][] = [
  'Daily NK',
  'ASIAPRESS',
  'Asia Press',
  'Reuters',
  'Associated Press',
  'AP',
  'AFP',
  'Agence France-Presse',
  'Yonhap',
  'KCNA',
  'Korean Central News Agency',
  'NK News',
  'NK Pro',
  'RFA',
  'Radio Free Asia',
  'Voice of America',
  'VOA',
  'BBC',
  'CNN',
  'New York Times',
  'Washington Post',
  'Wall Street Journal',
  'Bloomberg',
  'Xinhua',
  'Kyodo',
  'NHK',
  'Guardian',
  'Financial Times',
  'Al Jazeera',
  'Dong-A Ilbo',
  'Chosun Ilbo',
  'JoongAng Ilbo',
  'Rodong Sinmun',
  '38 North',
  'Nikkei',
  'TASS',
  'Interfax',
  'South China Morning Post',
  'Global Times',
  'Kyiv Independent',
].map((o) => o.toLowerCase().split(' '));
const OUTLET_FIRST = new Map<string, string[][]>();
for (const o of OUTLETS) {
  const first = o[0] as string;
  OUTLET_FIRST.set(first, [...(OUTLET_FIRST.get(first) ?? []), o]);
}

function singular(word: string): string {
  if (word === 'people') return 'person';
  if (word.endsWith('men')) return word.slice(0, -3) + 'man';
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

function isPlural(word: string): boolean {
  return word === 'people' || word === 'police' || singular(word) !== word;
}

/** A head that names who or what can speak: a listed role, or a word ending like one ("vendor"). */
function isSpeakerHead(word: string): boolean {
  const one = singular(word);
  if (NOT_SPEAKERS.has(word) || NOT_SPEAKERS.has(one)) return false;
  return ROLES.has(word) || ROLES.has(one) || /(?:er|or|ist|ian|ent|ant|man|woman)$/.test(one);
}

const isCapitalised = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);

// ---------------------------------------------------------------------------------------------
// Reading one mention

type Form = 'subject' | 'inverted' | 'according' | 'agent' | 'quoted';

interface Found {
  /** Tokens of the phrase, [from, to). */
  from: number;
  to: number;
  form: Form;
  kind: MentionKind;
  /** Token ranges of the phrase naming the source (an appositive chain may give two). */
  np: [number, number][];
  /** Tokens after the phrase read for the time ("said in October that"). */
  tail: [number, number];
  /** Tokens naming the outlet the source spoke to ("told Daily NK"), or the reporting outlet. */
  outletRange: [number, number] | null;
  colon: boolean;
  sentence: number;
  speaker: NounPhrase;
}

class Reader {
  private readonly text: string;
  private readonly tokens: Token[];

  constructor(text: string, tokens: Token[]) {
    this.text = text;
    this.tokens = tokens;
  }

  /** The token at i, or an empty punctuation token past either end (so callers need no checks). */
  tok(i: number): Token {
    return this.tokens[i] ?? NONE;
  }

  isWord(i: number, from: number, to: number): boolean {
    return i >= from && i < to && this.tok(i).t === WORD;
  }

  /** The noun phrase from `i` forwards, at most 12 words; its end (exclusive). */
  npForward(i: number, to: number): number {
    let j = i;
    let count = 0;
    while (j < to && count < 12) {
      const t = this.tok(j);
      if (t.t !== WORD) break;
      if (j > i && (NP_STOP.has(t.l) || SPEECH.has(t.l))) break;
      if (j > i && t.l.endsWith('ing') && !KEEP_ING.has(t.l)) break;
      // "by ASIAPRESS described …": a verb after the phrase ("an unnamed official" is not one).
      const before = this.tok(j - 1).l;
      if (j > i && t.l.endsWith('ed') && !DETERMINERS.has(before) && !NUMBER_WORDS.has(before))
        break;
      j++;
      count++;
    }
    // A phrase does not end on a preposition or an article.
    while (j > i && (PREPOSITIONS.has(this.tok(j - 1).l) || DETERMINERS.has(this.tok(j - 1).l)))
      j--;
    return j;
  }

  /** The outlet whose words start at token i, as [from, to), or null. */
  outletAt(i: number, to: number): [number, number] | null {
    const t = this.tokens[i];
    if (t?.t !== WORD || !isCapitalised(t.w)) return null;
    const candidates = OUTLET_FIRST.get(t.l);
    if (!candidates) return null;
    let best: [number, number] | null = null;
    for (const seq of candidates) {
      let k = 0;
      while (k < seq.length && i + k < to && this.tok(i + k).l === seq[k]) k++;
      // Short all-capital names ("AP") must be written so.
      if (
        k === seq.length &&
        (seq.length > 1 || at(seq, 0).length > 2 || t.w === t.w.toUpperCase())
      )
        if (!best || k > best[1] - best[0]) best = [i, i + k];
    }
    return best;
  }

  slice(from: number, to: number): string {
    const a = this.tokens[from];
    const b = this.tokens[to - 1];
    return a && b && to > from ? this.text.slice(a.s, b.e) : '';
  }
}

interface NounPhrase {
  role: string | null;
  /** The role's head, singular and lower case: "partner". */
  head: string | null;
  plural: boolean;
  label: string | null;
  name: string | null;
  outlet: string | null;
  place: string | null;
  pronoun: string | null;
  definite: boolean;
}

/** A place's capitalised words from token i: "Ryanggang Province", "Ryanggang and North Hamgyong provinces". */
function readPlace(r: Reader, i: number, to: number): string | null {
  let j = i;
  if (r.tok(j).l === 'the') j++;
  const start = j;
  let end = j;
  while (j < to) {
    const t = r.tok(j);
    if (t?.t !== WORD) break;
    if (isCapitalised(t.w) && !MONTHS.has(t.l) && !WEEKDAYS.has(t.l) && !r.outletAt(j, to))
      end = ++j;
    else if (end > start && PLACE_NOUNS.has(t.l)) end = ++j;
    else if (end > start && t.l === 'and' && isCapitalised(r.tok(j + 1).w)) j++;
    else break;
  }
  return end > start ? r.slice(start, end) : null;
}

/** A time in tokens [i, to): "mid-November", "early November", "September", "Monday", "last summer". */
function readTime(r: Reader, from: number, to: number): string | null {
  for (let i = from; i < to; i++) {
    const t = r.tok(i);
    if (t?.t !== WORD) continue;
    const m = /^(?:early|mid|late)-(\p{L}+)$/u.exec(t.l);
    if (m && MONTHS.has(m[1] ?? '')) return t.w;
    if ((t.l === 'early' || t.l === 'mid' || t.l === 'late') && MONTHS.has(r.tok(i + 1).l))
      return r.slice(i, i + 2);
    if (MONTHS.has(t.l) && isCapitalised(t.w)) {
      let j = i + 1;
      while (j < to && j < i + 3 && /^\d{1,4}$/.test(r.tok(j).l)) j++;
      return r.slice(i, j);
    }
    if (WEEKDAYS.has(t.l) && isCapitalised(t.w)) return t.w;
    if (t.l === 'recently' || t.l === 'yesterday' || t.l === 'today') return t.w;
    if ((t.l === 'last' || t.l === 'this' || t.l === 'next') && i + 1 < to) {
      const n = r.tok(i + 1).l;
      if (SEASONS.has(n) || n === 'week' || n === 'month' || n === 'year') return r.slice(i, i + 2);
    }
    if (t.l === 'earlier' && r.tok(i + 1).l === 'this' && i + 2 < to) return r.slice(i, i + 3);
  }
  return null;
}

/** Role, name, outlet and place of the phrase naming a source (an appositive gives two ranges). */
function readNounPhrase(r: Reader, ranges: [number, number][], sentenceFrom: number): NounPhrase {
  const np: NounPhrase = {
    role: null,
    head: null,
    plural: false,
    label: null,
    name: null,
    outlet: null,
    place: null,
    pronoun: null,
    definite: false,
  };
  const [first] = ranges;
  if (
    ranges.length === 1 &&
    first &&
    first[1] - first[0] === 1 &&
    PRONOUNS.has(r.tok(first[0]).l)
  ) {
    np.pronoun = r.tok(first[0]).l;
    np.plural = np.pronoun === 'they';
    return np;
  }
  for (const [from, to] of ranges) {
    let i = from;
    if (np.name === null && np.role === null) np.definite = DEFINITE.has(r.tok(i).l);
    const isQuantifier = (k: number): boolean => {
      const l = r.tok(k).l;
      return DETERMINERS.has(l) || NUMBER_WORDS.has(l) || /^\d+$/.test(l);
    };
    while (i < to && isQuantifier(i) && !r.outletAt(i, to)) i++;
    // The role's words run up to its place, affiliation or relative clause.
    const core: number[] = [];
    let j = i;
    while (j < to) {
      const t = r.tok(j);
      if (ROLE_STOP.has(t.l) && j > i) break;
      const outlet = r.outletAt(j, to);
      if (outlet) {
        np.outlet ??= r.slice(outlet[0], outlet[1]);
        j = outlet[1];
        continue;
      }
      // "North Korea's state news agency": the possessor is not part of the role.
      if (/['’]s?$/.test(t.w) && t.w.length > 2) core.length = 0;
      else core.push(j);
      j++;
    }
    for (let k = j; k < to && np.place === null; k++) {
      const l = r.tok(k).l;
      const residents = /^(?:residents?|natives?|citizens?|people)$/.test(r.tok(k - 1).l);
      if (l === 'in' || l === 'from' || l === 'near' || l === 'at' || (l === 'of' && residents))
        np.place = readPlace(r, k + 1, to);
    }
    if (core.length === 0) continue;
    let h = core.length - 1;
    // A label after the role: "partner A", "Source 2".
    if (
      h > 0 &&
      /^(?:[A-Z]|\d{1,2})$/.test(r.tok(at(core, h)).w) &&
      isSpeakerHead(r.tok(at(core, h - 1)).l)
    ) {
      np.label = r.tok(at(core, h)).w;
      h--;
    }
    const head = r.tok(at(core, h));
    const lexical = core.some((k) => ROLES.has(singular(r.tok(k).l)));
    if (!lexical && core.every((k) => isCapitalised(r.tok(k).w))) {
      // "Kim Min-su", "John Park": a name, not a role.
      np.name ??= r.slice(at(core, 0), at(core, core.length - 1) + 1);
      continue;
    }
    if (np.role !== null || !isSpeakerHead(head.l)) continue;
    let role = r.slice(at(core, 0), at(core, core.length - 1) + 1);
    // A sentence's capital is not the role's: "Reporting partner A" is a "reporting partner A".
    if (core[0] === sentenceFrom) role = role.charAt(0).toLowerCase() + role.slice(1);
    np.role = role;
    np.head = singular(head.l);
    np.plural = isPlural(head.l);
  }
  return np;
}

const isValid = (np: NounPhrase): boolean =>
  np.pronoun !== null || np.role !== null || np.name !== null || np.outlet !== null;

/** Text after the phrase up to a colon, if the clause ends with one within a few words. */
function colonAfter(r: Reader, i: number, to: number): number | null {
  for (let k = i, n = 0; k < to && n <= 8; k++, n++) {
    const t = r.tok(k);
    if (t.t === PUNCT && t.w === ':') return k;
    if (t.t !== WORD || SPEECH.has(t.l) || t.l === 'that') return null;
  }
  return null;
}

/** The tail read for a time: words after the phrase up to punctuation, "that" or a quotation. */
function tailAfter(r: Reader, i: number, to: number): [number, number] {
  let k = i;
  while (k < to && k < i + 8 && r.tok(k).t === WORD && r.tok(k).l !== 'that') k++;
  return [i, k];
}

class SentenceReader {
  readonly found: Found[] = [];
  /** Tokens already inside a phrase (1, by index from the sentence's first): a verb there starts no second mention. */
  private readonly taken: Uint8Array;

  private readonly r: Reader;
  private readonly from: number;
  private readonly to: number;
  private readonly index: number;

  constructor(r: Reader, from: number, to: number, index: number) {
    this.r = r;
    this.from = from;
    this.to = to;
    this.index = index;
    this.taken = new Uint8Array(to - from);
  }

  private used(k: number): boolean {
    return this.taken[k - this.from] === 1;
  }

  private add(f: Omit<Found, 'sentence' | 'speaker'>, np: NounPhrase): void {
    if (!isValid(np)) return;
    this.taken.fill(1, f.from - this.from, f.to - this.from);
    this.found.push({ ...f, sentence: this.index, speaker: np });
  }

  private np(ranges: [number, number][]): NounPhrase {
    return readNounPhrase(this.r, ranges, this.from);
  }

  read(): Found[] {
    const { r, from, to } = this;
    // Pass 1: "according to X", "citing X", and agents after "by"; pass 2: speech verbs, which
    // skip what pass 1 took ("Police, citing witnesses, said").
    for (let i = from; i < to; i++) {
      const t = r.tok(i);
      if (t.t !== WORD) continue;
      if (t.l === 'according' && r.tok(i + 1).l === 'to') this.according(i, i + 2, 'according to');
      else if (t.l === 'citing' || t.l === 'quoting')
        this.according(i, i + 1, t.l === 'citing' ? 'citing' : 'quoted');
      else if (AGENT.has(t.l) && t.w === t.l && !this.used(i)) this.agent(i);
    }
    for (let i = from; i < to; i++) {
      const t = r.tok(i);
      if (t.t === WORD && SPEECH.has(t.l) && t.w === t.l && !this.used(i)) this.speech(i);
    }
    return this.found.sort((a, b) => a.from - b.from);
  }

  private according(i: number, npFrom: number, kind: MentionKind): void {
    const { r, to } = this;
    let end = r.npForward(npFrom, to);
    if (end <= npFrom) return;
    const ranges: [number, number][] = [[npFrom, end]];
    // "according to figures released by the Bank of Korea": the agent belongs to the phrase.
    if (AGENT.has(r.tok(end).l) && r.tok(end + 1).l === 'by') {
      const agentEnd = r.npForward(end + 2, to);
      if (agentEnd > end + 2) {
        ranges.push([end + 2, agentEnd]);
        end = agentEnd;
      }
    }
    const np = this.np(ranges);
    if (np.pronoun) return;
    const colon = r.tok(end).w === ':';
    this.add(
      {
        from: i,
        to: colon ? end + 1 : end,
        form: 'according',
        kind,
        np: ranges,
        tail: [end, end],
        outletRange: null,
        colon,
      },
      np,
    );
  }

  private agent(v: number): void {
    const { r, from, to } = this;
    // "taken by", or a short place between: "posted on social media by".
    let by = v + 1;
    if (r.tok(by).l !== 'by') {
      if (!PREPOSITIONS.has(r.tok(by).l)) return;
      while (by < to && by <= v + 5 && r.tok(by).t === WORD && r.tok(by).l !== 'by') by++;
    }
    if (r.tok(by).l !== 'by' || by >= to) return;
    const end = r.npForward(by + 1, to);
    if (end <= by + 1) return;
    const np = this.np([[by + 1, end]]);
    if (np.pronoun || (np.role === null && np.name === null && np.outlet === null)) return;
    // Where the phrase starts: "photos taken by", "It was reported by", "As previously reported by".
    let start = v;
    let k = v - 1;
    while (
      k >= from &&
      k > v - 4 &&
      r.tok(k).t === WORD &&
      (AUX_SKIP.has(r.tok(k).l) || /ly$/.test(r.tok(k).l))
    )
      k--;
    let sawBe = false;
    const auxFrom = k;
    while (
      k >= from &&
      k > auxFrom - 3 &&
      r.tok(k).t === WORD &&
      (BE.has(r.tok(k).l) || r.tok(k).l === 'has' || r.tok(k).l === 'had')
    ) {
      sawBe = true;
      k--;
    }
    // "could not be confirmed by Daily NK": a denial, not an attribution.
    const negation = r.tok(k).l;
    if (
      sawBe &&
      (negation === 'not' ||
        negation === 'never' ||
        negation.endsWith("n't") ||
        negation.endsWith('n’t'))
    )
      return;
    let media = false;
    let video = false;
    const before = r.tok(k);
    if (before?.t === WORD && (before.l === 'it' || before.l === 'this') && sawBe) start = k;
    else if (before?.t === WORD && before.l === 'as' && !sawBe) start = k;
    else {
      let m = k;
      while (m >= from && m > k - 3 && r.tok(m).t === WORD && MEDIA.has(r.tok(m).l)) {
        media = true;
        if (VIDEO.has(r.tok(m).l)) video = true;
        m--;
      }
      // "Residents interviewed by ASIAPRESS": a speaker just before the participle is its subject.
      if (
        !media &&
        !sawBe &&
        m === v - 1 &&
        m >= from &&
        r.tok(m).t === WORD &&
        isSpeakerHead(r.tok(m).l)
      ) {
        media = true;
        m--;
      }
      if (media) {
        if (m >= from && r.tok(m).t === WORD && DETERMINERS.has(r.tok(m).l)) m--;
        start = m + 1;
      }
    }
    let kind = AGENT.get(r.tok(v).l) as MentionKind;
    if (kind === 'photographed' && video) kind = 'filmed';
    this.add(
      {
        from: start,
        to: end,
        form: 'agent',
        kind,
        np: [[by + 1, end]],
        tail: tailAfter(r, end, to),
        outletRange: null,
        colon: false,
      },
      np,
    );
  }

  private speech(v: number): void {
    const { r, from, to } = this;
    const verb = r.tok(v);
    const kind = SPEECH.get(verb.l) as MentionKind;
    const prev = v > from ? r.tok(v - 1) : undefined;
    // "the reported price", "through reports", "were told to": not an attribution.
    if (prev?.t === WORD && (DETERMINERS.has(prev.l) || PREPOSITIONS.has(prev.l) || BE.has(prev.l)))
      return;
    // "said nothing", "said little": nothing is attributed.
    if (/^(?:nothing|little|anything)$/.test(r.tok(v + 1).l)) return;
    if (verb.l === 'told' || verb.l === 'tells' || verb.l === 'tell') {
      for (let k = v + 1; k < to && k <= v + 4; k++) {
        const t = r.tok(k);
        if (t.t !== WORD) break;
        if (t.l === 'to') return; // "told her children to stay inside": an order
      }
    }
    let k = v - 1;
    const skippable = (t: Token): boolean =>
      AUX_SKIP.has(t.l) || (/ly$/.test(t.l) && !ROLES.has(t.l));
    while (k >= from && k > v - 4 && r.tok(k).t === WORD && skippable(r.tok(k))) k--;
    // A comma before the verb may close an aside ("Police, citing witnesses, said") or a
    // quotation ("…, said Kim"): the speaker is read before, else after the verb.
    const comma = k === v - 1 && prev?.t === PUNCT && prev.w === ',';
    if (k < from || (r.tok(k).t !== WORD && !comma)) {
      this.inverted(v, kind);
      return;
    }
    const ranges = this.subjectBefore(k + 1);
    const np = ranges ? this.np(ranges) : null;
    if (!ranges || !np || !isValid(np)) {
      if (comma) this.inverted(v, kind);
      return;
    }
    if (verb.l === 'quoted') {
      this.quotedAsSaying(v, ranges);
      return;
    }
    // What follows the verb: the outlet or press told, then a colon or the tail read for a time.
    let end = v + 1;
    let outletRange: [number, number] | null = null;
    if (kind === 'told') {
      const obj = r.tok(end);
      const outlet = r.outletAt(end, to) ?? (obj?.l === 'the' ? r.outletAt(end + 1, to) : null);
      if (outlet) {
        outletRange = outlet;
        end = outlet[1];
      } else if (obj?.t === WORD && TOLD_OBJECTS.has(obj.l)) end++;
    }
    const colon = colonAfter(r, end, to);
    this.add(
      {
        from: at(ranges, 0)[0],
        to: colon === null ? end : colon + 1,
        form: 'subject',
        kind,
        np: ranges,
        tail: tailAfter(r, v + 1, to),
        outletRange,
        colon: colon !== null,
      },
      np,
    );
  }

  /** The speaker before a verb, read back to a clause boundary; appositives and asides skipped. */
  private subjectBefore(end: number): [number, number][] | null {
    const { r, from } = this;
    let j = end - 1;
    let count = 0;
    while (j >= from && count < 24) {
      const t = r.tok(j);
      count++;
      if (t.t === WORD) {
        // Another speech verb ends the speaker's phrase; "the report", "many reports" are nouns.
        const noun = j > from && DETERMINERS.has(r.tok(j - 1).l);
        const verb = SPEECH.has(t.l) && t.w === t.l && !noun && t.l !== 'quoted';
        if (CLAUSE.has(t.l) || verb) break;
      } else if (!(t.t === PUNCT && t.w === ',')) break;
      j--;
    }
    const truncated = count >= 24;
    // Segments between commas, from the last.
    const segments: [number, number][] = [];
    let segEnd = end;
    for (let k = end - 1; k > j; k--) {
      if (r.tok(k).t === PUNCT) {
        if (segEnd > k + 1) segments.unshift([k + 1, segEnd]);
        segEnd = k;
      }
    }
    if (segEnd > j + 1) segments.unshift([j + 1, segEnd]);
    if (truncated) segments.shift();
    const aside = ([a, b]: [number, number]): boolean => {
      const l = r.tok(a).l;
      if (/^(?:who|which|whose|citing|quoting|according|quoted)$/.test(l)) return true;
      if (b - a <= 2 && /^\d+$/.test(l)) return true; // an age: "John Park, 45,"
      for (let k = a; k < b; k++) if (this.used(k)) return true;
      return false;
    };
    let idx = segments.length - 1;
    while (idx >= 0 && aside(at(segments, idx))) idx--;
    if (idx < 0) return null;
    const [first, b] = at(segments, idx);
    let a = first;
    // Leading words that are not the speaker: "However", "In October a source".
    while (a < b && DISCOURSE.has(r.tok(a).l) && a === from) a++;
    if (a < b && PREPOSITIONS.has(r.tok(a).l)) {
      let d = a;
      while (d < b && !DETERMINERS.has(r.tok(d).l)) d++;
      if (d === b) return null;
      a = d;
    }
    if (a >= b || b - a > 12) return null;
    // A clause, not a speaker: "We were never told".
    for (let k = a; k < b; k++) if (BE.has(r.tok(k).l)) return null;
    const ranges: [number, number][] = [[a, b]];
    // An appositive after a name: "Kim Min-su, a spokesman", "John Park, 45, a trader".
    if (DETERMINERS.has(r.tok(a).l)) {
      let p = idx - 1;
      while (p >= 0 && aside(at(segments, p))) p--;
      const name = segments[p];
      if (name && name[1] - name[0] <= 4) {
        let allCaps = true;
        for (let k = name[0]; k < name[1]; k++)
          if (!isCapitalised(r.tok(k).w) || DISCOURSE.has(r.tok(k).l)) allCaps = false;
        if (allCaps && !PREPOSITIONS.has(r.tok(name[0]).l)) ranges.unshift(name);
      }
    }
    return ranges;
  }

  /** "said Kim Min-su, a spokesman for the ministry": the speaker after the verb. */
  private inverted(v: number, kind: MentionKind): void {
    const { r, from, to } = this;
    const prev = r.tok(v - 1);
    if (v - 1 >= from && !(prev && (prev.t === CLOSE || (prev.t === PUNCT && prev.w === ','))))
      return;
    const first = r.tok(v + 1);
    if (
      !first ||
      first.t !== WORD ||
      v + 1 >= to ||
      first.l === 'that' ||
      PREPOSITIONS.has(first.l)
    )
      return;
    const end = r.npForward(v + 1, to);
    if (end <= v + 1) return;
    const ranges: [number, number][] = [[v + 1, end]];
    let phraseEnd = end;
    if (r.tok(end).w === ',' && DETERMINERS.has(r.tok(end + 1).l)) {
      const more = r.npForward(end + 1, to);
      if (more > end + 1) {
        ranges.push([end + 1, more]);
        phraseEnd = more;
      }
    }
    this.add(
      {
        from: v,
        to: phraseEnd,
        form: 'inverted',
        kind,
        np: ranges,
        tail: tailAfter(r, phraseEnd, to),
        outletRange: null,
        colon: false,
      },
      this.np(ranges),
    );
  }

  /** "Radio Free Asia quoted a farmer in South Pyongan as saying": the farmer is the source. */
  private quotedAsSaying(v: number, subject: [number, number][]): void {
    const { r, to } = this;
    const end = r.npForward(v + 1, to);
    if (r.tok(end).l !== 'as' || r.tok(end + 1).l !== 'saying') return;
    this.add(
      {
        from: at(subject, 0)[0],
        to: end + 2,
        form: 'quoted',
        kind: 'quoted',
        np: [[v + 1, end]],
        tail: tailAfter(r, end + 2, to),
        outletRange: at(subject, subject.length - 1),
        colon: false,
      },
      this.np([[v + 1, end]]),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The text a mention governs, and back-references

/** How far back a back-reference looks, in mentions: keeps a pathological text linear. */
const LOOKBACK = 100;

/** Spans in order, those that overlap or are apart only by white space made one. */
function mergeSpans(text: string, spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    let gap = last ? last.end : 0;
    while (last && gap < s.start && isSpace(text.charCodeAt(gap))) gap++;
    if (last && s.start <= gap) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function placeKey(place: string): string {
  return place
    .toLowerCase()
    .replace(/\b(?:the|province|provinces|county|city|district|region|prefecture)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function placesCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  const x = placeKey(a);
  const y = placeKey(b);
  return x === y || x.includes(y) || y.includes(x);
}

/** Month and part of a month ("mid", "early") of a time, where it names one. */
function timeKey(time: string): { month: string | null; part: string | null } {
  const l = time.toLowerCase();
  const month = l.match(/[a-z]+/g)?.find((w) => MONTHS.has(w)) ?? null;
  const part = /\b(early|mid|late)\b/.exec(l)?.[1] ?? null;
  return { month: month === null ? null : month.slice(0, 3), part };
}

function timesCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  const x = timeKey(a);
  const y = timeKey(b);
  if (x.month === null || y.month === null) return true;
  if (x.month !== y.month) return false;
  return x.part === null || y.part === null || x.part === y.part;
}

const roleHead = (role: string): string => {
  const ws = role.toLowerCase().split(/\s+/);
  let last = ws[ws.length - 1] ?? '';
  if (/^(?:[a-z]|\d{1,2})$/.test(last) && ws.length > 1) last = ws[ws.length - 2] ?? '';
  return singular(last);
};
const roleLabel = (role: string): string | null => /\s([A-Z]|\d{1,2})$/.exec(role)?.[1] ?? null;
const sameText = (a: string | null, b: string | null): boolean =>
  a === null ||
  b === null ||
  a.toLowerCase().replace(/\s+/g, '') === b.toLowerCase().replace(/\s+/g, '');

/**
 * True when two roles may name one source: the same head ("reporting partner A", "reporting
 * partner"), or a generic one ("source") and a person; labels, where both have one, agree.
 */
function rolesCompatible(a: string, b: string): boolean {
  const la = roleLabel(a);
  const lb = roleLabel(b);
  if (la !== null && lb !== null && la !== lb) return false;
  const ha = roleHead(a);
  const hb = roleHead(b);
  if (ha === hb) return true;
  return (
    (GENERIC_ROLES.has(ha) && !NOT_HUMAN.has(hb)) || (GENERIC_ROLES.has(hb) && !NOT_HUMAN.has(ha))
  );
}

/**
 * Whether two mentions may be the same source ("possibly the same source"): the same outlet (the
 * mention's own, else the report's, given in `outlets`), compatible roles, places and times, no
 * different names. An outlet's own voice (no role, no name) matches only another of that outlet.
 * Pass descriptors already resolved through `refersTo` (see resolvedDescriptors).
 */
export function compatibleMentions(
  a: Pick<Mention, 'descriptor'>,
  b: Pick<Mention, 'descriptor'>,
  outlets: { a?: string | null; b?: string | null } = {},
): boolean {
  const x = a.descriptor;
  const y = b.descriptor;
  const oa = x.outlet ?? outlets.a ?? null;
  const ob = y.outlet ?? outlets.b ?? null;
  if (!sameText(oa, ob)) return false;
  if (!sameText(x.name, y.name)) return false;
  const personA = x.role !== null || x.name !== null;
  const personB = y.role !== null || y.name !== null;
  if (personA !== personB) return false;
  if (x.role !== null && y.role !== null && !rolesCompatible(x.role, y.role)) return false;
  return placesCompatible(x.place, y.place) && timesCompatible(x.time, y.time);
}

/** Each mention's descriptor with what it leaves unsaid filled from the mention it refers to. */
export function resolvedDescriptors(mentions: Mention[]): MentionDescriptor[] {
  const out: MentionDescriptor[] = [];
  for (const m of mentions) out.push(filledFrom(m, out));
  return out;
}

/** A mention's descriptor, its gaps filled from the resolved descriptor of what it refers to. */
function filledFrom(m: Mention, resolved: MentionDescriptor[]): MentionDescriptor {
  const earlier = m.refersTo === null ? undefined : resolved[m.refersTo];
  const d = m.descriptor;
  if (!earlier) return d;
  return {
    ...d,
    role: d.role ?? earlier.role,
    outlet: d.outlet ?? earlier.outlet,
    name: d.name ?? earlier.name,
    place: d.place ?? earlier.place,
  };
}

interface Draft {
  mention: Mention;
  found: Found;
  np: NounPhrase;
}

/**
 * Whether a definite phrase ("the reporting partner") can refer back to an earlier mention; with
 * `sameHead`, only to one of the same role ("the source" to a source, before any person).
 */
function definiteRefers(
  later: Draft,
  earlier: MentionDescriptor,
  earlierPlural: boolean,
  sameHead: boolean,
): boolean {
  const l = later.mention.descriptor;
  if (l.role === null)
    return l.outlet !== null && sameText(l.outlet, earlier.outlet) && earlier.role === null;
  if (earlier.role === null && earlier.name === null) return false;
  if (later.np.plural !== earlierPlural) return false;
  // "the source" may be the partner named before; "the man" is not the source named before.
  const head = roleHead(l.role);
  if (GENERIC_ROLES.has(head) && !sameHead) {
    if (earlier.role !== null && NOT_HUMAN.has(roleHead(earlier.role))) return false;
  } else if (earlier.role === null || roleHead(earlier.role) !== head) return false;
  const la = roleLabel(l.role);
  const lb = earlier.role === null ? null : roleLabel(earlier.role);
  if (la !== null && la !== lb) return false;
  return sameText(l.outlet, earlier.outlet) && placesCompatible(l.place, earlier.place);
}

function resolveReferences(drafts: Draft[], sentences: Sentence[]): void {
  const resolved: MentionDescriptor[] = [];
  const plural: boolean[] = [];
  const root: number[] = [];
  // What the pronoun rule asks of each earlier mention, computed once per mention.
  const person: boolean[] = [];
  drafts.forEach((d, i) => {
    const m = d.mention;
    if (m.anaphor === 'definite') {
      // "the source" is the nearest source if there is one, else the nearest person.
      for (const sameHead of [true, false]) {
        for (let k = i - 1; k >= 0 && k >= i - LOOKBACK && m.refersTo === null; k--)
          if (definiteRefers(d, at(resolved, k), at(plural, k), sameHead)) m.refersTo = k;
        if (m.refersTo !== null) break;
      }
    } else if (m.anaphor === 'pronoun') {
      // "he", "she", "they": only when one source is in sight (this paragraph and the one before).
      const para = at(sentences, d.found.sentence).para;
      const roots = new Set<number>();
      let nearest: number | null = null;
      for (let k = i - 1; k >= 0 && k >= i - LOOKBACK && roots.size < 2; k--) {
        if (at(sentences, at(drafts, k).found.sentence).para < para - 1) break;
        const fits = d.np.plural ? plural[k] === true || !person[k] : person[k] && !plural[k];
        const unresolved =
          at(drafts, k).mention.anaphor === 'pronoun' && at(drafts, k).mention.refersTo === null;
        if (!fits || unresolved) continue;
        roots.add(at(root, k));
        nearest ??= k;
      }
      if (roots.size === 1) m.refersTo = nearest;
    }
    const e = filledFrom(m, resolved);
    resolved.push(e);
    person.push(e.name !== null || (e.role !== null && !NOT_HUMAN.has(roleHead(e.role))));
    plural.push(m.refersTo === null ? d.np.plural : at(plural, m.refersTo));
    root.push(m.refersTo === null ? i : at(root, m.refersTo));
  });
}

/**
 * What each mention governs: its sentence (from its phrase on, for a speaker nested in another's
 * speech); the paragraph after a colon that ends its line; quotations that continue its
 * paragraph; and a paragraph that is only a quotation, right after the mention's paragraph.
 */
function assignGoverned(text: string, drafts: Draft[], sentences: Sentence[]): void {
  const sentenceSpan = (s: Sentence): Span => ({ start: s.start, end: s.end });
  const bySentence = new Map<number, Draft[]>();
  const lastInParagraph = new Map<number, number>();
  for (const d of drafts) {
    const list = bySentence.get(d.found.sentence);
    if (list) list.push(d);
    else bySentence.set(d.found.sentence, [d]);
    lastInParagraph.set(at(sentences, d.found.sentence).para, d.found.sentence);
  }
  const startsWithQuote = (s: Sentence): boolean => s.quote;
  // The first sentence after each sentence's paragraph, found once: scans stay linear.
  const paragraphEnd: number[] = new Array<number>(sentences.length);
  for (let k = sentences.length - 1; k >= 0; k--)
    paragraphEnd[k] =
      k + 1 < sentences.length && at(sentences, k + 1).para === at(sentences, k).para
        ? at(paragraphEnd, k + 1)
        : k + 1;
  const paraSentences = (from: number): number[] => {
    const out: number[] = [];
    for (let k = from; k < at(paragraphEnd, from); k++) out.push(k);
    return out;
  };

  for (const [si, list] of bySentence) {
    const span = sentenceSpan(at(sentences, si));
    // Nested: "A resident said a border guard told him that …": the inner speaker governs
    // what follows its phrase; the outer one the whole sentence.
    let outerEnd = Infinity;
    for (const d of list) {
      const inner = outerEnd <= d.mention.start;
      if (inner) {
        let from = d.mention.end;
        while (from < span.end && isSpace(text.charCodeAt(from))) from++;
        d.mention.governs.push({ start: from, end: span.end });
      } else d.mention.governs.push(span);
      if (d.found.form === 'subject') outerEnd = Math.min(outerEnd, d.mention.end);
    }
  }
  const governed = new Set<number>(bySentence.keys());
  for (const [si, list] of bySentence) {
    const s = at(sentences, si);
    // A colon at the end of the line: the next paragraph is what was said.
    const colonMention = list.find((d) => d.found.colon && d.mention.end === s.end);
    const next = sentences[si + 1];
    if (colonMention && next && next.para > s.para) {
      for (const k of paraSentences(si + 1)) {
        if (bySentence.has(k)) break;
        colonMention.mention.governs.push(sentenceSpan(at(sentences, k)));
        governed.add(k);
      }
    }
  }
  // Quotations continuing a mention's paragraph, then a paragraph that is only a quotation.
  for (const [si, list] of [...bySentence].sort((a, b) => a[0] - b[0])) {
    const speaker = list.findLast((d) => d.found.form !== 'agent');
    if (!speaker) continue;
    let k = si + 1;
    while (
      k < sentences.length &&
      at(sentences, k).para === at(sentences, si).para &&
      !governed.has(k) &&
      startsWithQuote(at(sentences, k))
    ) {
      speaker.mention.governs.push(sentenceSpan(at(sentences, k)));
      governed.add(k);
      k++;
    }
    k = Math.max(k, at(paragraphEnd, si));
    const next = sentences[k];
    const ownParagraphLast = lastInParagraph.get(at(sentences, si).para) === si;
    if (
      ownParagraphLast &&
      next &&
      next.para === at(sentences, si).para + 1 &&
      startsWithQuote(next) &&
      !governed.has(k)
    ) {
      const own = paraSentences(k);
      if (own.every((q) => !bySentence.has(q)))
        for (const q of own) {
          speaker.mention.governs.push(sentenceSpan(at(sentences, q)));
          governed.add(q);
        }
    }
  }
  for (const d of drafts) d.mention.governs = mergeSpans(text, d.mention.governs);
}

/**
 * The source mentions of a text, in order of position: each with its phrase, what it says of
 * the source, the text it governs and the earlier mention it refers back to.
 */
export function findMentions(text: string): Mention[] {
  const sentences = splitSentences(text);
  // Only sentences holding a trigger word are tokenised and read.
  const tokens: Token[] = [];
  const r = new Reader(text, tokens);
  const drafts: Draft[] = [];
  TRIGGER.lastIndex = 0;
  let hit = TRIGGER.exec(text);
  for (let index = 0; index < sentences.length && hit; index++) {
    const s = at(sentences, index);
    while (hit && hit.index < s.start) hit = TRIGGER.exec(text);
    if (!hit || hit.index >= s.end) continue;
    s.from = tokens.length;
    tokenize(text, s.start, s.end, tokens);
    s.to = tokens.length;
    TRIGGER.lastIndex = s.end;
    hit = TRIGGER.exec(text);
    for (const found of new SentenceReader(r, s.from, s.to, index).read()) {
      const np = found.speaker;
      let outlet = np.outlet;
      if (outlet === null && found.outletRange)
        outlet = readNounPhrase(r, [found.outletRange], s.from).outlet;
      let time: string | null = null;
      for (const [a, b] of found.np) time ??= readTime(r, a, b);
      time ??= readTime(r, found.tail[0], found.tail[1]);
      let place = np.place;
      const [ta, tb] = found.tail;
      if (
        place === null &&
        tb - ta >= 3 &&
        /^(?:living|based|residing)$/.test(r.tok(ta).l) &&
        r.tok(ta + 1).l === 'in'
      )
        place = readPlace(r, ta + 2, tb);
      const start = at(tokens, found.from).s;
      const end = at(tokens, found.to - 1).e;
      drafts.push({
        found,
        np,
        mention: {
          start,
          end,
          exact: text.slice(start, end),
          descriptor: { role: np.role, outlet, name: np.name, place, time, kind: found.kind },
          anaphor:
            np.pronoun !== null ? 'pronoun' : np.definite && np.name === null ? 'definite' : null,
          governs: [],
          refersTo: null,
        },
      });
    }
  }
  assignGoverned(text, drafts, sentences);
  resolveReferences(drafts, sentences);
  return drafts.map((d) => d.mention);
}
