import { useEffect } from 'react';
import type { Passage, Report } from '../../../../shared/api.ts';
import { describePages, pagesOf } from '../../../../shared/pages.ts';
import { useDesk } from '../../store/index.ts';

/** The open report's page spans, or null while they are asked for or for another report. */
function usePages(reportId: number) {
  return useDesk((s) => (s.reportPages?.reportId === reportId ? s.reportPages.pages : null));
}

/** The report header's way to its original PDF: shown only for a report with pages. */
export function OriginalButton({ report }: { report: Report }) {
  const pages = usePages(report.id);
  const loadReportPages = useDesk((s) => s.loadReportPages);
  const openPageView = useDesk((s) => s.openPageView);
  // Asked again for a new version (its text, and so its pages, changed).
  useEffect(() => {
    void loadReportPages(report.id, report.sha256);
  }, [loadReportPages, report.id, report.sha256]);
  if (!pages?.length) return null;
  return (
    <button
      type="button"
      onClick={() => openPageView({ reportId: report.id, page: 1, passageId: null })}
      title="Show the original file, page by page, as it was imported"
    >
      Original, page 1 of {pages.length}
    </button>
  );
}

/** A passage's way to its page(s) of the original: “Show on page 3” or “Show on pages 3–4”. */
export function ShowOnPage({ passage }: { passage: Passage }) {
  const pages = usePages(passage.reportId);
  const openPageView = useDesk((s) => s.openPageView);
  // An orphaned passage's offsets are in an earlier version's text: its pages are not these.
  if (!pages?.length || passage.status !== 'anchored') return null;
  const on = pagesOf(pages, passage.start, passage.end);
  const first = on[0];
  if (first === undefined) return null;
  return (
    <button
      type="button"
      onClick={() =>
        openPageView({ reportId: passage.reportId, page: first, passageId: passage.id })
      }
      title="Show the passage on the original's page, highlighted"
    >
      Show on {describePages(on)}
    </button>
  );
}
