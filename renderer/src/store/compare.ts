import type { ClaimDetail, Output, Passage, Report, WordingPair } from '../../../shared/api.ts';
import { call } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

/** Reports read side by side at most: a fourth column would be too narrow to read. */
export const MAX_COMPARED = 3;
/**
 * Passages per report whose claims are asked for (one `claims.forPassage` each): enough for any
 * real report, and a bound on the requests opening a compare can make.
 */
export const MAX_LINKED_PASSAGES = 400;
/** Claims the matrix reads in full (one `claims.get` each), in their number order. */
export const MAX_MATRIX_CLAIMS = 150;
/** Nearly matching sentence pairs shown at most: the best, by score. */
export const MAX_WORDING_PAIRS = 300;
/** `claims.forPassage` requests on their way at once. */
const PARALLEL = 6;

type PassageClaims = Output<'claims.forPassage'>;

/** Words of a compared report to show: a suggestion beside the passage it was found for. */
export interface FocusSpan {
  reportId: number;
  start: number;
  end: number;
}

/** One report in the compare view: its text, passages, and the claims each passage backs. */
export interface CompareColumn {
  reportId: number;
  report: Report | null;
  text: string;
  passages: Passage[];
  /** The claims each passage is evidence for, by passage id (only passages that are evidence). */
  claimsByPassage: Record<number, PassageClaims>;
  /** Passages that are evidence but whose claims were not asked for (beyond the bound). */
  unasked: number;
}

export interface CompareSlice {
  /** The reports picked to compare (in the library or from a claim), in column order. */
  comparePicked: number[];
  compareColumns: CompareColumn[];
  /** The compared reports' claims in full (evidence by origin), for the matrix, by claim id. */
  compareClaims: Record<number, ClaimDetail>;
  /**
   * The compared reports' nearly matching sentences, for which texts (wordingKey); pairs null
   * while they are asked for, or when the desk could not answer (failed).
   */
  compareWording: { key: string; pairs: WordingPair[] | null; failed: boolean } | null;
  /** Asks for the shared wording of the compared texts, unless it is there or on its way. */
  loadCompareWording(again?: boolean): Promise<void>;
  /** Reads these claims in full for the matrix (the first MAX_MATRIX_CLAIMS). */
  loadCompareClaims(ids: readonly number[]): Promise<void>;
  /** Adds a report to the picked ones, or takes it out; refuses a fourth. */
  togglePickCompare(id: number): void;
  clearComparePicks(): void;
  /** Spans to bring into view and underline once the compared reports are drawn (or none). */
  compareFocus: FocusSpan[];
  /** Opens the compare view on these reports (the first three), showing the spans given. */
  compareReports(ids: number[], focus?: FocusSpan[]): Promise<void>;
  /** A compared report's passages and their claims again (after a passage or evidence change). */
  reloadCompareColumn(reportId: number): Promise<void>;
  /**
   * Makes the reader's report this compared one (if it is not), so that the reader's passage
   * flow (create, note, attribute, evidence) works on it from the compare view.
   */
  focusCompareReport(reportId: number): Promise<void>;
}

/** Runs `task` on every item, at most PARALLEL at once; results in the items' order. */
async function mapBounded<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      results[at] = await task(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return results;
}

/** A report's column: text, passages, and the claims of its passages that are evidence. */
async function loadColumn(reportId: number): Promise<CompareColumn> {
  const [{ report, text }, passages] = await Promise.all([
    call('reports.get', { id: reportId }),
    call('passages.list', { reportId }),
  ]);
  const linked = passages.filter((p) => p.claimCount > 0 && p.status === 'anchored');
  const asked = linked.slice(0, MAX_LINKED_PASSAGES);
  const claims = await mapBounded(asked, (p) => call('claims.forPassage', { passageId: p.id }));
  const claimsByPassage: Record<number, PassageClaims> = {};
  asked.forEach((p, i) => {
    claimsByPassage[p.id] = claims[i] ?? [];
  });
  return {
    reportId,
    report,
    text,
    passages,
    claimsByPassage,
    unasked: linked.length - asked.length,
  };
}

/** Counts compare loads: columns of an older set of reports are dropped on arrival. */
let compareTicket = 0;
/** The reports (ids joined) of the compare load on its way, if any. */
let loading: string | null = null;

/** What the shared wording was read for: each compared report and its text's hash. */
export const wordingKey = (columns: readonly CompareColumn[]): string =>
  columns.map((c) => `${c.reportId}:${c.report?.sha256 ?? ''}`).join(',');

export const createCompareSlice: Slice<CompareSlice> = (set, get) => ({
  comparePicked: [],
  compareColumns: [],
  compareClaims: {},
  compareWording: null,
  compareFocus: [],
  loadCompareWording: async (again = false) => {
    const columns = get().compareColumns;
    const key = wordingKey(columns);
    const known = get().compareWording;
    if (columns.length < 2 || (known?.key === key && !(again && known.failed))) return;
    set({ compareWording: { key, pairs: null, failed: false } });
    const pairs = await guarded(get, () =>
      call('compare.sharedWording', {
        reportIds: columns.map((c) => c.reportId),
        limit: MAX_WORDING_PAIRS,
      }),
    );
    // Only if the same texts are still compared.
    if (get().compareWording?.key === key)
      set({ compareWording: { key, pairs: pairs ?? null, failed: !pairs } });
  },
  loadCompareClaims: async (ids) => {
    await guarded(get, async () => {
      const details = await mapBounded(ids.slice(0, MAX_MATRIX_CLAIMS), (id) =>
        call('claims.get', { id }),
      );
      set({ compareClaims: Object.fromEntries(details.map((d) => [d.id, d])) });
    });
  },
  togglePickCompare: (id) => {
    const picked = get().comparePicked;
    if (picked.includes(id)) {
      set({ comparePicked: picked.filter((p) => p !== id) });
    } else if (picked.length >= MAX_COMPARED) {
      get().showError(
        `Compare takes up to ${MAX_COMPARED} reports side by side: take one out before adding another.`,
      );
    } else set({ comparePicked: [...picked, id] });
  },
  clearComparePicks: () => set({ comparePicked: [], compareColumns: [] }),
  compareReports: async (ids, focus) => {
    const picked = [...new Set(ids)].slice(0, MAX_COMPARED);
    const key = picked.join(',');
    get().setView('compare');
    // The same reports on their way already (the view asking for its picks as it opens): one load.
    if (key === loading && !focus) return;
    const ticket = ++compareTicket;
    loading = key;
    // Columns already loaded stay while the others load.
    set((s) => ({
      comparePicked: picked,
      compareFocus: focus ?? [],
      compareColumns: s.compareColumns.filter((c) => picked.includes(c.reportId)),
    }));
    await guarded(get, async () => {
      const columns = await Promise.all(picked.map(loadColumn));
      if (ticket === compareTicket) set({ compareColumns: columns });
    });
    if (ticket === compareTicket) loading = null;
  },
  reloadCompareColumn: async (reportId) => {
    if (!get().compareColumns.some((c) => c.reportId === reportId)) return;
    await guarded(get, async () => {
      const column = await loadColumn(reportId);
      set((s) => ({
        compareColumns: s.compareColumns.map((c) => (c.reportId === reportId ? column : c)),
      }));
    });
  },
  focusCompareReport: async (reportId) => {
    if (get().reportId !== reportId) await get().openReport(reportId);
  },
});
