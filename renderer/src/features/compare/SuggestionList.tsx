// Passages the desk suggests for a claim or a passage: sentences of other reports (other outlets
// first) that may say the same or the opposite, asked for on demand (docs/suggestions.md). Each is
// taken as evidence for a claim with a stance, opened side by side, or rejected and not offered
// again for this claim or passage.
import { useState } from 'react';
import type { Suggestion } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { sameTarget, type SuggestionTarget } from '../../store/suggestions.ts';

const HINT: Record<'supports' | 'contradicts', string> = {
  supports: 'reads as supporting',
  contradicts: 'reads as contradicting',
};

export function SuggestionList({
  target,
  claims,
  what,
  onSideBySide,
  ownReport,
}: {
  target: SuggestionTarget;
  /** The claims a suggestion can be taken as evidence for (none: it can only be looked at). */
  claims: { id: number; text: string }[];
  /** "this claim", "this passage": what the suggestions are for, in the messages. */
  what: string;
  /** Opens the suggestion's report beside the one the passage is in (ownReport). */
  onSideBySide?: (suggestion: Suggestion) => void;
  ownReport?: number;
}) {
  const suggestions = useDesk((s) => s.suggestions);
  const load = useDesk((s) => s.loadSuggestions);
  const accept = useDesk((s) => s.acceptSuggestion);
  const reject = useDesk((s) => s.rejectSuggestion);
  const [claimId, setClaimId] = useState<number | null>(null);
  const mine = suggestions && sameTarget(suggestions.target, target) ? suggestions : null;
  // The claim chosen for taking suggestions, while it is still one of the claims.
  const forClaim = claims.find((c) => c.id === claimId) ?? claims[0];
  return (
    <section className="evidence-section suggestions" aria-label="Suggested passages">
      <h2>Suggested from other reports</h2>
      {!mine ? (
        <button type="button" onClick={() => void load(target)}>
          Find passages in other reports
        </button>
      ) : mine.loading ? (
        <p className="muted small" role="status">
          Looking through the reports…
        </p>
      ) : mine.items.length === 0 ? (
        <p className="muted small" role="status">
          Nothing more to suggest: no other sentence says enough of what {what} says.
        </p>
      ) : (
        <>
          {claims.length === 0 ? (
            <p className="muted small">
              Link {what} to a claim to take these as its evidence; meanwhile, read them side by
              side.
            </p>
          ) : (
            claims.length > 1 && (
              <label className="suggestion-claim">
                <span>Take as evidence for</span>
                <select value={forClaim?.id} onChange={(e) => setClaimId(Number(e.target.value))}>
                  {claims.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.text}
                    </option>
                  ))}
                </select>
              </label>
            )
          )}
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
                <div
                  className="suggestion-actions"
                  role="group"
                  aria-label={`Suggestion from ${s.reportTitle}`}
                >
                  {forClaim && (
                    <>
                      <button type="button" onClick={() => void accept(s, 'supports', forClaim.id)}>
                        Supports
                      </button>
                      <button
                        type="button"
                        onClick={() => void accept(s, 'contradicts', forClaim.id)}
                      >
                        Contradicts
                      </button>
                      <button type="button" onClick={() => void accept(s, 'context', forClaim.id)}>
                        Context
                      </button>
                    </>
                  )}
                  {onSideBySide && s.reportId !== ownReport && (
                    <button type="button" onClick={() => onSideBySide(s)}>
                      Side by side
                    </button>
                  )}
                  <button type="button" className="link" onClick={() => void reject(s)}>
                    Not relevant
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
