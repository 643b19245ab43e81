import type { Input, Rating, SourceSummary } from '../../../shared/api.ts';
import { call } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

export interface SourcesSlice {
  sources: SourceSummary[];
  loadSources(): Promise<void>;
  /** A new named source; null when the desk refused it (the banner says why). */
  createSource(input: Input<'sources.create'>): Promise<SourceSummary | null>;
  /** Its name or what it cites: which claims count as independent may change. */
  updateSource(input: Input<'sources.update'>): Promise<void>;
  /** A new reliability grade: the suggested credibility of the claims it backs may change. */
  rateSource(input: Input<'sources.rate'>): Promise<void>;
  /** Every grade the source was given, newest first. */
  sourceHistory(id: number): Promise<Rating[]>;
}

export const createSourcesSlice: Slice<SourcesSlice> = (set, get) => {
  /** The source's new summary in the list, instead of a new list. */
  const patch = (source: SourceSummary): void =>
    set((s) => ({
      sources: s.sources.some((o) => o.id === source.id)
        ? s.sources.map((o) => (o.id === source.id ? source : o))
        : [...s.sources, source],
    }));
  /** A source changed: its claims' statuses may have moved, and it can be undone. */
  const after = async (source: SourceSummary): Promise<void> => {
    patch(source);
    await Promise.all([get().refreshClaimStatuses(), get().refreshUndo()]);
  };
  return {
    sources: [],
    loadSources: async () => {
      await guarded(get, async () => set({ sources: await call('sources.list', {}) }));
    },
    createSource: async (input) =>
      guarded(get, async () => {
        // New, it backs no claim yet: no status can have moved.
        const source = await call('sources.create', input);
        patch(source);
        await get().refreshUndo();
        return source;
      }),
    updateSource: async (input) => {
      await guarded(get, async () => after(await call('sources.update', input)));
    },
    rateSource: async (input) => {
      await guarded(get, async () => after(await call('sources.rate', input)));
    },
    sourceHistory: async (id) => (await guarded(get, () => call('sources.history', { id }))) ?? [],
  };
};
