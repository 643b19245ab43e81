// Passages the desk suggests for the open claim: sentences of other reports (other outlets first)
// that may say the same or the opposite, asked for on demand. Each is taken as evidence with a
// stance, or rejected and not offered again for this claim (docs/suggestions.md).
import type { ClaimDetail } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';

const HINT: Record<'supports' | 'contradicts', string> = {
  supports: 'reads as supporting',
  contradicts: 'reads as contradicting',
};

export function ClaimSuggestions({ claim }: { claim: ClaimDetail }) {
  const suggestions = useDesk((s) => s.suggestions);
  const load = useDesk((s) => s.loadSuggestions);
  const accept = useDesk((s) => s.acceptSuggestion);
  const reject = useDesk((s) => s.rejectSuggestion);
  const mine = suggestions?.claimId === claim.id ? suggestions : null;
  return (
    <section className="evidence-section suggestions" aria-label="Suggested passages">
      <h2>Suggested from other reports</h2>
      {!mine ? (
        <button type="button" onClick={() => void load(claim.id)}>
          Find passages in other reports
        </button>
      ) : mine.loading ? (
        <p className="muted small" role="status">
          Looking through the reports…
        </p>
      ) : mine.items.length === 0 ? (
        <p className="muted small" role="status">
          Nothing more to suggest: no other sentence says enough of what this claim says.
        </p>
      ) : (
        <ol className="suggestion-list">
          {mine.items.map((s) => (
            <li key={`${s.reportId}:${s.start}`} className="suggestion">
              <p className="suggestion-text">
                <span className="muted">…{s.prefix.slice(-40)}</span>
                <mark>{s.text}</mark>
                <span className="muted">{s.suffix.slice(0, 40)}…</span>
              </p>
              <p className="muted small">
                {s.reportTitle}
                {s.outlet ? ` · ${s.outlet}` : ''} · match {Math.round(s.score * 100)}%
                {s.stanceHint ? ` · ${HINT[s.stanceHint]}` : ''} — {s.reason}
              </p>
              <div className="suggestion-actions" role="group" aria-label="Take this passage as">
                <button type="button" onClick={() => void accept(s, 'supports')}>
                  Supports
                </button>
                <button type="button" onClick={() => void accept(s, 'contradicts')}>
                  Contradicts
                </button>
                <button type="button" onClick={() => void accept(s, 'context')}>
                  Context
                </button>
                <button type="button" className="link" onClick={() => void reject(s)}>
                  Not relevant
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
