// Suggested passages for the open claim: sentences of other reports that may support or
// contradict it (docs/suggestions.md), asked for on demand, accepted as evidence with a stance or
// rejected (not offered again for that claim).
import type { Suggestion } from '../../../shared/api.ts';
import type { Stance } from '../../../shared/vocabulary.ts';
import { call } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

export interface SuggestionsSlice {
  /** The suggestions shown, for which claim; null: none asked for. */
  suggestions: { claimId: number; items: Suggestion[]; loading: boolean } | null;
  loadSuggestions(claimId: number): Promise<void>;
  acceptSuggestion(suggestion: Suggestion, stance: Stance): Promise<void>;
  rejectSuggestion(suggestion: Suggestion): Promise<void>;
  clearSuggestions(): void;
}

/** A suggestion taken away from the list once it is decided. */
const without = (items: Suggestion[], s: Suggestion): Suggestion[] =>
  items.filter((i) => !(i.reportId === s.reportId && i.start === s.start && i.end === s.end));

export const createSuggestionsSlice: Slice<SuggestionsSlice> = (set, get) => ({
  suggestions: null,
  loadSuggestions: async (claimId) => {
    set({ suggestions: { claimId, items: [], loading: true } });
    const items = await guarded(get, () => call('compare.suggest', { claimId, limit: 10 }));
    // Only if the reviewer is still on that claim.
    if (get().suggestions?.claimId === claimId)
      set({ suggestions: { claimId, items: items ?? [], loading: false } });
  },
  acceptSuggestion: async (suggestion, stance) => {
    const current = get().suggestions;
    if (!current) return;
    const done = await guarded(get, () =>
      call('compare.accept', {
        claimId: current.claimId,
        reportId: suggestion.reportId,
        start: suggestion.start,
        end: suggestion.end,
        stance,
        // Possibly true until the reviewer grades it: the suggestion is the desk's, not a source's.
        credibility: 3,
      }),
    );
    if (!done) return;
    set({ suggestions: { ...current, items: without(current.items, suggestion) } });
    // The statuses' refresh opens the claim again, with its new evidence.
    await Promise.all([get().refreshClaimStatuses(), get().refreshUndo(), get().refreshReports()]);
  },
  rejectSuggestion: async (suggestion) => {
    const current = get().suggestions;
    if (!current) return;
    const done = await guarded(get, () =>
      call('compare.reject', {
        claimId: current.claimId,
        reportId: suggestion.reportId,
        start: suggestion.start,
        end: suggestion.end,
      }),
    );
    if (!done) return;
    set({ suggestions: { ...current, items: without(current.items, suggestion) } });
    await get().refreshUndo();
  },
  clearSuggestions: () => set({ suggestions: null }),
});
