import type { StateCreator } from 'zustand';
import { isReviewerRequired } from '../../../shared/api/session.ts';
import { ApiError } from '../api.ts';
import type { ClaimsSlice } from './claims.ts';
import type { CompareSlice } from './compare.ts';
import type { LibrarySlice } from './library.ts';
import type { PagesSlice } from './pages.ts';
import type { ReaderSlice } from './reader.ts';
import type { SetsSlice } from './sets.ts';
import type { SourcesSlice } from './sources.ts';
import type { SuggestionsSlice } from './suggestions.ts';
import type { UiSlice } from './ui.ts';

/**
 * The whole store: one slice per file, each owning its own state. A slice changes another's state
 * only through that slice's named actions, never by writing its fields.
 */
export type DeskState = LibrarySlice &
  ReaderSlice &
  UiSlice &
  ClaimsSlice &
  SourcesSlice &
  SetsSlice &
  CompareSlice &
  SuggestionsSlice &
  PagesSlice;
export type Slice<T> = StateCreator<DeskState, [], [], T>;

/**
 * Runs an action; a failure becomes the banner message instead of an unhandled rejection. A change
 * refused because no reviewer is named asks for the name and, once given, runs again: the desk
 * refused it whole, so nothing of it was made the first time.
 */
export async function guarded<T>(
  get: () => DeskState,
  action: () => Promise<T>,
): Promise<T | null> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ApiError && isReviewerRequired(error)) {
      if (await get().askReviewer()) return guarded(get, action);
      get().showError('Nothing was changed: every change is recorded under a reviewer’s name.');
      return null;
    }
    get().showError((error as Error).message);
    return null;
  }
}
