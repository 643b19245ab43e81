// Martin Porter's 1980 stemmer (the algorithm as published, as SQLite's FTS5 `porter` tokenizer
// implements it), so a word's stem here is the term the report index holds for it: the corpus's
// document frequencies are read from the index itself (./idf.ts). Lower-case ASCII words only;
// anything else is returned as it is, as FTS5 does.

const VOWEL = /[aeiou]/;

/** Consonant at i: not a vowel, and y only after a vowel (or at the start). */
function consonant(w: string, i: number): boolean {
  const c = w[i] as string;
  if (VOWEL.test(c)) return false;
  if (c === 'y') return i === 0 || !consonant(w, i - 1);
  return true;
}

/** m: the number of vowel-consonant sequences in w ([C](VC)^m[V]). */
function measure(w: string): number {
  let m = 0;
  let i = 0;
  const n = w.length;
  while (i < n && consonant(w, i)) i++;
  while (i < n) {
    while (i < n && !consonant(w, i)) i++;
    if (i >= n) break;
    while (i < n && consonant(w, i)) i++;
    m++;
  }
  return m;
}

const hasVowel = (w: string): boolean => {
  for (let i = 0; i < w.length; i++) if (!consonant(w, i)) return true;
  return false;
};

const doubleConsonant = (w: string): boolean =>
  w.length >= 2 && w.at(-1) === w.at(-2) && consonant(w, w.length - 1);

/** cvc, the second c not w, x or y: "hop", not "hoop" or "snow". */
function cvc(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  if (!consonant(w, n - 1) || consonant(w, n - 2) || !consonant(w, n - 3)) return false;
  return !/[wxy]$/.test(w);
}

/** Replaces `suffix` by `by` when the stem before it has m > `min`; null when the suffix is absent. */
function replace(w: string, suffix: string, by: string, min: number): string | null {
  if (!w.endsWith(suffix)) return null;
  const stem = w.slice(0, w.length - suffix.length);
  return measure(stem) > min ? stem + by : w;
}

const STEP2: [string, string][] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
];
const STEP3: [string, string][] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

/** The first (longest) suffix of the list that ends w decides; shorter ones are not tried. */
function firstSuffix(w: string, list: readonly [string, string][], min: number): string {
  for (const [suffix, by] of list) {
    const r = replace(w, suffix, by, min);
    if (r !== null) return r;
  }
  return w;
}
const STEP2_SORTED = [...STEP2].sort((a, b) => b[0].length - a[0].length);
const STEP3_SORTED = [...STEP3].sort((a, b) => b[0].length - a[0].length);
const STEP4_SORTED = [...STEP4].sort((a, b) => b.length - a.length);

export function porterStem(word: string): string {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  // Step 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);
  // Step 1b
  let second = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    second = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    second = true;
  }
  if (second) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (doubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && cvc(w)) w += 'e';
  }
  // Step 1c
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  // Steps 2 and 3
  w = firstSuffix(w, STEP2_SORTED, 0);
  w = firstSuffix(w, STEP3_SORTED, 0);
  // Step 4
  for (const suffix of STEP4_SORTED) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (measure(stem) > 1 && (suffix !== 'ion' || /[st]$/.test(stem))) w = stem;
    break;
  }
  // Step 5a
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !cvc(stem))) w = stem;
  }
  // Step 5b
  if (measure(w) > 1 && doubleConsonant(w) && w.endsWith('l')) w = w.slice(0, -1);
  return w;
}
