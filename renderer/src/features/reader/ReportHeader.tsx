import { useRef, useState } from 'react';
import type { Report } from '../../../../shared/api.ts';
import { REPORT_ACCEPT } from '../../../../shared/formats.ts';
import { useDesk } from '../../store/index.ts';
import { OriginalButton } from '../pages/PageButtons.tsx';
import { formatDate } from '../../ui/format.ts';

const FIELDS = [
  ['title', 'Title'],
  ['outlet', 'Outlet'],
  ['byline', 'Byline'],
  ['publishedAt', 'Published (YYYY-MM-DD or YYYY-MM-DDTHH:MM)'],
  ['url', 'URL'],
  ['language', 'Language'],
] as const;

type Field = (typeof FIELDS)[number][0];

export function ReportHeader({ report }: { report: Report }) {
  const [editing, setEditing] = useState(false);
  const importVersion = useDesk((s) => s.importVersion);
  const versionInput = useRef<HTMLInputElement>(null);
  return (
    <header className="report-header">
      {editing ? (
        <MetadataForm report={report} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div className="report-title-row">
            <h1>{report.title}</h1>
            <div className="header-actions">
              <OriginalButton report={report} />
              <button type="button" onClick={() => setEditing(true)}>
                Edit details
              </button>
              <button
                type="button"
                onClick={() => versionInput.current?.click()}
                title="Import an edited version of this report; its passages move to the new text"
              >
                New version…
              </button>
              <input
                ref={versionInput}
                type="file"
                hidden
                accept={REPORT_ACCEPT}
                data-testid="version-input"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void importVersion(file);
                  e.target.value = '';
                }}
              />
            </div>
          </div>
          <p className="report-meta">
            <span className="outlet">{report.outlet ?? 'No outlet'}</span>
            <span>{report.publishedAt ? formatDate(report.publishedAt) : 'Date not stated'}</span>
            {report.byline && <span>{report.byline}</span>}
            <span>
              {report.originalName} · {report.format.toUpperCase()} ·{' '}
              {report.chars.toLocaleString()} characters
            </span>
            {report.url && <span className="url">{report.url}</span>}
          </p>
          <OcrNote report={report} />
          <VersionSummary />
        </>
      )}
    </header>
  );
}

function MetadataForm({ report, onDone }: { report: Report; onDone: () => void }) {
  const updateReport = useDesk((s) => s.updateReport);
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    title: report.title,
    outlet: report.outlet ?? '',
    byline: report.byline ?? '',
    publishedAt: report.publishedAt ?? '',
    url: report.url ?? '',
    language: report.language ?? '',
  }));
  const submit = async (event: React.SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const patch: Record<string, string | null> = {};
    for (const [key] of FIELDS) {
      const value = values[key].trim();
      const current = (report[key] ?? '') as string;
      if (value !== current) patch[key] = key === 'title' ? value : value || null;
    }
    if (Object.keys(patch).length > 0) await updateReport(report.id, patch);
    onDone();
  };
  return (
    <form className="metadata-form" onSubmit={(e) => void submit(e)} aria-label="Report details">
      {FIELDS.map(([key, label]) => (
        <label key={key}>
          <span>{label}</span>
          <input
            name={key}
            value={values[key]}
            required={key === 'title'}
            onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
          />
        </label>
      ))}
      <div className="form-actions">
        <button type="submit" className="primary">
          Save details
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "Text recognised by OCR, mean confidence 87%": said of a scan or an image, with its pages. */
function OcrNote({ report }: { report: Report }) {
  const ocr = useDesk((s) => s.ocr);
  if (report.ocrConfidence === null) return null;
  const pages = ocr?.pages;
  const where = pages?.length ? ` on page${pages.length > 1 ? 's' : ''} ${pages.join(', ')}` : '';
  const doubtful = ocr?.lowConfidence.length ?? 0;
  return (
    <p className="ocr-note" data-testid="ocr-note">
      Text recognised by OCR{where}, mean confidence {Math.round(report.ocrConfidence)}%
      {doubtful > 0 &&
        ` · ${doubtful} uncertain word${doubtful > 1 ? 's' : ''} underlined; check them against the original`}
    </p>
  );
}

function VersionSummary() {
  const summary = useDesk((s) => s.versionSummary);
  const dismiss = useDesk((s) => s.dismissVersionSummary);
  if (!summary) return null;
  return (
    <p className={`version-summary${summary.orphaned ? ' warn' : ''}`} role="status">
      New version from {summary.file}: {summary.unchanged} passages unchanged, {summary.moved} moved
      {summary.orphaned > 0 &&
        `, ${summary.orphaned} could not be placed (listed under Passages for review)`}
      .{' '}
      <button type="button" className="link" onClick={dismiss}>
        Dismiss
      </button>
    </p>
  );
}
