import { splitMatches } from '../../../../shared/search.ts';

/** A search snippet with its matched words marked, built as React text (never HTML). */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="snippet">
      {splitMatches(text.replace(/\s+/g, ' ')).map((p, i) =>
        p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </span>
  );
}
