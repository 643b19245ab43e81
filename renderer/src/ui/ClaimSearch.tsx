import { useEffect, useState } from 'react';
import type { ClaimSummary } from '../../../shared/api.ts';
import { useDesk } from '../store/index.ts';

/** How long typing in a claim picker must pause before the desk is searched. */
const PICKER_DELAY_MS = 150;

/**
 * Claims whose words match what the analyst types in a picker, a handful at a time and found by
 * the desk (the loaded list holds one page of a case's claims, not all of them). `exclude` leaves
 * out claims the picker cannot offer (the claim itself, claims already linked). `searched` is the
 * text the shown matches answer, so "no match" is said only once the desk has answered.
 */
function useClaimSearch(
  text: string,
  exclude: readonly number[] = [],
  limit = 8,
): { matches: ClaimSummary[]; searched: string } {
  const findClaims = useDesk((s) => s.findClaims);
  const [found, setFound] = useState<{ searched: string; claims: ClaimSummary[] }>({
    searched: '',
    claims: [],
  });
  const needle = text.trim();
  const excluded = exclude.join(',');
  useEffect(() => {
    if (!needle) return;
    let live = true;
    const timer = setTimeout(() => {
      const skip = new Set(excluded.split(',').filter(Boolean).map(Number));
      void findClaims(needle, limit + skip.size).then(
        (claims) =>
          live &&
          setFound({
            searched: needle,
            claims: claims.filter((c) => !skip.has(c.id)).slice(0, limit),
          }),
      );
    }, PICKER_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [needle, excluded, limit, findClaims]);
  // Matches of earlier words are not shown once the field is cleared.
  return needle
    ? { matches: found.claims, searched: found.searched }
    : { matches: [], searched: '' };
}

/**
 * A claim picker: a search field and the claims whose words match under it, one of which the
 * analyst chooses. Controlled: the caller holds the text and the choice, and acts on it.
 */
export function ClaimSearch({
  label,
  placeholder,
  exclude,
  limit,
  text,
  onText,
  chosen,
  onChoose,
}: {
  label: string;
  placeholder: string;
  exclude?: readonly number[];
  limit?: number;
  text: string;
  onText: (text: string) => void;
  chosen: ClaimSummary | null;
  onChoose: (claim: ClaimSummary | null) => void;
}) {
  const { matches, searched } = useClaimSearch(text, exclude, limit);
  const words = text.trim();
  return (
    <>
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          onChoose(null);
        }}
      />
      {matches.length > 0 && (
        <ul className="claim-matches" aria-label="Matching claims">
          {matches.map((c) => (
            <li key={c.id}>
              <button type="button" aria-pressed={chosen?.id === c.id} onClick={() => onChoose(c)}>
                {c.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      {words && searched === words && matches.length === 0 && (
        <p className="muted small">No other claim matches.</p>
      )}
    </>
  );
}
