import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExportCounts, ExportFile, ExportFormat } from '../../../../shared/api.ts';
import type { ClaimSetFilter } from '../../../../shared/claim-set.ts';
import { STATUS_LABEL } from '../../../../shared/corroboration.ts';
import { CLAIM_STATUSES, VERDICTS, type ClaimStatus } from '../../../../shared/vocabulary.ts';
import { useDesk } from '../../store/index.ts';
import { downloadFile, printBrief } from './files.ts';
import './export.css';

/** What the dialog offers: the desk's formats, and the HTML brief sent to the printer. */
type Choice = ExportFormat | 'pdf';

const FORMATS: { value: Choice; label: string; about: string }[] = [
  {
    value: 'set',
    label: 'Claim set (JSON)',
    about:
      'For colleagues and re-verification: every quote, grade and origin. Another desk merges it.',
  },
  {
    value: 'annotations',
    label: 'W3C Web Annotations (JSON-LD)',
    about: 'One annotation per piece of evidence, with its claim and stance, for annotation tools.',
  },
  {
    value: 'claimreview',
    label: 'ClaimReview (JSON-LD)',
    about: 'schema.org fact-check markup for the claims that have a verdict.',
  },
  {
    value: 'csv',
    label: 'CSV tables',
    about: 'claims.csv, evidence.csv and sources.csv, with a CSVW file describing the columns.',
  },
  {
    value: 'md',
    label: 'Brief (Markdown)',
    about: 'Claims grouped by verdict, each with its status, origins and every quote.',
  },
  { value: 'html', label: 'Brief (HTML)', about: 'The same brief as a web page.' },
  {
    value: 'matrix-html',
    label: 'Claim matrix (HTML)',
    about:
      'Claims (rows) × the reports their evidence comes from: what each report says, on whose word, figures that differ marked.',
  },
  { value: 'matrix-csv', label: 'Claim matrix (CSV)', about: 'The same matrix as a spreadsheet.' },
  { value: 'matrix-md', label: 'Claim matrix (Markdown)', about: 'The same matrix as a table.' },
  {
    value: 'pdf',
    label: 'Brief as PDF',
    about: 'The HTML brief sent to the print dialog: choose “Save as PDF” there.',
  },
];

type Scope = 'all' | 'verdict' | 'status' | 'tag' | 'claim';
type VerdictChoice = (typeof VERDICTS)[number] | 'none';

const VERDICT_LABEL: Record<VerdictChoice, string> = {
  verified: 'Verified',
  refuted: 'Refuted',
  unresolved: 'Unresolved',
  none: 'No verdict yet',
};

/** How long typing tags must pause before the counts are asked for again. */
const TAGS_DELAY_MS = 200;

export function ExportDialog() {
  const shown = useDesk((s) => s.exportShown);
  return shown ? <Export /> : null;
}

function Export() {
  const showExport = useDesk((s) => s.showExport);
  const counts = useDesk((s) => s.exportCounts);
  const previewExport = useDesk((s) => s.previewExport);
  const exportSet = useDesk((s) => s.exportSet);
  const exporting = useDesk((s) => s.exporting);
  const claims = useDesk((s) => s.claims);
  const openClaim = useDesk((s) => s.claim);
  // Opened for a tag's matrix (from the claims list), it starts there; else on the whole set.
  const preset = useDesk((s) => s.exportPreset);
  const [format, setFormat] = useState<Choice>(preset?.format ?? 'set');
  const [scope, setScope] = useState<Scope>(preset?.tags.length ? 'tag' : 'all');
  const [verdicts, setVerdicts] = useState<VerdictChoice[]>(['verified']);
  const [statuses, setStatuses] = useState<ClaimStatus[]>(['corroborated']);
  const [tagText, setTagText] = useState(preset?.tags.join(', ') ?? '');
  const [tags, setTags] = useState<string[]>(preset?.tags ?? []);
  const [withTexts, setWithTexts] = useState((preset?.format ?? 'set') === 'set');
  const [saved, setSaved] = useState<string[] | null>(null);
  const dialog = useRef<HTMLFormElement>(null);
  const close = (): void => showExport(false);

  // The open claim, by its id in claim sets.
  const claimUuid = openClaim?.uuid ?? null;
  // Tags the loaded claims use, offered while typing.
  const knownTags = useMemo(() => [...new Set(claims.flatMap((c) => c.tags))].sort(), [claims]);

  const filter = useMemo((): ClaimSetFilter | null => {
    switch (scope) {
      case 'all':
        return null;
      case 'verdict':
        return { verdicts };
      case 'status':
        return { statuses };
      case 'tag':
        return { tags };
      case 'claim':
        return { claims: claimUuid ? [claimUuid] : [] };
    }
  }, [scope, verdicts, statuses, tags, claimUuid]);

  // The keyboard starts in the dialog, and goes back where it was (the Export… button) after.
  useEffect(() => {
    const before = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  useEffect(() => {
    void previewExport(filter);
  }, [filter, previewExport]);
  // Tags are read once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      const typed = tagText
        .split(',')
        .map((t) => t.trim().replace(/^#/, ''))
        .filter(Boolean);
      setTags((old) => (old.join('\n') === typed.join('\n') ? old : typed));
    }, TAGS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [tagText]);

  const chooseFormat = (next: Choice): void => {
    setFormat(next);
    setSaved(null);
    // Texts are what lets a colleague re-verify every quote: on by default for the set.
    setWithTexts(next === 'set');
  };
  const empty = counts !== null && counts.claims === 0;

  const run = async (): Promise<void> => {
    if (exporting) return;
    setSaved(null);
    const files = await exportSet({
      format: format === 'pdf' ? 'html' : format,
      filter,
      withTexts: format === 'set' && withTexts,
    });
    if (!files) return;
    if (format === 'pdf') {
      const brief = files[0];
      if (brief) printBrief(brief.content);
      setSaved(['the brief, sent to the print dialog']);
      return;
    }
    files.forEach((file: ExportFile) => downloadFile(file));
    setSaved(files.map((f) => f.name));
  };

  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <form
        ref={dialog}
        className="modal export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        tabIndex={-1}
        onKeyDown={(e) => {
          // The desk's keys (undo, a passage's grade) wait until the dialog is shut.
          e.stopPropagation();
          if (e.key === 'Escape') close();
        }}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id="export-title">Export claims</h2>
        <div className="export-columns">
          <fieldset className="export-formats">
            <legend>Format</legend>
            {FORMATS.map((f) => (
              <label key={f.value} className="export-choice">
                <input
                  type="radio"
                  name="format"
                  value={f.value}
                  checked={format === f.value}
                  onChange={() => chooseFormat(f.value)}
                  aria-label={f.label}
                  aria-describedby={`export-about-${f.value}`}
                />
                <span>
                  <span className="export-choice-label">{f.label}</span>
                  <span className="muted small" id={`export-about-${f.value}`}>
                    {f.about}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="export-side">
            <fieldset className="export-scope">
              <legend>Which claims</legend>
              <ScopeChoice scope={scope} value="all" onChange={setScope}>
                Every claim on the desk
              </ScopeChoice>
              <ScopeChoice scope={scope} value="verdict" onChange={setScope}>
                By verdict
              </ScopeChoice>
              {scope === 'verdict' && (
                <Checks
                  label="Verdicts"
                  options={[...VERDICTS, 'none' as const]}
                  labels={VERDICT_LABEL}
                  chosen={verdicts}
                  onChange={setVerdicts}
                />
              )}
              <ScopeChoice scope={scope} value="status" onChange={setScope}>
                By computed status
              </ScopeChoice>
              {scope === 'status' && (
                <Checks
                  label="Statuses"
                  options={CLAIM_STATUSES}
                  labels={STATUS_LABEL}
                  chosen={statuses}
                  onChange={setStatuses}
                />
              )}
              <ScopeChoice scope={scope} value="tag" onChange={setScope}>
                By tag
              </ScopeChoice>
              {scope === 'tag' && (
                <div className="export-sub">
                  <input
                    aria-label="Tags"
                    placeholder="Tags, separated by commas"
                    list="export-tags"
                    value={tagText}
                    onChange={(e) => setTagText(e.target.value)}
                  />
                  <datalist id="export-tags">
                    {knownTags.map((t) => (
                      <option key={t} value={t} />
                    ))}
                  </datalist>
                </div>
              )}
              {claimUuid && openClaim && (
                <ScopeChoice scope={scope} value="claim" onChange={setScope}>
                  The open claim: <q>{openClaim.text}</q>
                </ScopeChoice>
              )}
            </fieldset>
            {format === 'set' && (
              <label className="export-texts">
                <input
                  type="checkbox"
                  checked={withTexts}
                  onChange={(e) => setWithTexts(e.target.checked)}
                  aria-label="Include the reports’ texts"
                  aria-describedby="export-texts-about"
                />
                <span>
                  Include the reports’ texts
                  <span className="muted small" id="export-texts-about">
                    A colleague can re-check every quote only against the text it was taken from.
                  </span>
                </span>
              </label>
            )}
            <Preview counts={counts} />
          </div>
        </div>
        {saved && (
          <p className="export-saved" role="status">
            Exported: {saved.join(', ')}
          </p>
        )}
        <div className="form-actions">
          {/* Not disabled while it works: a disabled button drops the keyboard's focus. */}
          <button type="submit" className="primary" disabled={empty || !counts}>
            {exporting ? 'Exporting…' : format === 'pdf' ? 'Print…' : 'Export'}
          </button>
          <button type="button" onClick={close}>
            {saved ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </div>
  );
}

function ScopeChoice({
  scope,
  value,
  onChange,
  children,
}: {
  scope: Scope;
  value: Scope;
  onChange: (scope: Scope) => void;
  children: React.ReactNode;
}) {
  return (
    <label className="export-choice">
      <input
        type="radio"
        name="scope"
        value={value}
        checked={scope === value}
        onChange={() => onChange(value)}
      />
      <span className="export-choice-label">{children}</span>
    </label>
  );
}

function Checks<T extends string>({
  label,
  options,
  labels,
  chosen,
  onChange,
}: {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  chosen: T[];
  onChange: (chosen: T[]) => void;
}) {
  return (
    <div className="export-sub" role="group" aria-label={label}>
      {options.map((o) => (
        <label key={o} className="export-check">
          <input
            type="checkbox"
            checked={chosen.includes(o)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? options.filter((x) => x === o || chosen.includes(x))
                  : chosen.filter((x) => x !== o),
              )
            }
          />
          {labels[o]}
        </label>
      ))}
    </div>
  );
}

/** What the export would hold, asked again at each change of the filter. */
function Preview({ counts }: { counts: ExportCounts | null }) {
  const rows: [keyof ExportCounts, string, string][] = [
    ['claims', 'claim', 'claims'],
    ['evidence', 'piece of evidence', 'pieces of evidence'],
    ['passages', 'passage', 'passages'],
    ['reports', 'report', 'reports'],
    ['sources', 'source', 'sources'],
  ];
  return (
    <section className="export-preview" aria-label="What the export holds" aria-live="polite">
      <h3>The export holds</h3>
      {counts ? (
        <ul>
          {rows.map(([key, one, many]) => (
            <li key={key} data-count={key}>
              <strong>{counts[key].toLocaleString('en')}</strong> {counts[key] === 1 ? one : many}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Counting…</p>
      )}
      {counts?.claims === 0 && <p className="muted small">No claim matches: nothing to export.</p>}
    </section>
  );
}
