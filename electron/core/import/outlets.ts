/** One key per outlet however its name is spaced or cased: "DailyNK", "Daily NK" → "dailynk". */
export function outletKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Outlets covering North Korea whose house spelling we know; others keep the spelling given. */
const KNOWN_OUTLETS = [
  'Daily NK',
  'ASIAPRESS',
  'NK News',
  'Radio Free Asia',
  'Yonhap',
  'KCNA',
  'Rodong Sinmun',
  'Voice of America',
  '38 North',
] as const;

const byKey = new Map<string, string>(KNOWN_OUTLETS.map((name) => [outletKey(name), name]));

/** The house spelling of a known outlet, or the name as given (trimmed). */
export function canonicalOutlet(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return byKey.get(outletKey(trimmed)) ?? trimmed;
}

const SELF_REFERENCE = new RegExp(
  String.raw`\b(${KNOWN_OUTLETS.map((name) => name.replace(/ /g, String.raw`\s?`)).join('|')})(?:'s|’s)?\s+` +
    String.raw`(?:sources?|reporting partners?|correspondents?|reporters?)\b`,
  'gi',
);

/** Known outlets named in `text` as the employer of a source ("a Daily NK source", "ASIAPRESS reporting partner"). */
export function selfReferencedOutlets(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SELF_REFERENCE)) found.add(canonicalOutlet(match[1] ?? ''));
  return [...found];
}
