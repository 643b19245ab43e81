import { call } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

/**
 * `merge`: a colleague's claim set merged, and the conflicts merges left. `compare`: two or three
 * reports side by side.
 */
export type View = 'reports' | 'claims' | 'sources' | 'merge' | 'compare';

/** What the last undo or redo did, shown briefly with the step that reverses it. */
export interface UndoNotice {
  text: string;
  /** The step offered next to the notice: redo what was undone, or undo what was redone. */
  offer: 'redo' | 'undo' | null;
}

export interface UiSlice {
  theme: 'light' | 'dark';
  error: string | null;
  view: View;
  reviewer: string;
  /** True while the reviewer's name is asked for (a change waits on it). */
  reviewerAsked: boolean;
  /** What Undo would undo now, if anything. */
  undoLabel: string | null;
  /** What Redo would make again now, if anything. */
  redoLabel: string | null;
  undoNotice: UndoNotice | null;
  /** True while the list of keyboard shortcuts is shown. */
  shortcutsShown: boolean;
  toggleTheme(): void;
  showError(message: string | null): void;
  setView(view: View): void;
  loadSession(): Promise<void>;
  setReviewer(name: string): Promise<void>;
  /**
   * Asks for the reviewer's name (a change was refused without one); true once a name is set,
   * false if the analyst cancelled. Asked once however many changes wait on it.
   */
  askReviewer(): Promise<boolean>;
  /** The name typed in the prompt, or null: cancelled. */
  answerReviewer(name: string | null): Promise<void>;
  /** Asks the desk what Undo and Redo would do now (after any change). */
  refreshUndo(): Promise<void>;
  /** Undoes the last change, then shows again everything it may have touched. */
  undo(): Promise<void>;
  /** Makes the last undone change again. */
  redo(): Promise<void>;
  dismissUndoNotice(): void;
  showShortcuts(shown: boolean): void;
}

const THEME_KEY = 'source-desk-theme';

/** Settles the changes waiting on the reviewer's name (one prompt for all of them). */
let reviewerWaiting: Promise<boolean> | null = null;
let settleReviewer: ((named: boolean) => void) | null = null;

export const createUiSlice: Slice<UiSlice> = (set, get) => {
  /** An undone or redone change can be to anything: sources, attributions, passages, claims. */
  const showAgain = async (): Promise<void> => {
    await Promise.all([
      get().loadSources(),
      get().refreshClaimStatuses(),
      get().reloadPassages(),
      // Any report's row: a passage made or deleted again, its details put back.
      get().refreshReports(),
      get().reloadReport(),
    ]);
  };
  return {
    view: 'reports',
    reviewer: '',
    reviewerAsked: false,
    undoLabel: null,
    redoLabel: null,
    undoNotice: null,
    shortcutsShown: false,
    setView: (view) => set({ view }),
    loadSession: async () => {
      await guarded(get, async () => {
        const [{ reviewer }, { next, nextRedo }] = await Promise.all([
          call('preferences.get', {}),
          call('session.status', {}),
        ]);
        set({ reviewer, undoLabel: next, redoLabel: nextRedo });
      });
    },
    setReviewer: async (name) => {
      await guarded(get, async () =>
        set({ reviewer: (await call('preferences.set', { reviewer: name })).reviewer }),
      );
    },
    askReviewer: () => {
      if (!reviewerWaiting) {
        reviewerWaiting = new Promise<boolean>((resolve) => {
          settleReviewer = resolve;
        });
        set({ reviewerAsked: true });
      }
      return reviewerWaiting;
    },
    answerReviewer: async (name) => {
      const named = name?.trim() ?? '';
      if (named) await get().setReviewer(named);
      const ok = named !== '' && get().reviewer.trim() !== '';
      // A name the desk refused leaves the prompt open, with the banner saying why.
      if (named !== '' && !ok) return;
      set({ reviewerAsked: false });
      const settle = settleReviewer;
      reviewerWaiting = null;
      settleReviewer = null;
      settle?.(ok);
    },
    refreshUndo: async () => {
      await guarded(get, async () => {
        const { next, nextRedo } = await call('session.status', {});
        set({ undoLabel: next, redoLabel: nextRedo });
      });
    },
    undo: async () => {
      const done = await guarded(get, () => call('session.undo', {}));
      if (!done) return;
      set({
        undoLabel: done.next,
        redoLabel: done.nextRedo,
        undoNotice: { text: done.notice, offer: done.undone ? 'redo' : null },
      });
      if (done.undone) await showAgain();
    },
    redo: async () => {
      const done = await guarded(get, () => call('session.redo', {}));
      if (!done) return;
      set({
        undoLabel: done.next,
        redoLabel: done.nextRedo,
        undoNotice: { text: done.notice, offer: done.redone ? 'undo' : null },
      });
      if (done.redone) await showAgain();
    },
    dismissUndoNotice: () => set({ undoNotice: null }),
    showShortcuts: (shown) => set({ shortcutsShown: shown }),
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
  };
};
