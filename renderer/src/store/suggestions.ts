// Suggested passages for the open claim or passage: sentences of other reports that may support
// or contradict it (docs/suggestions.md), asked for on demand, accepted as evidence for a claim
// with a stance or rejected (not offered again for that claim or passage).
import type { Suggestion } from '../../../shared/api.ts';
import type { Stance } from '../../../shared/vocabulary.ts';
import { call } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

/** What suggestions are for: a claim, or a passage. */
export type SuggestionTarget = { claimId: number } | { passageId: number };

export const sameTarget = (a: SuggestionTarget, b: SuggestionTarget): boolean =>
  'claimId' in a
    ? 'claimId' in b && a.claimId === b.claimId
    : 'passageId' in b && a.passageId === b.passageId;

export interface SuggestionsSlice {
  /** The suggestions shown, for what; null: none asked for. */
  suggestions: { target: SuggestionTarget; items: Suggestion[]; loading: boolean } | null;
  loadSuggestions(target: SuggestionTarget): Promise<void>;
  /** Takes the suggestion as evidence for the claim (the target's, or the one named). */
  acceptSuggestion(suggestion: Suggestion, stance: Stance, claimId?: number): Promise<void>;
  rejectSuggestion(suggestion: Suggestion): Promise<void>;
  clearSuggestions(): void;
}

/** A suggestion taken away from the list once it is decided. */
const without = (items: Suggestion[], s: Suggestion): Suggestion[] =>
  items.filter((i) => !(i.reportId === s.reportId && i.start === s.start && i.end === s.end));

/** Counts suggestion loads: only the last one asked for is shown (an earlier answer for the same
 * claim could bring back one rejected since). */
let ticket = 0;

export const createSuggestionsSlice: Slice<SuggestionsSlice> = (set, get) => ({
  suggestions: null,
  loadSuggestions: async (target) => {
    const mine = ++ticket;
    set({ suggestions: { target, items: [], loading: true } });
    const items = await guarded(get, () => call('compare.suggest', { ...target, limit: 10 }));
    if (mine === ticket) set({ suggestions: { target, items: items ?? [], loading: false } });
  },
  acceptSuggestion: async (suggestion, stance, claimId) => {
    const current = get().suggestions;
    const claim =
      claimId ?? (current && 'claimId' in current.target ? current.target.claimId : null);
    if (!current || claim === null) return;
    const done = await guarded(get, () =>
      call('compare.accept', {
        claimId: claim,
        reportId: suggestion.reportId,
        start: suggestion.start,
        end: suggestion.end,
        stance,
        // Possibly true until the reviewer grades it: the suggestion is the desk's, not a source's.
        credibility: 3,
      }),
    );
    if (!done) return;
    const now = get().suggestions;
    if (now && sameTarget(now.target, current.target))
      set({ suggestions: { ...now, items: without(now.items, suggestion) } });
    // The statuses' refresh opens the claim again, with its new evidence.
    await Promise.all([get().refreshClaimStatuses(), get().refreshUndo(), get().refreshReports()]);
    // The new passage shows in its report, if that is open in the reader or compared.
    await Promise.all([get().reloadPassages(), get().reloadCompareColumn(suggestion.reportId)]);
  },
  rejectSuggestion: async (suggestion) => {
    const current = get().suggestions;
    if (!current) return;
    const done = await guarded(get, () =>
      call('compare.reject', {
        ...current.target,
        reportId: suggestion.reportId,
        start: suggestion.start,
        end: suggestion.end,
      }),
    );
    if (!done) return;
    const now = get().suggestions;
    if (now && sameTarget(now.target, current.target))
      set({ suggestions: { ...now, items: without(now.items, suggestion) } });
    await get().refreshUndo();
  },
  clearSuggestions: () => {
    ticket++;
    set({ suggestions: null });
  },
});
