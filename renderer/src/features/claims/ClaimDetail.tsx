import { useEffect, useState } from 'react';
import type { AuditEntry, ClaimDetail, ClaimSummary, Evidence } from '../../../../shared/api.ts';
import { CREDIBILITY, type Credibility } from '../../../../shared/admiralty.ts';
import { call } from '../../api.ts';
import { useDesk } from '../../store/index.ts';
import { useClaimSearch } from '../../ui/useClaimSearch.ts';
import {
  CredibilitySelect,
  ReliabilityBadge,
  StanceSelect,
  StatusBadge,
} from '../../ui/grades.tsx';

type Group = ClaimDetail['supporting'][number];

export function ClaimDetailPanel() {
  const claim = useDesk((s) => s.claim);
  if (!claim) return <section className="claim-detail" aria-busy="true" />;
  return (
    <section className="claim-detail" aria-label="Claim">
      <ClaimHeader key={`h${claim.id}`} claim={claim} />
      {/* Keyed by the saved verdict: the form starts again from it after every change. */}
      <Assessment key={`a${claim.id}:${claim.verdict}:${claim.verdictRationale}`} claim={claim} />
      {claim.warnings.length > 0 && <Warnings claim={claim} />}
      <EvidenceSection title="Supporting" groups={claim.supporting} />
      <EvidenceSection title="Contradicting" groups={claim.contradicting} />
      <EvidenceSection title="Context" groups={claim.context} />
      <History claimId={claim.id} updatedAt={claim.updatedAt} />
    </section>
  );
}

function ClaimHeader({ claim }: { claim: ClaimDetail }) {
  const updateClaim = useDesk((s) => s.updateClaim);
  const deleteClaim = useDesk((s) => s.deleteClaim);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(claim.text);
  const [tags, setTags] = useState(claim.tags.join(', '));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = async (): Promise<void> => {
    const tagList = tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    await updateClaim({ id: claim.id, text, tags: tagList });
    setEditing(false);
  };
  return (
    <header className="claim-header">
      {editing ? (
        <form
          className="claim-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            <span>Claim</span>
            <textarea value={text} rows={2} onChange={(e) => setText(e.target.value)} />
          </label>
          <label>
            <span>Tags (comma-separated)</span>
            <input value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" className="primary">
              Save claim
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="report-title-row">
            <h1>{claim.text}</h1>
            <div className="header-actions">
              <button type="button" onClick={() => setEditing(true)}>
                Edit
              </button>
              {confirmDelete ? (
                <button type="button" className="danger" onClick={() => void deleteClaim(claim.id)}>
                  Delete with {claim.counts.passages} evidence links
                </button>
              ) : (
                <button type="button" onClick={() => setConfirmDelete(true)}>
                  Delete…
                </button>
              )}
            </div>
          </div>
          {claim.tags.length > 0 && (
            <p className="tags">{claim.tags.map((t) => `#${t}`).join(' ')}</p>
          )}
          <MergePicker claimId={claim.id} />
        </>
      )}
    </header>
  );
}

/** Finds a duplicate claim by its words (a handful of matches) and merges it into this one. */
function MergePicker({ claimId }: { claimId: number }) {
  const mergeClaim = useDesk((s) => s.mergeClaim);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ClaimSummary | null>(null);
  const words = text.trim();
  const { matches: shown, searched } = useClaimSearch(text, [claimId]);
  return (
    <form
      className="claim-picker"
      aria-label="Merge a duplicate"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen)
          void mergeClaim(claimId, chosen.id).then(() => {
            setChosen(null);
            setText('');
          });
      }}
    >
      <input
        type="search"
        aria-label="Merge a duplicate into this claim"
        placeholder="Merge a duplicate claim into this one: find it by its words…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setChosen(null);
        }}
      />
      {shown.length > 0 && (
        <ul aria-label="Matching claims">
          {shown.map((c) => (
            <li key={c.id}>
              <button type="button" aria-pressed={chosen?.id === c.id} onClick={() => setChosen(c)}>
                {c.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      {words && searched === words && shown.length === 0 && (
        <p className="muted small">No other claim matches.</p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={!chosen}>
          {chosen ? `Merge “${chosen.text}” into this claim` : 'Merge'}
        </button>
      </div>
    </form>
  );
}

/** The computed status and suggested grade, side by side with the reviewer's verdict. */
function Assessment({ claim }: { claim: ClaimDetail }) {
  const updateClaim = useDesk((s) => s.updateClaim);
  const [verdict, setVerdict] = useState(claim.verdict ?? '');
  const [rationale, setRationale] = useState(claim.verdictRationale);
  const n = claim.counts;
  const grade = claim.suggestedCredibility as Credibility;
  return (
    <div className="assessment">
      <section className="computed" aria-label="Computed status">
        <h2>Computed from the evidence</h2>
        <p>
          <StatusBadge status={claim.status} />
        </p>
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

function Warnings({ claim }: { claim: ClaimDetail }) {
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

function EvidenceSection({ title, groups }: { title: string; groups: Group[] }) {
  if (groups.length === 0) return null;
  return (
    <section className="evidence-section" aria-label={`${title} evidence`}>
      <h2>
        {title} · {groups.length} {groups.length === 1 ? 'origin' : 'origins'}
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
      <q>{e.exact}</q>
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

const ACTION_LABEL: Record<string, string> = {
  'claim.create': 'Created',
  'claim.update': 'Edited',
  'claim.verdict': 'Verdict',
  'claim.merge': 'Merged',
  'claim.delete': 'Deleted',
  'claim.shared-origin': 'Shared origin',
  'evidence.link': 'Evidence added',
  'evidence.update': 'Evidence changed',
  'evidence.unlink': 'Evidence removed',
};

function History({ claimId, updatedAt }: { claimId: number; updatedAt: string }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void call('claims.history', { id: claimId }).then((list) => live && setEntries(list));
    return () => {
      live = false;
    };
  }, [open, claimId, updatedAt]);
  return (
    <details className="history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>History</summary>
      <ol>
        {(entries ?? []).map((h) => (
          <li key={h.id}>
            <span className="muted small">
              {new Date(h.at).toLocaleString()} · {h.reviewer || 'unnamed reviewer'}
            </span>{' '}
            <strong>{ACTION_LABEL[h.action] ?? h.action}</strong>{' '}
            <Change before={h.before} after={h.after} />
          </li>
        ))}
      </ol>
    </details>
  );
}

/** What changed: the fields whose values differ, before struck through and after. */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !(k in a && k in b) || JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  const show = (value: unknown): string =>
    typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return (
    <span className="small">
      {keys.map((k) => (
        <span key={k} className="change">
          {k}: {k in b && <del>{show(b[k])}</del>} {k in a && <ins>{show(a[k])}</ins>}
        </span>
      ))}
    </span>
  );
}
