import { useState } from 'react';
import type { ClaimDetail, Evidence } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { CredibilitySelect, ReliabilityBadge, StanceSelect } from '../../ui/grades.tsx';
import { CompareClaimReports } from '../compare/ComparePick.tsx';

type Group = ClaimDetail['supporting'][number];

/** One stance's evidence, grouped by independent origin. */
export function EvidenceSection({ title, groups }: { title: string; groups: Group[] }) {
  const claim = useDesk((s) => s.claim);
  if (groups.length === 0) return null;
  // The claim's reports side by side, offered once: on its first section with evidence.
  const first =
    claim && [claim.supporting, claim.contradicting, claim.context].find((g) => g.length > 0);
  return (
    <section className="evidence-section" aria-label={`${title} evidence`}>
      <h2>
        {title} · {groups.length} {groups.length === 1 ? 'origin' : 'origins'}
        {claim && first === groups && <CompareClaimReports claim={claim} />}
      </h2>
      {groups.map((g) => (
        <article key={g.key} className="origin-group" aria-label={`Origin: ${g.name}`}>
          <header>
            <ReliabilityBadge grade={g.reliability} />
            <span className="origin-name">{g.name}</span>
            {g.outlet && g.outlet !== g.name && <span className="muted">{g.outlet}</span>}
            <span className="muted small">
              {g.evidence.length} {g.evidence.length === 1 ? 'passage' : 'passages'} in {g.reports}{' '}
              {g.reports === 1 ? 'report' : 'reports'}
            </span>
          </header>
          {g.via.length > 0 && <p className="via small muted">via {g.via.join('; ')}</p>}
          <ul>
            {g.evidence.map((e) => (
              <EvidenceRow key={`${e.id}:${e.note}`} evidence={e} />
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}

function EvidenceRow({ evidence: e }: { evidence: Evidence }) {
  const updateEvidence = useDesk((s) => s.updateEvidence);
  const unlinkEvidence = useDesk((s) => s.unlinkEvidence);
  const openPassage = useDesk((s) => s.openPassage);
  const [note, setNote] = useState(e.note);
  return (
    <li className="evidence">
      {/* The quote in its sentence: a few words either side, muted. */}
      <p className="evidence-quote">
        {e.contextBefore && <span className="quote-context">…{e.contextBefore}</span>}
        <q>{e.exact}</q>
        {e.contextAfter && <span className="quote-context">{e.contextAfter}…</span>}
      </p>
      <div className="evidence-meta">
        <button
          type="button"
          className="link"
          onClick={() => void openPassage(e.reportId, e.passageId)}
        >
          {e.reportTitle}
        </button>
        <span className="muted small">attributed to {e.sourceName}</span>
        {e.passageStatus === 'orphaned' && (
          <span className="warn small">passage orphaned in the current version</span>
        )}
      </div>
      <div className="evidence-controls">
        <StanceSelect
          value={e.stance}
          onChange={(stance) => void updateEvidence({ id: e.id, stance })}
        />
        <CredibilitySelect
          value={e.credibility}
          onChange={(credibility) => void updateEvidence({ id: e.id, credibility })}
        />
        <button type="button" onClick={() => void unlinkEvidence(e.id)}>
          Remove
        </button>
      </div>
      <input
        className="evidence-note"
        aria-label="Evidence note"
        placeholder="Note on this evidence (optional)"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onBlur={() => note !== e.note && void updateEvidence({ id: e.id, note })}
        onKeyDown={(event) => event.key === 'Enter' && (event.target as HTMLInputElement).blur()}
      />
    </li>
  );
}
