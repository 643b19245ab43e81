const START = '\uE000';
const END = '\uE001';

/** A search snippet with its matched words marked, built as React text (never HTML). */
export function Snippet({ text }: { text: string }) {
  const parts: { text: string; match: boolean }[] = [];
  let rest = text.replace(/\s+/g, ' ');
  while (rest) {
    const open = rest.indexOf(START);
    if (open < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    const close = rest.indexOf(END, open);
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    parts.push({ text: rest.slice(open + 1, close < 0 ? undefined : close), match: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return (
    <span className="snippet">
      {parts.map((p, i) =>
        p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </span>
  );
}
