import { useState } from 'react';
import type { ClaimDetail } from '../../../../shared/api.ts';
import { CREDIBILITY, type Credibility } from '../../../../shared/admiralty.ts';
import { useDesk } from '../../store/index.ts';
import { STATUS_MEANING, StatusBadge } from '../../ui/grades.tsx';

/** Each outlet's own voice folded into a named source on this claim, as "ASIAPRESS → partner A". */
function ownVoiceFolds(claim: ClaimDetail): string[] {
  const folds = new Set<string>();
  for (const g of [...claim.supporting, ...claim.contradicting])
    for (const step of g.via)
      if (step.endsWith(' (own voice)')) folds.add(`${step.slice(0, -12)} → ${g.name}`);
  return [...folds];
}

/** The computed status and suggested grade, side by side with the reviewer's verdict. */
export function Assessment({ claim }: { claim: ClaimDetail }) {
  const updateClaim = useDesk((s) => s.updateClaim);
  const [verdict, setVerdict] = useState(claim.verdict ?? '');
  const [rationale, setRationale] = useState(claim.verdictRationale);
  const n = claim.counts;
  const grade = claim.suggestedCredibility as Credibility;
  const folds = ownVoiceFolds(claim);
  return (
    <div className="assessment">
      <section className="computed" aria-label="Computed status">
        <h2>Computed from the evidence</h2>
        <p>
          <StatusBadge status={claim.status} />
        </p>
        <p className="status-meaning small">{STATUS_MEANING[claim.status]}</p>
        <p className="counts">
          <strong>{n.supportingOrigins}</strong> independent supporting{' '}
          {n.supportingOrigins === 1 ? 'origin' : 'origins'}
          {n.contradictingOrigins > 0 && (
            <>
              , <strong>{n.contradictingOrigins}</strong> contradicting
            </>
          )}
          <br />
          {n.passages} {n.passages === 1 ? 'passage' : 'passages'} · {n.reports}{' '}
          {n.reports === 1 ? 'report' : 'reports'} · {n.outlets}{' '}
          {n.outlets === 1 ? 'outlet' : 'outlets'}
        </p>
        <p>
          Suggested credibility:{' '}
          <strong>
            {grade} — {CREDIBILITY[grade]}
          </strong>
        </p>
        <p className="muted small">{claim.suggestionReason}</p>
        <p className="muted small own-voice">
          {folds.length > 0 ? (
            <>Counted with the named source they relay: {folds.join('; ')}. </>
          ) : null}
          A passage left on its report’s outlet is the outlet’s own voice. On a claim where that
          outlet’s named sources also speak, it is not an origin apart from them: it counts with
          them.
        </p>
      </section>
      <form
        className="verdict-form"
        aria-label="Reviewer’s verdict"
        onSubmit={(e) => {
          e.preventDefault();
          void updateClaim({
            id: claim.id,
            verdict: verdict === '' ? null : (verdict as 'verified'),
            verdictRationale: rationale,
          });
        }}
      >
        <h2>Reviewer’s verdict</h2>
        <select aria-label="Verdict" value={verdict} onChange={(e) => setVerdict(e.target.value)}>
          <option value="">No verdict yet</option>
          <option value="verified">Verified</option>
          <option value="refuted">Refuted</option>
          <option value="unresolved">Unresolved</option>
        </select>
        <textarea
          aria-label="Rationale"
          rows={3}
          placeholder="Why (the rationale is kept with the verdict)"
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
        />
        <button
          type="submit"
          className="primary"
          disabled={verdict === (claim.verdict ?? '') && rationale === claim.verdictRationale}
        >
          Save verdict
        </button>
      </form>
    </div>
  );
}

/** Possible shared origins among the evidence, each confirmed (counted once) or dismissed. */
export function Warnings({ claim }: { claim: ClaimDetail }) {
  const reviewWarning = useDesk((s) => s.reviewWarning);
  const decide = (w: ClaimDetail['warnings'][number], decision: 'confirmed' | 'dismissed') =>
    reviewWarning({ claimId: claim.id, passageA: w.passageA, passageB: w.passageB, decision });
  return (
    <section className="warnings" aria-label="Shared-origin warnings">
      {claim.warnings.map((w) => (
        <div
          key={`${w.passageA}-${w.passageB}`}
          className={`warning${w.confirmed ? ' confirmed' : ''}`}
          role="alert"
        >
          <p>
            <strong>{w.confirmed ? 'Confirmed shared origin' : 'Possible shared origin'}</strong>:
            near-identical wording ({Math.round(w.similarity * 100)}% of word sequences shared) in
            reports attributed to different origins.
          </p>
          <p>
            <q>{w.quoteA}</q> <span className="muted">— {w.reportA}</span>
          </p>
          <p>
            <q>{w.quoteB}</q> <span className="muted">— {w.reportB}</span>
          </p>
          {!w.confirmed && (
            <div className="form-actions">
              <button type="button" onClick={() => void decide(w, 'confirmed')}>
                Same origin: count once
              </button>
              <button type="button" onClick={() => void decide(w, 'dismissed')}>
                Independent: dismiss
              </button>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
