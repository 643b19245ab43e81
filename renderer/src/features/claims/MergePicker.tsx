import { useState } from 'react';
import type { ClaimSummary } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { ClaimSearch } from '../../ui/ClaimSearch.tsx';

/** Finds a duplicate claim by its words (a handful of matches) and merges it into this one. */
export function MergePicker({ claimId }: { claimId: number }) {
  const mergeClaim = useDesk((s) => s.mergeClaim);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ClaimSummary | null>(null);
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
      <ClaimSearch
        label="Merge a duplicate into this claim"
        placeholder="Merge a duplicate claim into this one: find it by its words…"
        exclude={[claimId]}
        text={text}
        onText={setText}
        chosen={chosen}
        onChoose={setChosen}
      />
      <div className="form-actions">
        <button type="submit" disabled={!chosen}>
          {chosen ? `Merge “${chosen.text}” into this claim` : 'Merge'}
        </button>
      </div>
    </form>
  );
}
