import { useEffect, useMemo, useRef, useState } from 'react';
import { CREDIBILITY_GRADES } from '../../../../shared/admiralty.ts';
import type {
  AttributionSuggestion,
  ClaimSummary,
  Output,
  Passage,
} from '../../../../shared/api.ts';
import type { Credibility } from '../../../../shared/admiralty.ts';
import type { Stance } from '../../../../shared/corroboration.ts';
import { useDesk } from '../../store/index.ts';
import { CredibilitySelect, STANCE_LABEL, StanceSelect, StatusBadge } from '../../ui/grades.tsx';
import { ClaimSearch } from '../../ui/ClaimSearch.tsx';
import type { SuggestedSource } from '../../store/reader.ts';
import { SuggestionList } from '../compare/SuggestionList.tsx';

/** Who the passage's information comes from: its report's outlet, or a named source. */
export function Attribution({ passage }: { passage: Passage }) {
  const sources = useDesk((s) => s.sources);
  const report = useDesk((s) => s.report);
  const attributePassage = useDesk((s) => s.attributePassage);
  const createSource = useDesk((s) => s.createSource);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const outletSource = sources.find((s) => s.kind === 'outlet' && s.outletName === report?.outlet);
  const attribute = (sourceId: number | null) => attributePassage(passage.id, sourceId);
  return (
    <div className="attribution">
      <Suggestion passage={passage} />
      <label>
        <span>Source of this passage</span>
        <select
          aria-label="Source of this passage"
          value={passage.sourceId ?? ''}
          onChange={(e) => void attribute(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">
            {report?.outlet ? `${report.outlet} (the report’s outlet)` : 'The report (no outlet)'}
          </option>
          {sources
            .filter((s) => s.kind === 'named')
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.outletName})
              </option>
            ))}
        </select>
      </label>
      {outletSource &&
        (adding ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void createSource({ outletId: outletSource.outletId, name: name.trim() }).then(
                (created) => {
                  if (created) void attribute(created.id);
                  setAdding(false);
                  setName('');
                },
              );
            }}
          >
            <input
              aria-label="New source name"
              placeholder={`A source of ${outletSource.outletName}`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
            />
            <button type="submit" disabled={!name.trim()}>
              Add
            </button>
          </form>
        ) : (
          <button type="button" className="link" onClick={() => setAdding(true)}>
            New named source…
          </button>
        ))}
    </div>
  );
}

/** The claims this passage is evidence for, and linking it to another (or a new) claim. */
export function PassageClaims({ passage }: { passage: Passage }) {
  const claims = useDesk((s) => s.claims);
  const linkEvidence = useDesk((s) => s.linkEvidence);
  const createClaim = useDesk((s) => s.createClaim);
  const openClaim = useDesk((s) => s.openClaim);
  const setView = useDesk((s) => s.setView);
  const claimsForPassage = useDesk((s) => s.claimsForPassage);
  const compareReports = useDesk((s) => s.compareReports);
  const [linked, setLinked] = useState<Output<'claims.forPassage'>>([]);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ClaimSummary | null>(null);
  const [stance, setStance] = useState<Stance>('supports');
  const [credibility, setCredibility] = useState<Credibility>(3);
  /** The proposition being written for a new claim (null: not asked). */
  const [proposing, setProposing] = useState<string | null>(null);
  const searchBox = useRef<HTMLDivElement>(null);
  const link = (): void => {
    if (!chosen) {
      // Nothing chosen yet: the key goes to the claim field, to find one.
      searchBox.current?.querySelector('input')?.focus();
      return;
    }
    void linkEvidence({ claimId: chosen.id, passageId: passage.id, stance, credibility }).then(
      () => {
        setChosen(null);
        setText('');
      },
    );
  };
  const propose = (): void =>
    setProposing(passage.exact.length > 300 ? `${passage.exact.slice(0, 299)}…` : passage.exact);
  const create = (proposition: string): void => {
    setProposing(null);
    void createClaim({
      text: proposition.trim(),
      tags: [],
      evidence: { passageId: passage.id, stance, credibility, note: '' },
    });
  };
  // The passage panel's keys, while a passage is open and no field has the keyboard.
  const keys = useRef({ link, propose });
  useEffect(() => {
    keys.current = { link, propose };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!panelKey(event)) return;
      const key = event.key.toLowerCase();
      const grade = Number(event.key) as Credibility;
      if (STANCE_KEYS[key]) setStance(STANCE_KEYS[key]);
      else if (CREDIBILITY_GRADES.includes(grade)) setCredibility(grade);
      else if (key === 'l') keys.current.link();
      else if (key === 'n') keys.current.propose();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    let live = true;
    void claimsForPassage(passage.id).then((list) => live && setLinked(list));
    return () => {
      live = false;
    };
  }, [passage.id, claims, claimsForPassage]);
  const show = async (id: number): Promise<void> => {
    setView('claims');
    await openClaim(id);
  };
  const linkedIds = useMemo(() => linked.map((l) => l.claimId), [linked]);
  return (
    <div className="passage-claims">
      <span className="label">Evidence for</span>
      {linked.length === 0 && <p className="muted small">No claim yet.</p>}
      <ul>
        {linked.map((l) => (
          <li key={l.evidenceId}>
            <button type="button" className="link" onClick={() => void show(l.claimId)}>
              {l.text}
            </button>{' '}
            <span className="small muted">
              {STANCE_LABEL[l.stance]} · {l.credibility}
            </span>{' '}
            <StatusBadge status={l.status} />
          </li>
        ))}
      </ul>
      <div className="link-form" role="group" aria-label="Use as evidence" ref={searchBox}>
        <ClaimSearch
          label="Claim"
          placeholder="Link to a claim: find it by its words…"
          exclude={linkedIds}
          limit={6}
          text={text}
          onText={setText}
          chosen={chosen}
          onChoose={setChosen}
        />
        <StanceSelect value={stance} onChange={setStance} />
        <CredibilitySelect value={credibility} onChange={setCredibility} />
        <p className="key-hint small muted">
          <kbd>S</kbd> supports · <kbd>C</kbd> contradicts · <kbd>X</kbd> context · <kbd>1</kbd>–
          <kbd>6</kbd> credibility · <kbd>L</kbd> link · <kbd>N</kbd> new claim
        </p>
        {proposing === null ? (
          <div className="form-actions">
            <button type="button" disabled={!chosen} onClick={link}>
              {chosen ? `Link as evidence for “${chosen.text}”` : 'Link as evidence'}
            </button>
            <button type="button" className="primary" onClick={propose}>
              New claim from passage
            </button>
          </div>
        ) : (
          <NewClaimForm initial={proposing} onCreate={create} onCancel={() => setProposing(null)} />
        )}
      </div>
      <SuggestionList
        target={{ passageId: passage.id }}
        claims={linked.map((l) => ({ id: l.claimId, text: l.text }))}
        what="this passage"
        ownReport={passage.reportId}
        onSideBySide={(s) =>
          void compareReports(
            [passage.reportId, s.reportId],
            [
              { reportId: passage.reportId, start: passage.start, end: passage.end },
              { reportId: s.reportId, start: s.start, end: s.end },
            ],
          )
        }
      />
    </div>
  );
}

/** Stance keys of the passage panel. */
const STANCE_KEYS: Record<string, Stance> = { s: 'supports', c: 'contradicts', x: 'context' };

/**
 * Asks for the claim's proposition: the quote is a start, selected so that typing replaces it,
 * since a claim is what the analyst states, not always the words of the report.
 */
function NewClaimForm({
  initial,
  onCreate,
  onCancel,
}: {
  initial: string;
  onCreate: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  return (
    <form
      className="new-claim"
      aria-label="New claim"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onCreate(text);
      }}
    >
      <label>
        <span>Proposition</span>
        <textarea
          ref={field}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim()) {
              e.preventDefault();
              onCreate(text);
            }
            if (e.key === 'Escape') {
              e.stopPropagation();
              onCancel();
            }
          }}
        />
      </label>
      <p className="small muted">What the claim states, in your words. Ctrl+Enter creates it.</p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!text.trim()}>
          Create claim
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The source the text itself names for the passage (the mention governing its words), offered
 * until the passage has it: accepted with one key (A) or one click. Mentions in the outlet's
 * other reports that may be the same source are offered to merge (same source) or keep apart.
 */
function Suggestion({ passage }: { passage: Passage }) {
  const suggestAttribution = useDesk((s) => s.suggestAttribution);
  const acceptSource = useDesk((s) => s.acceptSource);
  const keepApart = useDesk((s) => s.keepApart);
  const outlet = useDesk((s) => s.report?.outlet) ?? 'the report';
  const [suggestion, setSuggestion] = useState<AttributionSuggestion | null>(null);
  useEffect(() => {
    let live = true;
    void suggestAttribution(passage.id).then((s) => live && setSuggestion(s));
    return () => {
      live = false;
    };
  }, [passage.id, passage.sourceId, suggestAttribution]);
  const offer = suggestion?.mention ? suggestion : null;
  const target = targetOf(offer);
  const pending = target !== null && !('id' in target && target.id === passage.sourceId);
  const accept = useRef<() => boolean>(() => false);
  useEffect(() => {
    accept.current = () => {
      if (!pending || !target) return false;
      void acceptSource(passage.id, target);
      return true;
    };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key.toLowerCase() !== 'a' || !panelKey(event)) return;
      if (accept.current()) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!offer?.mention) return null;
  const alike = offer.alike;
  const name =
    offer.source?.name ??
    offer.newName ??
    (offer.unknownOutlet ? offer.unknownOutlet : `${outlet} (its own voice)`);
  return (
    <div className="suggestion" role="group" aria-label="Suggested source">
      <p>
        <span className="label">From the text</span>{' '}
        <q className="mention-quote">{offer.mention.exact}</q>
        {offer.from && (
          <>
            {' '}
            — refers back to <q className="mention-quote">{offer.from.exact}</q>
          </>
        )}
      </p>
      {offer.unknownOutlet ? (
        <p className="small muted">
          It names {offer.unknownOutlet}, which no report of this desk comes from: import one of its
          reports to attribute to it.
        </p>
      ) : pending ? (
        <div className="form-actions">
          <button
            type="button"
            className="primary"
            onClick={() => target && void acceptSource(passage.id, target)}
          >
            Attribute to “{name}” <kbd>A</kbd>
          </button>
          {offer.newName && <span className="small muted">a new named source</span>}
        </div>
      ) : (
        <p className="small muted">Attributed to {name}.</p>
      )}
      {alike.map((a) => (
        <div key={a.reportId} className="alike" role="group" aria-label="Possibly the same source">
          <p className="small">
            Possibly the same source: <q className="mention-quote">{a.exact}</q> in “{a.title}”
            {a.source ? ` (${a.source.name})` : ''}
          </p>
          <div className="form-actions">
            <button
              type="button"
              onClick={() => {
                const merged = sameSource(offer, a);
                if (merged) void acceptSource(passage.id, merged);
              }}
            >
              Same source
            </button>
            <button
              type="button"
              onClick={() =>
                void keepApart(passage.id, a).then((next) => next && setSuggestion(next))
              }
            >
              Keep apart
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}

/** What accepting the suggestion attributes the passage to; null when there is nothing to do. */
function targetOf(offer: AttributionSuggestion | null): SuggestedSource | null {
  if (!offer?.mention || offer.unknownOutlet) return null;
  if (offer.source) return { id: offer.source.id };
  if (offer.newName && offer.newOutletId !== null)
    return { newName: offer.newName, outletId: offer.newOutletId };
  // The report's own outlet speaking: the passage's default.
  return { id: null };
}

/**
 * "Same source" as another report's mention: the source one of the two already has (theirs
 * first), so that two mentions of one informant end as one source, never as a third.
 */
function sameSource(
  offer: AttributionSuggestion,
  other: AttributionSuggestion['alike'][number],
): SuggestedSource | null {
  const existing = other.source ?? offer.source;
  if (existing) return { id: existing.id };
  const newName = other.newName ?? offer.newName;
  return newName && offer.newOutletId !== null ? { newName, outletId: offer.newOutletId } : null;
}

/**
 * Whether a key press is the passage panel's: no dialog open, not held down, and the keyboard in
 * the panel's editor, the reader's text or nowhere in particular (not a field, list or button
 * elsewhere).
 */
function panelKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.repeat)
    return false;
  if (document.querySelector('[aria-modal="true"]')) return false;
  const target = event.target as HTMLElement;
  if (target.closest('input, textarea, select, [contenteditable]')) return false;
  return target === document.body || target.closest('.passage-editor, .report-text') !== null;
}
