import type { StateCreator } from 'zustand';
import type { ClaimsSlice } from './claims.ts';
import type { LibrarySlice } from './library.ts';
import type { ReaderSlice } from './reader.ts';
import type { SourcesSlice } from './sources.ts';
import type { UiSlice } from './ui.ts';

/**
 * The whole store: one slice per file, each owning its own state. A slice changes another's state
 * only through that slice's named actions, never by writing its fields.
 */
export type DeskState = LibrarySlice & ReaderSlice & UiSlice & ClaimsSlice & SourcesSlice;
export type Slice<T> = StateCreator<DeskState, [], [], T>;

/** Runs an action; a failure becomes the banner message instead of an unhandled rejection. */
export async function guarded<T>(
  get: () => DeskState,
  action: () => Promise<T>,
): Promise<T | null> {
  try {
    return await action();
  } catch (error) {
    get().showError((error as Error).message);
    return null;
  }
}
