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
export function useClaimSearch(
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
