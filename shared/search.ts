// How search marks a matched term in a snippet: private-use characters around it, never HTML, so
// a snippet is shown as text (the page wraps each match in <mark>, the command line in brackets).

export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** A snippet cut at its markers: the runs of text, each saying whether it is a match. */
export function splitMatches(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = snippet;
  while (rest) {
    const open = rest.indexOf(MATCH_START);
    if (open < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    const close = rest.indexOf(MATCH_END, open);
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    parts.push({ text: rest.slice(open + 1, close < 0 ? undefined : close), match: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return parts;
}
