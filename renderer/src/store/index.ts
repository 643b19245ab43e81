import { create, type StateCreator } from 'zustand';
import type {
  ClaimDetail,
  ClaimHit,
  ClaimListQuery,
  ClaimSummary,
  Input,
  NoteHit,
  Passage,
  ReportListItem,
  SourceSummary,
} from '../../../shared/api.ts';
import type { ImportResult, Report, SearchHit } from '../../../shared/model.ts';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../../shared/limits.ts';
import { call, toUploads } from '../api.ts';

export interface LibrarySlice {
  reports: ReportListItem[];
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

/** The claims list's order and filter (paged by the desk, in this order). */
export type ClaimsQuery = Pick<ClaimListQuery, 'sort' | 'filter'>;

export interface ClaimsSlice {
  /** The claims list's rows loaded so far, in its order; more page in as it scrolls. */
  claims: ClaimSummary[];
  claimsQuery: ClaimsQuery;
  /** Where the next page starts; null once every matching claim is loaded. */
  claimsNext: string | null;
  /** Claims matching the list's filter, and claims on the desk. */
  claimsTotal: number;
  claimCount: number;
  claimsLoaded: boolean;
  claimId: number | null;
  claim: ClaimDetail | null;
  /** The list's first page, in this order and filter (by default, the current ones). */
  loadClaims(query?: ClaimsQuery): Promise<void>;
  /** The list's next page, if there is one and none is on its way. */
  loadMoreClaims(): Promise<void>;
  /** A few claims whose text or tags hold these words (pickers). */
  findClaims(text: string, limit?: number): Promise<ClaimSummary[]>;
  openClaim(id: number | null): Promise<void>;
  /**
   * Runs a change to sources, attributions or anything undone, then refreshes what shows them:
   * such a change can move the status of any claim.
   */
  change<T>(action: () => Promise<T>): Promise<T | null>;
  createClaim(input: Input<'claims.create'>): Promise<ClaimSummary | null>;
  /** Text, tags or verdict: the claim's row and open detail take its new summary. */
  updateClaim(input: Input<'claims.update'>): Promise<ClaimSummary | null>;
  deleteClaim(id: number): Promise<void>;
  mergeClaim(keepId: number, mergeId: number): Promise<void>;
  reviewWarning(input: Input<'claims.reviewWarning'>): Promise<void>;
  linkEvidence(input: Input<'evidence.link'>): Promise<void>;
  updateEvidence(input: Input<'evidence.update'>): Promise<void>;
  unlinkEvidence(id: number): Promise<void>;
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
  claimHits: [],
  noteHits: [],
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

/** Rows per page of the claims list. */
export const CLAIMS_PAGE = 100;
/** Counts list loads: a page asked for an older order or filter is dropped. */
let claimsTicket = 0;
let claimsPaging = false;
/** Counts rows patched or removed: a first page asked for before one of them is asked again. */
let claimsWrites = 0;

const createClaimsSlice: Slice<ClaimsSlice> = (set, get) => {
  /** The claim's new summary in its row (and the open claim), instead of a new list. */
  const patch = (summary: ClaimSummary): void => {
    claimsWrites++;
    set((s) => {
      const at = s.claims.findIndex((c) => c.id === summary.id);
      const { sort, filter } = s.claimsQuery;
      const claims = [...s.claims];
      if (at >= 0) claims[at] = summary;
      // A claim not loaded yet shows first when the list is newest first and unfiltered.
      else if (s.claimsLoaded && sort === 'recent' && !filter.status && !filter.tag && !filter.text)
        claims.unshift(summary);
      const claim = s.claim?.id === summary.id ? { ...s.claim, ...summary } : s.claim;
      return { claims, claim };
    });
  };
  const remove = (id: number): void => {
    claimsWrites++;
    set((s) => ({
      claims: s.claims.filter((c) => c.id !== id),
      claimsTotal: Math.max(0, s.claimsTotal - (s.claims.some((c) => c.id === id) ? 1 : 0)),
      claimCount: Math.max(0, s.claimCount - 1),
      ...(s.claimId === id ? { claimId: null, claim: null } : {}),
    }));
  };
  /** The open claim again, when its evidence changed (its detail groups it by origin). */
  const reopen = async (id: number): Promise<void> => {
    if (get().claimId !== id) return;
    const claim = await call('claims.get', { id });
    if (get().claimId === id) set({ claim });
  };
  const undoLabel = async (): Promise<void> =>
    set({ undoLabel: (await call('session.status', {})).next });
  const loadPage = async (query: ClaimsQuery, limit: number): Promise<void> => {
    const ticket = ++claimsTicket;
    const writes = claimsWrites;
    set({ claimsQuery: query });
    const page = await call('claims.list', { ...query, limit });
    if (ticket !== claimsTicket) return;
    // A row patched while this page was on its way would be undone by it: ask again.
    if (writes !== claimsWrites) return loadPage(query, limit);
    set({
      claims: page.items,
      claimsNext: page.next,
      claimsTotal: page.total,
      claimCount: page.all,
      claimsLoaded: true,
    });
  };
  return {
    claims: [],
    claimsQuery: { sort: 'recent', filter: {} },
    claimsNext: null,
    claimsTotal: 0,
    claimCount: 0,
    claimsLoaded: false,
    claimId: null,
    claim: null,
    loadClaims: async (query) => {
      await guarded(get, () => loadPage(query ?? get().claimsQuery, CLAIMS_PAGE));
    },
    loadMoreClaims: async () => {
      const { claimsNext: after, claimsQuery } = get();
      if (after === null || claimsPaging) return;
      claimsPaging = true;
      const ticket = claimsTicket;
      await guarded(get, async () => {
        const page = await call('claims.list', { ...claimsQuery, after, limit: CLAIMS_PAGE });
        if (ticket !== claimsTicket) return;
        set((s) => {
          // A claim already shown (patched in while this page was asked for) is not shown twice.
          const shown = new Set(s.claims.map((c) => c.id));
          return {
            claims: [...s.claims, ...page.items.filter((c) => !shown.has(c.id))],
            claimsNext: page.next,
            claimsTotal: page.total,
            claimCount: page.all,
          };
        });
      });
      claimsPaging = false;
    },
    findClaims: async (text, limit = 8) =>
      (await guarded(
        get,
        async () => (await call('claims.list', { filter: { text }, limit })).items,
      )) ?? [],
    openClaim: async (id) => {
      set({ claimId: id, claim: id === null ? null : get().claim });
      if (id === null) return;
      await guarded(get, () => reopen(id));
    },
    change: async (action) => {
      const result = await guarded(get, action);
      const { claimId, reportId, claimsLoaded, claims, claimsQuery } = get();
      await guarded(get, async () => {
        const [sources] = await Promise.all([
          call('sources.list', {}),
          undoLabel(),
          // The rows loaded so far, again: their statuses may all have moved.
          claimsLoaded
            ? loadPage(claimsQuery, Math.min(500, Math.max(CLAIMS_PAGE, claims.length)))
            : undefined,
        ]);
        set({ sources });
        if (claimId !== null) {
          const claim = await call('claims.get', { id: claimId }).catch(() => null);
          set(claim ? { claim } : { claim: null, claimId: null });
        }
        if (reportId !== null) set({ passages: await call('passages.list', { reportId }) });
      });
      return result;
    },
    createClaim: async (input) => {
      const claim = await guarded(get, async () => {
        const created = await call('claims.create', input);
        patch(created);
        set((s) => ({
          claimCount: s.claimCount + 1,
          claimsTotal: s.claims.some((c) => c.id === created.id)
            ? s.claimsTotal + 1
            : s.claimsTotal,
        }));
        await undoLabel();
        return created;
      });
      if (claim) await get().openClaim(claim.id);
      return claim;
    },
    updateClaim: async (input) =>
      guarded(get, async () => {
        const claim = await call('claims.update', input);
        patch(claim);
        await undoLabel();
        return claim;
      }),
    deleteClaim: async (id) => {
      await guarded(get, async () => {
        await call('claims.delete', { id });
        remove(id);
        await undoLabel();
      });
    },
    mergeClaim: async (keepId, mergeId) => {
      await guarded(get, async () => {
        const { removedId, ...kept } = await call('claims.merge', { keepId, mergeId });
        remove(removedId);
        patch(kept);
        await Promise.all([reopen(keepId), undoLabel()]);
      });
    },
    reviewWarning: async (input) => {
      await guarded(get, async () => {
        const claim = await call('claims.reviewWarning', input);
        const { suggestionReason, supporting, contradicting, context, warnings, ...summary } =
          claim;
        patch(summary);
        if (get().claimId === claim.id) set({ claim });
        await undoLabel();
      });
    },
    linkEvidence: async (input) => {
      await guarded(get, async () => {
        const { claim } = await call('evidence.link', input);
        patch(claim);
        await Promise.all([reopen(claim.id), undoLabel()]);
      });
    },
    updateEvidence: async (input) => {
      await guarded(get, async () => {
        const { claim } = await call('evidence.update', input);
        patch(claim);
        await Promise.all([reopen(claim.id), undoLabel()]);
      });
    },
    unlinkEvidence: async (id) => {
      await guarded(get, async () => {
        const { claim } = await call('evidence.unlink', { id });
        patch(claim);
        await Promise.all([reopen(claim.id), undoLabel()]);
      });
    },
    openPassage: async (reportId, passageId) => {
      set({ view: 'reports' });
      await get().openReport(reportId);
      set({ selectedPassageId: passageId });
    },
  };
};

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
