import { useState } from 'react';
import type { ClaimSummary } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { useClaimSearch } from '../../ui/useClaimSearch.ts';

/** Finds a duplicate claim by its words (a handful of matches) and merges it into this one. */
export function MergePicker({ claimId }: { claimId: number }) {
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
