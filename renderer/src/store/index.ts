import { create, type StateCreator } from 'zustand';
import type {
  ClaimDetail,
  ClaimSummary,
  Input,
  Passage,
  SourceSummary,
} from '../../../shared/api.ts';
import type { ImportResult, Report, SearchHit } from '../../../shared/model.ts';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../../shared/limits.ts';
import { call, toUploads } from '../api.ts';

export interface LibrarySlice {
  reports: Report[];
  loaded: boolean;
  query: string;
  /** The best matches of the query (null when there is no query) and how many reports match. */
  hits: SearchHit[] | null;
  hitTotal: number;
  /** The query `hits` answer, which trails `query` while the analyst types. */
  hitQuery: string;
  /** Files done of the page's current import; `offset`: files in the batches already sent. */
  importing: { done: number; total: number; offset: number } | null;
  importResults: ImportResult[] | null;
  loadReports(): Promise<void>;
  search(query: string): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  loadDemo(): Promise<void>;
  dismissImportResults(): void;
  updateReport(
    id: number,
    patch: Partial<
      Pick<Report, 'title' | 'outlet' | 'byline' | 'publishedAt' | 'url' | 'language'>
    >,
  ): Promise<void>;
}

export interface ReaderSlice {
  reportId: number | null;
  report: Report | null;
  text: string;
  passages: Passage[];
  selectedPassageId: number | null;
  /** What the last new version did to the passages, shown until dismissed. */
  versionSummary: { file: string; moved: number; unchanged: number; orphaned: number } | null;
  openReport(id: number): Promise<void>;
  importVersion(file: File): Promise<void>;
  dismissVersionSummary(): void;
  createPassage(start: number, end: number, exact: string): Promise<Passage | null>;
  updateNote(id: number, note: string): Promise<void>;
  deletePassage(id: number): Promise<void>;
  selectPassage(id: number | null): void;
}

export type View = 'reports' | 'claims' | 'sources';

export interface UiSlice {
  theme: 'light' | 'dark';
  error: string | null;
  view: View;
  reviewer: string;
  undoLabel: string | null;
  toggleTheme(): void;
  showError(message: string | null): void;
  setView(view: View): void;
  loadSession(): Promise<void>;
  setReviewer(name: string): Promise<void>;
  undo(): Promise<void>;
}

export interface ClaimsSlice {
  claims: ClaimSummary[];
  claimId: number | null;
  claim: ClaimDetail | null;
  loadClaims(): Promise<void>;
  openClaim(id: number | null): Promise<void>;
  /** Runs a change to claims, evidence, sources or attributions, then refreshes what shows them. */
  change<T>(action: () => Promise<T>): Promise<T | null>;
  createClaim(input: Input<'claims.create'>): Promise<ClaimSummary | null>;
  openPassage(reportId: number, passageId: number): Promise<void>;
}

export interface SourcesSlice {
  sources: SourceSummary[];
  loadSources(): Promise<void>;
}

export type DeskState = LibrarySlice & ReaderSlice & UiSlice & ClaimsSlice & SourcesSlice;
type Slice<T> = StateCreator<DeskState, [], [], T>;

/** Runs an action; a failure becomes the banner message instead of an unhandled rejection. */
async function guarded<T>(get: () => DeskState, action: () => Promise<T>): Promise<T | null> {
  try {
    return await action();
  } catch (error) {
    get().showError((error as Error).message);
    return null;
  }
}

/** How long typing must pause before the desk is searched. */
export const SEARCH_DELAY_MS = 150;
/** Counts calls to `search`: a call that is no longer the latest neither asks nor shows. */
let searchTicket = 0;

const createLibrarySlice: Slice<LibrarySlice> = (set, get) => ({
  reports: [],
  loaded: false,
  query: '',
  hits: null,
  hitTotal: 0,
  hitQuery: '',
  importing: null,
  importResults: null,
  loadReports: async () => {
    await guarded(get, async () => set({ reports: await call('reports.list', {}), loaded: true }));
  },
  search: async (query) => {
    const ticket = ++searchTicket;
    set({ query });
    if (!query.trim()) return set({ hits: null, hitQuery: '' });
    // Asked once typing pauses, not at every key; only the latest call's answer is shown.
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS));
    if (ticket !== searchTicket) return;
    await guarded(get, async () => {
      const { hits, total } = await call('reports.search', { query });
      if (ticket === searchTicket) set({ hits, hitTotal: total, hitQuery: query });
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
    set({ importing: null });
  },
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
      set((s) => ({
        reports: s.reports.map((r) => (r.id === id ? report : r)),
        report: s.reportId === id ? report : s.report,
      }));
      await get().loadReports();
    });
  },
});

const createReaderSlice: Slice<ReaderSlice> = (set, get) => ({
  reportId: null,
  report: null,
  text: '',
  passages: [],
  selectedPassageId: null,
  versionSummary: null,
  openReport: async (id) => {
    set({ reportId: id, selectedPassageId: null, versionSummary: null });
    await guarded(get, async () => {
      const [{ report, text }, passages] = await Promise.all([
        call('reports.get', { id }),
        call('passages.list', { reportId: id }),
      ]);
      if (get().reportId === id) set({ report, text, passages });
    });
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
      await get().openReport(id);
      set({
        versionSummary: {
          file: file.name,
          moved: summary.moved,
          unchanged: summary.unchanged,
          orphaned: summary.orphaned.length,
        },
      });
      await get().loadReports();
    });
  },
  dismissVersionSummary: () => set({ versionSummary: null }),
  createPassage: async (start, end, exact) => {
    const reportId = get().reportId;
    if (reportId === null) return null;
    return guarded(get, async () => {
      const passage = await call('passages.create', { reportId, start, end, exact, note: '' });
      set((s) => ({
        passages: sortPassages([...s.passages, passage]),
        selectedPassageId: passage.id,
      }));
      bumpCount(set, reportId, +1);
      return passage;
    });
  },
  updateNote: async (id, note) => {
    await guarded(get, async () => {
      const passage = await call('passages.update', { id, note });
      set((s) => ({ passages: s.passages.map((p) => (p.id === id ? passage : p)) }));
    });
  },
  deletePassage: async (id) => {
    const reportId = get().reportId;
    await guarded(get, async () => {
      await call('passages.delete', { id });
      set((s) => ({
        passages: s.passages.filter((p) => p.id !== id),
        selectedPassageId: s.selectedPassageId === id ? null : s.selectedPassageId,
      }));
      if (reportId !== null) bumpCount(set, reportId, -1);
    });
  },
  selectPassage: (id) => set({ selectedPassageId: id }),
});

const BATCH_FILES = 50;
const BATCH_BYTES = 24 * 1024 * 1024;

/** Groups files into upload batches of at most 50 files or 24 MiB (a larger file goes alone). */
/**
 * Imports one batch and gives every file of it a result, in order: a file over the size limit is
 * refused here without being sent, and a batch the desk could not take (an upload refused, the
 * desk gone) gives each of its files that reason, so no file goes unaccounted for.
 */
async function importBatch(batch: File[]): Promise<ImportResult[]> {
  const toSend = batch.filter((f) => f.size <= MAX_FILE_BYTES);
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
    f.size > MAX_FILE_BYTES
      ? { file: f.name, status: 'rejected', message: tooLargeMessage(f.size) }
      : (sent[next++] as ImportResult),
  );
}

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

function sortPassages(passages: Passage[]): Passage[] {
  return [...passages].sort((a, b) => a.start - b.start || a.id - b.id);
}

function bumpCount(set: Parameters<Slice<ReaderSlice>>[0], reportId: number, delta: number): void {
  set((s) => ({
    reports: s.reports.map((r) =>
      r.id === reportId ? { ...r, passageCount: r.passageCount + delta } : r,
    ),
  }));
}

const THEME_KEY = 'source-desk-theme';

const createUiSlice: Slice<UiSlice> = (set, get) => ({
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
  undo: async () => {
    await get().change(() => call('session.undo', {}));
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

const createClaimsSlice: Slice<ClaimsSlice> = (set, get) => ({
  claims: [],
  claimId: null,
  claim: null,
  loadClaims: async () => {
    await guarded(get, async () => set({ claims: await call('claims.list', {}) }));
  },
  openClaim: async (id) => {
    set({ claimId: id, claim: id === null ? null : get().claim });
    if (id === null) return;
    await guarded(get, async () => {
      const claim = await call('claims.get', { id });
      if (get().claimId === id) set({ claim });
    });
  },
  change: async (action) => {
    const result = await guarded(get, action);
    // Everything that shows claims, sources or passages follows the change.
    const { claimId, reportId } = get();
    await guarded(get, async () => {
      const [claims, sources, { next }] = await Promise.all([
        call('claims.list', {}),
        call('sources.list', {}),
        call('session.status', {}),
      ]);
      set({ claims, sources, undoLabel: next });
      if (claimId !== null) {
        const claim = await call('claims.get', { id: claimId }).catch(() => null);
        set(claim ? { claim } : { claim: null, claimId: null });
      }
      if (reportId !== null) set({ passages: await call('passages.list', { reportId }) });
    });
    return result;
  },
  createClaim: async (input) => {
    const claim = await get().change(() => call('claims.create', input));
    if (claim) await get().openClaim(claim.id);
    return claim;
  },
  openPassage: async (reportId, passageId) => {
    set({ view: 'reports' });
    await get().openReport(reportId);
    set({ selectedPassageId: passageId });
  },
});

const createSourcesSlice: Slice<SourcesSlice> = (set, get) => ({
  sources: [],
  loadSources: async () => {
    await guarded(get, async () => set({ sources: await call('sources.list', {}) }));
  },
});

export const useDesk = create<DeskState>()((...a) => ({
  ...createLibrarySlice(...a),
  ...createReaderSlice(...a),
  ...createUiSlice(...a),
  ...createClaimsSlice(...a),
  ...createSourcesSlice(...a),
}));
