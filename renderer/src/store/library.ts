import type {
  ClaimHit,
  ImportResult,
  NoteHit,
  Report,
  ReportListItem,
  ReportOrder,
  SearchHit,
} from '../../../shared/api.ts';
import { MAX_LIST_ITEMS } from '../../../shared/api.ts';
import { maxBytesFor, tooLargeMessage } from '../../../shared/limits.ts';
import { call, onDeskEvent, toUploads } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

export interface LibrarySlice {
  /** Every report's id in the library's order, and the outlets' runs over it. */
  reportIds: number[];
  outlets: ReportOrder['outlets'];
  /** The rows asked for so far (the library asks for the ones it shows), by report id. */
  reportRows: ReadonlyMap<number, ReportListItem>;
  loaded: boolean;
  query: string;
  /** The best matches of the query (null when there is no query) and how many reports match. */
  hits: SearchHit[] | null;
  hitTotal: number;
  /** The claims and passage notes that match the same query. */
  claimHits: ClaimHit[];
  noteHits: NoteHit[];
  /** The query `hits` answer, which trails `query` while the analyst types. */
  hitQuery: string;
  /** Files done of the page's current import; `offset`: files in the batches already sent. */
  importing: { done: number; total: number; offset: number } | null;
  /** The page OCR is on in a scan or an image being imported (issue 12); null when none. */
  ocrProgress: { file: string; page: number; pages: number } | null;
  importResults: ImportResult[] | null;
  /** The library's order again (after an import, a changed outlet or date). */
  loadReports(): Promise<void>;
  /** Asks for the rows of these reports that are not loaded or on their way. */
  showReports(ids: readonly number[]): Promise<void>;
  /**
   * The order and the rows in view read again, every other row forgotten (read again when shown):
   * after a change that may touch any report's row (another desk opened, a new version, an undo).
   */
  refreshReports(): Promise<void>;
  search(query: string): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  /** Stops the OCR under way: that file is rejected as cancelled, the others import. */
  cancelOcr(): Promise<void>;
  /**
   * Follows what the desk announces (import progress, imports started elsewhere, the desk opened
   * again); returns the function that stops following.
   */
  followDesk(): () => void;
  loadDemo(): Promise<void>;
  dismissImportResults(): void;
  updateReport(
    id: number,
    patch: Partial<
      Pick<Report, 'title' | 'outlet' | 'byline' | 'publishedAt' | 'url' | 'language'>
    >,
  ): Promise<void>;
  /** A passage added to or removed from a report: its row's count follows. */
  countPassages(reportId: number, delta: number): void;
}

/** How long typing must pause before the desk is searched. */
export const SEARCH_DELAY_MS = 150;
/** Counts calls to `search`: a call that is no longer the latest neither asks nor shows. */
let searchTicket = 0;
/** Reports whose rows are on their way, so a row in view is asked for once. */
const asked = new Set<number>();
/** Counts the times every row was forgotten: rows asked for before are dropped on arrival. */
let rowsGeneration = 0;
/** The reports the library last asked rows for: those in view and a screenful either way. */
let inView: readonly number[] = [];

/** The rows with these added or replaced (a row carries the fields the library shows). */
function withRows(
  rows: ReadonlyMap<number, ReportListItem>,
  items: readonly ReportListItem[],
): Map<number, ReportListItem> {
  const next = new Map(rows);
  for (const { id, title, outlet, byline, publishedAt, passageCount } of items)
    next.set(id, { id, title, outlet, byline, publishedAt, passageCount });
  return next;
}

export const createLibrarySlice: Slice<LibrarySlice> = (set, get) => ({
  reportIds: [],
  outlets: [],
  reportRows: new Map(),
  loaded: false,
  query: '',
  hits: null,
  hitTotal: 0,
  claimHits: [],
  noteHits: [],
  hitQuery: '',
  importing: null,
  ocrProgress: null,
  importResults: null,
  loadReports: async () => {
    await guarded(get, async () => {
      const { ids, outlets } = await call('reports.list', {});
      set({ reportIds: ids, outlets, loaded: true });
    });
  },
  showReports: async (ids) => {
    inView = ids;
    const { reportRows } = get();
    const missing = ids.filter((id) => !reportRows.has(id) && !asked.has(id));
    if (missing.length === 0) return;
    for (const id of missing) asked.add(id);
    const generation = rowsGeneration;
    await guarded(get, async () => {
      try {
        const items: ReportListItem[] = [];
        for (let at = 0; at < missing.length; at += MAX_LIST_ITEMS)
          items.push(
            ...(await call('reports.items', { ids: missing.slice(at, at + MAX_LIST_ITEMS) })),
          );
        // Rows asked for before the rows were forgotten may be another desk's, or stale.
        if (generation === rowsGeneration)
          set((s) => ({ reportRows: withRows(s.reportRows, items) }));
      } finally {
        if (generation === rowsGeneration) for (const id of missing) asked.delete(id);
      }
    });
  },
  refreshReports: async () => {
    const generation = ++rowsGeneration;
    asked.clear();
    const shown = inView.slice(0, MAX_LIST_ITEMS);
    await guarded(get, async () => {
      const [{ ids, outlets }, items] = await Promise.all([
        call('reports.list', {}),
        shown.length > 0 ? call('reports.items', { ids: shown }) : [],
      ]);
      if (generation !== rowsGeneration) return;
      set({ reportIds: ids, outlets, loaded: true, reportRows: withRows(new Map(), items) });
    });
  },
  search: async (query) => {
    const ticket = ++searchTicket;
    set({ query });
    if (!query.trim()) return set({ hits: null, hitQuery: '' });
    // Asked once typing pauses, not at every key; only the latest call's answer is shown.
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS));
    if (ticket !== searchTicket) return;
    await guarded(get, async () => {
      const { hits, total, claims, notes } = await call('reports.search', { query });
      if (ticket === searchTicket)
        set({ hits, hitTotal: total, claimHits: claims, noteHits: notes, hitQuery: query });
    });
  },
  importFiles: async (files) => {
    if (files.length === 0) return;
    set({ importing: { done: 0, total: files.length, offset: 0 } });
    await guarded(get, async () => {
      // Sent in batches, so a large drop never exceeds one request's size or the contract's limit.
      const results: ImportResult[] = [];
      for (const batch of batches(files)) {
        results.push(...(await importBatch(batch)));
        set({ importing: { done: results.length, total: files.length, offset: results.length } });
      }
      set({ importResults: results });
      await get().loadReports();
      const first = results.find((r) => r.status === 'imported');
      if (first?.reportId) await get().openReport(first.reportId);
    });
    set({ importing: null, ocrProgress: null });
  },
  cancelOcr: async () => {
    await guarded(get, async () => {
      await call('reports.cancelOcr', {});
    });
  },
  followDesk: () =>
    onDeskEvent((event) => {
      // Progress within the batch being imported, counted over the whole import.
      if (event.type === 'import.progress')
        set((s) =>
          s.importing
            ? { importing: { ...s.importing, done: s.importing.offset + event.done } }
            : {},
        );
      if (event.type === 'ocr.progress')
        set({ ocrProgress: { file: event.file, page: event.page, pages: event.pages } });
      // Another desk: its ids are not this one's, so no row is kept.
      if (event.type === 'desk.changed' && event.reason === 'open') void get().refreshReports();
      if (event.type === 'import.results') {
        set({ importResults: event.results });
        void get().loadReports();
      }
    }),
  loadDemo: async () => {
    await guarded(get, async () => {
      const results = await call('demo.load', {});
      set({ importResults: results });
      await get().loadReports();
    });
  },
  dismissImportResults: () => set({ importResults: null }),
  updateReport: async (id, patch) => {
    await guarded(get, async () => {
      const report = await call('reports.update', { id, patch });
      set((s) => ({ reportRows: withRows(s.reportRows, [report]) }));
      get().reportChanged(report);
      // Its outlet or date can move it in the library's order.
      await get().loadReports();
    });
  },
  countPassages: (reportId, delta) =>
    set((s) => {
      const row = s.reportRows.get(reportId);
      if (!row) return {};
      return {
        reportRows: withRows(s.reportRows, [{ ...row, passageCount: row.passageCount + delta }]),
      };
    }),
});

const BATCH_FILES = 50;
const BATCH_BYTES = 24 * 1024 * 1024;

/**
 * Imports one batch and gives every file of it a result, in order: a file over the size limit is
 * refused here without being sent, and a batch the desk could not take (an upload refused, the
 * desk gone) gives each of its files that reason, so no file goes unaccounted for.
 */
async function importBatch(batch: File[]): Promise<ImportResult[]> {
  const tooLarge = (f: File): boolean => f.size > maxBytesFor(f.name);
  const toSend = batch.filter((f) => !tooLarge(f));
  let sent: ImportResult[];
  try {
    sent =
      toSend.length > 0 ? await call('reports.import', { files: await toUploads(toSend) }) : [];
  } catch (error) {
    const message = (error as Error).message;
    sent = toSend.map((f) => ({ file: f.name, status: 'rejected', message }));
  }
  let next = 0;
  return batch.map((f) =>
    tooLarge(f)
      ? { file: f.name, status: 'rejected', message: tooLargeMessage(f.size, maxBytesFor(f.name)) }
      : (sent[next++] as ImportResult),
  );
}

/** Groups files into upload batches of at most 50 files or 24 MiB (a larger file goes alone). */
function batches(files: File[]): File[][] {
  const out: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= BATCH_FILES || bytes + file.size > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
