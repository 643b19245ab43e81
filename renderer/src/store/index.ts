import { create } from 'zustand';
import { createClaimsSlice } from './claims.ts';
import { createCompareSlice } from './compare.ts';
import { createSuggestionsSlice } from './suggestions.ts';
import { createLibrarySlice } from './library.ts';
import { createPagesSlice } from './pages.ts';
import { createReaderSlice } from './reader.ts';
import { createSetsSlice } from './sets.ts';
import type { DeskState } from './slice.ts';
import { createSourcesSlice } from './sources.ts';
import { createUiSlice } from './ui.ts';

export type { DeskState } from './slice.ts';
export type { ClaimsQuery, ClaimsSlice } from './claims.ts';
export { CLAIMS_PAGE } from './claims.ts';
export type { CompareColumn, CompareSlice } from './compare.ts';
export type { SuggestionsSlice } from './suggestions.ts';
export { MAX_COMPARED, MAX_MATRIX_CLAIMS } from './compare.ts';
export type { LibrarySlice } from './library.ts';
export type { PagesSlice, PageViewState } from './pages.ts';
export { SEARCH_DELAY_MS } from './library.ts';
export type { ReaderSlice } from './reader.ts';
export type { PickedSet, SetsSlice } from './sets.ts';
export type { SourcesSlice } from './sources.ts';
export type { UiSlice, View } from './ui.ts';

/** The renderer's one store, composed of its slices. */
export const useDesk = create<DeskState>()((...a) => ({
  ...createLibrarySlice(...a),
  ...createReaderSlice(...a),
  ...createUiSlice(...a),
  ...createClaimsSlice(...a),
  ...createSourcesSlice(...a),
  ...createSetsSlice(...a),
  ...createCompareSlice(...a),
  ...createSuggestionsSlice(...a),
  ...createPagesSlice(...a),
}));
