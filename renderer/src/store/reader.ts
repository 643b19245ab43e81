import type {
  AttributionSuggestion,
  Passage,
  Report,
  ReportMention,
  ReportOcr,
} from '../../../shared/api.ts';
import { call, toUploads } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

export interface ReaderSlice {
  reportId: number | null;
  report: Report | null;
  text: string;
  passages: Passage[];
  /** Who the open report's text says said what (marked quietly in the reader). */
  mentions: ReportMention[];
  /** How the open report's text was recognised by OCR (null: it was not); doubtful words marked. */
  ocr: ReportOcr | null;
  selectedPassageId: number | null;
  /** What the last new version did to the passages, shown until dismissed. */
  versionSummary: { file: string; moved: number; unchanged: number; orphaned: number } | null;
  openReport(id: number): Promise<void>;
  /** The open report's passages again (after an undo, which may have touched any of them). */
  reloadPassages(): Promise<void>;
  /** The report's new metadata, if it is the one open. */
  reportChanged(report: Report): void;
  /** The open report's details again (an undo may have put back its title or outlet). */
  reloadReport(): Promise<void>;
  importVersion(file: File): Promise<void>;
  dismissVersionSummary(): void;
  createPassage(start: number, end: number, exact: string): Promise<Passage | null>;
  updateNote(id: number, note: string): Promise<void>;
  /** Who the passage's information comes from: a named source, or (null) the report's outlet. */
  attributePassage(passageId: number, sourceId: number | null): Promise<void>;
  /** The source the mention governing the passage suggests, and mentions that may be the same. */
  suggestAttribution(passageId: number): Promise<AttributionSuggestion | null>;
  /**
   * Attributes the passage to a suggested source: one that exists (null: the report's outlet), or
   * one made now in the outlet the mention speaks for, under the name the mention gives.
   */
  acceptSource(passageId: number, source: SuggestedSource): Promise<void>;
  /**
   * The reviewer's decision that a mention of another report is not the passage's source: no
   * longer offered (undoable). The passage's suggestion without it; null if refused.
   */
  keepApart(
    passageId: number,
    other: { reportId: number; ordinal: number },
  ): Promise<AttributionSuggestion | null>;
  deletePassage(id: number): Promise<void>;
  selectPassage(id: number | null): void;
}

/** What accepting a suggestion attributes a passage to. */
export type SuggestedSource = { id: number | null } | { newName: string; outletId: number };

/** Accepting a suggestion is on its way: a second key press must not make the source twice. */
let accepting = false;

export const createReaderSlice: Slice<ReaderSlice> = (set, get) => {
  /** The passage's new state in the list, kept in reading order. */
  const patch = (passage: Passage): void =>
    set((s) => ({
      passages: sortPassages([...s.passages.filter((p) => p.id !== passage.id), passage]),
    }));
  /** A passage's new attribution: the claims it backs may change status, the sources' counts. */
  const attributed = async (passage: Passage): Promise<void> => {
    patch(passage);
    await Promise.all([get().refreshClaimStatuses(), get().loadSources(), get().refreshUndo()]);
  };
  return {
    reportId: null,
    report: null,
    text: '',
    passages: [],
    mentions: [],
    ocr: null,
    selectedPassageId: null,
    versionSummary: null,
    openReport: async (id) => {
      set({ reportId: id, selectedPassageId: null, versionSummary: null });
      await guarded(get, async () => {
        const [{ report, text }, passages, mentions, ocr] = await Promise.all([
          call('reports.get', { id }),
          call('passages.list', { reportId: id }),
          call('mentions.list', { reportId: id }),
          call('reports.ocr', { id }),
        ]);
        if (get().reportId === id) set({ report, text, passages, mentions, ocr });
      });
    },
    reloadPassages: async () => {
      const reportId = get().reportId;
      if (reportId === null) return;
      await guarded(get, async () => {
        const passages = await call('passages.list', { reportId });
        if (get().reportId === reportId) set({ passages });
      });
    },
    reportChanged: (report) => set((s) => (s.reportId === report.id ? { report } : {})),
    reloadReport: async () => {
      const id = get().reportId;
      if (id === null) return;
      await guarded(get, async () =>
        get().reportChanged((await call('reports.get', { id })).report),
      );
    },
    importVersion: async (file) => {
      const id = get().reportId;
      if (id === null) return;
      await guarded(get, async () => {
        const [upload] = await toUploads([file]);
        const summary = await call('reports.importVersion', {
          id,
          file: upload as { name: string; data: string },
        });
        await Promise.all([get().openReport(id), get().refreshReports()]);
        set({
          versionSummary: {
            file: file.name,
            moved: summary.moved,
            unchanged: summary.unchanged,
            orphaned: summary.orphaned.length,
          },
        });
      });
    },
    dismissVersionSummary: () => set({ versionSummary: null }),
    createPassage: async (start, end, exact) => {
      const reportId = get().reportId;
      if (reportId === null) return null;
      return guarded(get, async () => {
        const passage = await call('passages.create', { reportId, start, end, exact, note: '' });
        patch(passage);
        set({ selectedPassageId: passage.id });
        get().countPassages(reportId, +1);
        await get().refreshUndo();
        return passage;
      });
    },
    updateNote: async (id, note) => {
      await guarded(get, async () => patch(await call('passages.update', { id, note })));
    },
    attributePassage: async (passageId, sourceId) => {
      await guarded(get, async () =>
        attributed(await call('passages.attribute', { passageId, sourceId })),
      );
    },
    suggestAttribution: async (passageId) =>
      guarded(get, () => call('attribution.suggest', { passageId })),
    acceptSource: async (passageId, source) => {
      if (accepting) return;
      accepting = true;
      try {
        if ('id' in source) await get().attributePassage(passageId, source.id);
        else
          // The source made and the passage given it: one change, one undo step.
          await guarded(get, async () =>
            attributed(
              await call('attribution.accept', {
                passageId,
                newName: source.newName,
                outletId: source.outletId,
              }),
            ),
          );
      } finally {
        accepting = false;
      }
    },
    keepApart: async (passageId, { reportId, ordinal }) =>
      guarded(get, async () => {
        const suggestion = await call('attribution.keepApart', { passageId, reportId, ordinal });
        await get().refreshUndo();
        return suggestion;
      }),
    deletePassage: async (id) => {
      const reportId = get().reportId;
      await guarded(get, async () => {
        await call('passages.delete', { id });
        set((s) => ({
          passages: s.passages.filter((p) => p.id !== id),
          selectedPassageId: s.selectedPassageId === id ? null : s.selectedPassageId,
        }));
        if (reportId !== null) get().countPassages(reportId, -1);
        // Claims it was evidence for lose it.
        await Promise.all([get().refreshClaimStatuses(), get().refreshUndo()]);
      });
    },
    selectPassage: (id) => set({ selectedPassageId: id }),
  };
};

function sortPassages(passages: Passage[]): Passage[] {
  return [...passages].sort((a, b) => a.start - b.start || a.id - b.id);
}
