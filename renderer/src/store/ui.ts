import { call } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

export type View = 'reports' | 'claims' | 'sources';

export interface UiSlice {
  theme: 'light' | 'dark';
  error: string | null;
  view: View;
  reviewer: string;
  /** What Undo would undo now, if anything. */
  undoLabel: string | null;
  toggleTheme(): void;
  showError(message: string | null): void;
  setView(view: View): void;
  loadSession(): Promise<void>;
  setReviewer(name: string): Promise<void>;
  /** Asks the desk what Undo would undo now (after any change). */
  refreshUndo(): Promise<void>;
  /** Undoes the last change, then shows again everything it may have touched. */
  undo(): Promise<void>;
}

const THEME_KEY = 'source-desk-theme';

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  view: 'reports',
  reviewer: '',
  undoLabel: null,
  setView: (view) => set({ view }),
  loadSession: async () => {
    await guarded(get, async () => {
      const [{ reviewer }, { next }] = await Promise.all([
        call('preferences.get', {}),
        call('session.status', {}),
      ]);
      set({ reviewer, undoLabel: next });
    });
  },
  setReviewer: async (name) => {
    await guarded(get, async () =>
      set({ reviewer: (await call('preferences.set', { reviewer: name })).reviewer }),
    );
  },
  refreshUndo: async () => {
    await guarded(get, async () => set({ undoLabel: (await call('session.status', {})).next }));
  },
  undo: async () => {
    const done = await guarded(get, () => call('session.undo', {}));
    if (done) set({ undoLabel: done.next });
    // An undone change can be to anything: sources, attributions, passages, claims.
    await Promise.all([get().loadSources(), get().refreshClaimStatuses(), get().reloadPassages()]);
  },
  theme:
    (localStorage.getItem(THEME_KEY) as 'light' | 'dark' | null) ??
    (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
  error: null,
  toggleTheme: () => {
    const theme = get().theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  showError: (error) => set({ error }),
});
