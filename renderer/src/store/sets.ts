import type {
  DuplicateDecision,
  ExportCounts,
  ExportFile,
  ExportFormat,
  Input,
  MergeConflict,
  MergeReport,
  Output,
} from '../../../shared/api.ts';
import { isReviewerRequired } from '../../../shared/api/session.ts';
import type { ClaimSetFilter } from '../../../shared/claim-set.ts';
import { ApiError, call } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

/** A colleague's claim set, read from the file the analyst picked. */
export interface PickedSet {
  fileName: string;
  content: string;
}

/** A format and the tags whose claims the export dialog opens on. */
export interface ExportPreset {
  format: ExportFormat;
  tags: string[];
}

export interface SetsSlice {
  /** True while the export dialog is open. */
  exportShown: boolean;
  /** How much an export with the dialog's filter holds; null while it is asked for. */
  exportCounts: ExportCounts | null;
  /** True while an export is being written. */
  exporting: boolean;
  /** The set being merged: previewed (a dry run) first, then merged with the reviewer's choices. */
  mergeFile: PickedSet | null;
  /** What the merge would do (dry run), or did (once applied); null before a file is picked. */
  mergeReport: MergeReport | null;
  /**
   * Why the desk refused the set (schema, version, a quote that contradicts its report…): shown in
   * the merge view, where the analyst is looking; the desk is as it was.
   */
  mergeError: string | null;
  /** True while the desk checks or merges the set. */
  merging: boolean;
  /** Every conflict merges left, the open ones first. */
  conflicts: MergeConflict[];
  /** Passages merged sets brought for reports this desk does not hold yet. */
  pending: Output<'sets.pending'>;
  /** What the export dialog opens on, when it is opened for something (a tag's matrix). */
  exportPreset: ExportPreset | null;
  showExport(shown: boolean, preset?: ExportPreset): void;
  /** Asks how much an export with this filter would hold (the last asked wins). */
  previewExport(filter: ClaimSetFilter | null): Promise<void>;
  /** The files of an export, or null when the desk refused it (the banner says why). */
  exportSet(input: {
    format: ExportFormat;
    filter: ClaimSetFilter | null;
    withTexts: boolean;
  }): Promise<ExportFile[] | null>;
  /** Checks a picked set against the desk without writing anything: the merge's preview. */
  previewMerge(file: PickedSet): Promise<void>;
  /** Merges the previewed set with the reviewer's choice for each likely duplicate. */
  applyMerge(duplicates: { id: string; decision: DuplicateDecision }[]): Promise<void>;
  /** Back to picking a file. */
  clearMerge(): void;
  loadConflicts(): Promise<void>;
  loadPending(): Promise<void>;
  /** Settles a conflict with the desk's value (`local`) or the set's (`incoming`). */
  resolveConflict(id: number, take: 'local' | 'incoming'): Promise<void>;
}

/** Counts preview requests: an answer for a filter changed since is dropped. */
let previewTicket = 0;

export const createSetsSlice: Slice<SetsSlice> = (set, get) => {
  /**
   * Runs a merge call; the desk's refusal is kept as the merge view's message instead of the
   * banner. A merge refused for want of a reviewer's name still asks for it (guarded) and runs again.
   */
  const merge = async (input: Input<'sets.merge'>): Promise<MergeReport | null> => {
    set({ merging: true, mergeError: null });
    try {
      return await guarded(get, async () => {
        try {
          return await call('sets.merge', input);
        } catch (error) {
          if (error instanceof ApiError && isReviewerRequired(error)) throw error;
          set({ mergeError: (error as Error).message });
          return null;
        }
      });
    } finally {
      set({ merging: false });
    }
  };
  /** A merge or a resolved conflict can touch any claim, source, report or passage. */
  const showAgain = async (): Promise<void> => {
    await Promise.all([
      get().loadSources(),
      get().refreshClaimStatuses(),
      get().refreshReports(),
      get().reloadPassages(),
      get().refreshUndo(),
    ]);
  };
  return {
    exportShown: false,
    exportCounts: null,
    exporting: false,
    mergeFile: null,
    mergeReport: null,
    mergeError: null,
    merging: false,
    conflicts: [],
    pending: [],
    exportPreset: null,
    showExport: (shown, preset) =>
      set({
        exportShown: shown,
        exportPreset: shown ? (preset ?? null) : null,
        ...(shown ? {} : { exportCounts: null }),
      }),
    previewExport: async (filter) => {
      const ticket = ++previewTicket;
      set({ exportCounts: null });
      await guarded(get, async () => {
        const counts = await call('sets.preview', { filter });
        if (ticket === previewTicket) set({ exportCounts: counts });
      });
    },
    exportSet: async (input) => {
      set({ exporting: true });
      try {
        return await guarded(get, async () => (await call('sets.export', input)).files);
      } finally {
        set({ exporting: false });
      }
    },
    previewMerge: async (file) => {
      set({ mergeFile: file, mergeReport: null });
      const report = await merge({ ...file, dryRun: true, duplicates: [] });
      // Another file picked meanwhile: its preview is the one shown.
      if (get().mergeFile === file) set({ mergeReport: report });
    },
    applyMerge: async (duplicates) => {
      const file = get().mergeFile;
      if (!file) return;
      const report = await merge({ ...file, dryRun: false, duplicates });
      if (!report) return;
      set({ mergeReport: report });
      if (report.changed)
        await Promise.all([showAgain(), get().loadConflicts(), get().loadPending()]);
    },
    clearMerge: () => set({ mergeFile: null, mergeReport: null, mergeError: null }),
    loadConflicts: async () => {
      await guarded(get, async () => set({ conflicts: await call('sets.conflicts', {}) }));
    },
    loadPending: async () => {
      await guarded(get, async () => set({ pending: await call('sets.pending', {}) }));
    },
    resolveConflict: async (id, take) => {
      await guarded(get, async () => {
        const resolved = await call('sets.resolve', { id, take });
        set((s) => ({ conflicts: s.conflicts.map((c) => (c.id === id ? resolved : c)) }));
        // Taking theirs changes a grade, stance or verdict: statuses may move; either is a change.
        await showAgain();
      });
    },
  };
};
