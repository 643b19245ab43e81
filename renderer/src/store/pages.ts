import type { PageSpan } from '../../../shared/pages.ts';
import { call } from '../api.ts';
import type { Slice } from './slice.ts';

/** The page view: which report's original, the page shown, and the passage marked on it. */
export interface PageViewState {
  reportId: number;
  page: number;
  /** The passage highlighted on its pages; null when opened from the report's header. */
  passageId: number | null;
}

export interface PagesSlice {
  /**
   * The page spans of the open report's original, once asked for (empty: not paged), for which
   * text of it (a new version has its own original and pages).
   */
  reportPages: { reportId: number; sha256: string; pages: PageSpan[] } | null;
  pageView: PageViewState | null;
  /** Asks for report `reportId`'s page spans (once per report and text). */
  loadReportPages(reportId: number, sha256: string): Promise<void>;
  openPageView(view: PageViewState): void;
  closePageView(): void;
  /** Turns the open page view to `page` (kept within the original's pages by the view). */
  showPage(page: number): void;
  /** Report `reportId`'s original file, as bytes; throws the desk's refusal (shown in the view). */
  loadOriginal(reportId: number): Promise<Uint8Array>;
}

export const createPagesSlice: Slice<PagesSlice> = (set, get) => ({
  reportPages: null,
  pageView: null,
  loadReportPages: async (reportId, sha256) => {
    const known = get().reportPages;
    if (known?.reportId === reportId && known.sha256 === sha256) return;
    // Another report or version may have been opened meanwhile: its pages are the ones kept.
    const current = (): boolean => get().reportId === reportId && get().report?.sha256 === sha256;
    try {
      const pages = await call('originals.pages', { reportId });
      if (current()) set({ reportPages: { reportId, sha256, pages } });
    } catch {
      // A report whose pages cannot be read is shown as unpaged: its text is all there is.
      if (current()) set({ reportPages: { reportId, sha256, pages: [] } });
    }
  },
  openPageView: (view) => set({ pageView: view }),
  closePageView: () => set({ pageView: null }),
  showPage: (page) => {
    const view = get().pageView;
    if (view && view.page !== page) set({ pageView: { ...view, page } });
  },
  loadOriginal: async (reportId) => {
    const { base64 } = await call('originals.get', { reportId });
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  },
});
