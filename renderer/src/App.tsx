import { useEffect, useRef, useState } from 'react';
import { REPORT_ACCEPT } from '../../shared/formats.ts';
import { ImportResults } from './features/library/ImportResults.tsx';
import { Library } from './features/library/Library.tsx';
import { PassagePanel } from './features/reader/PassagePanel.tsx';
import { Reader } from './features/reader/Reader.tsx';
import { ClaimsView } from './features/claims/ClaimsView.tsx';
import { CompareView } from './features/compare/CompareView.tsx';
import { ExportDialog } from './features/export/ExportDialog.tsx';
import { MergeView } from './features/merge/MergeView.tsx';
import { PageView } from './features/pages/PageView.tsx';
import { SourcesView } from './features/sources/SourcesView.tsx';
import { useDesk } from './store/index.ts';
import { ShortcutsDialog } from './ui/ShortcutsDialog.tsx';

/** How long the notice of an undo or redo stays (it also goes with the next undo or Dismiss). */
const NOTICE_MS = 8000;

export function App() {
  const theme = useDesk((s) => s.theme);
  const loaded = useDesk((s) => s.loaded);
  const reportCount = useDesk((s) => s.reportIds.length);
  const loadReports = useDesk((s) => s.loadReports);
  const error = useDesk((s) => s.error);
  const showError = useDesk((s) => s.showError);
  const importFiles = useDesk((s) => s.importFiles);
  const importing = useDesk((s) => s.importing);
  const ocrProgress = useDesk((s) => s.ocrProgress);
  const cancelOcr = useDesk((s) => s.cancelOcr);
  const view = useDesk((s) => s.view);
  const loadSources = useDesk((s) => s.loadSources);
  const loadSession = useDesk((s) => s.loadSession);
  const loadConflicts = useDesk((s) => s.loadConflicts);
  const undo = useDesk((s) => s.undo);
  const redo = useDesk((s) => s.redo);
  const showShortcuts = useDesk((s) => s.showShortcuts);
  const followDesk = useDesk((s) => s.followDesk);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // Claims are loaded when their view opens (ClaimsView), a page at a time.
    void loadReports();
    void loadSources();
    void loadSession();
    // Their count stays in the top bar, so that none is forgotten.
    void loadConflicts();
    return followDesk();
  }, [loadReports, loadSources, loadSession, loadConflicts, followDesk]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      // In a text field, Ctrl+Z and the typed keys are the field's own (a select or a checkbox
      // has no undo of its own: Ctrl+Z there undoes the desk's change it just made).
      const inField = isTextField(event.target as HTMLElement);
      // An open dialog (the reviewer's name, the shortcuts) stops its keys before they get here.
      const ctrl = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (event.key === '/' && !inField) {
        event.preventDefault();
        searchInput.current?.focus();
      } else if (event.key === '?' && !inField && !ctrl) {
        event.preventDefault();
        showShortcuts(true);
      } else if (ctrl && key === 'o') {
        event.preventDefault();
        fileInput.current?.click();
      } else if (ctrl && !inField && ((key === 'z' && event.shiftKey) || key === 'y')) {
        event.preventDefault();
        void redo();
      } else if (ctrl && !inField && key === 'z') {
        event.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, showShortcuts]);

  const onDrop = (event: React.DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    void importFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <TopBar searchInput={searchInput} onImport={() => fileInput.current?.click()} />
      <input
        ref={fileInput}
        type="file"
        multiple
        accept={REPORT_ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          void importFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
      {error && (
        <div className="error-banner" role="alert">
          <span>{error}</span>
          <button type="button" onClick={() => showError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {importing && (
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={importing.total}
          aria-valuenow={importing.done}
        >
          Importing {importing.done} of {importing.total}…
        </div>
      )}
      {importing && ocrProgress && (
        // Apart from the progress bar, whose children are presentational: the button stays one.
        <div className="progress ocr-progress" role="status" aria-label="OCR">
          Recognising text by OCR in {ocrProgress.file}: page {ocrProgress.page} of{' '}
          {ocrProgress.pages}…{' '}
          <button type="button" onClick={() => void cancelOcr()}>
            Cancel OCR
          </button>
        </div>
      )}
      <ImportResults />
      {view === 'merge' ? (
        // An empty desk can take a colleague's set too.
        <MergeView />
      ) : loaded && reportCount === 0 ? (
        <EmptyDesk onImport={() => fileInput.current?.click()} />
      ) : view === 'claims' ? (
        <ClaimsView />
      ) : view === 'sources' ? (
        <SourcesView />
      ) : view === 'compare' ? (
        <CompareView />
      ) : (
        <main className="workspace">
          <Library />
          <Reader />
          <PassagePanel />
        </main>
      )}
      <UndoNoticeBar />
      <ReviewerPrompt />
      <ShortcutsDialog />
      <ExportDialog />
      <PageView />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop reports to import them</p>
          <p className="muted">
            Text, Markdown, saved web pages and archives, Word, PDF, or scans (read by OCR)
          </p>
        </div>
      )}
    </div>
  );
}

function TopBar({
  searchInput,
  onImport,
}: {
  searchInput: React.RefObject<HTMLInputElement | null>;
  onImport: () => void;
}) {
  const query = useDesk((s) => s.query);
  const search = useDesk((s) => s.search);
  const theme = useDesk((s) => s.theme);
  const toggleTheme = useDesk((s) => s.toggleTheme);
  const view = useDesk((s) => s.view);
  const setView = useDesk((s) => s.setView);
  const undoLabel = useDesk((s) => s.undoLabel);
  const redoLabel = useDesk((s) => s.redoLabel);
  const undo = useDesk((s) => s.undo);
  const redo = useDesk((s) => s.redo);
  const showShortcuts = useDesk((s) => s.showShortcuts);
  const claimCount = useDesk((s) => s.claimCount);
  const comparePicked = useDesk((s) => s.comparePicked.length);
  const showExport = useDesk((s) => s.showExport);
  const openConflicts = useDesk((s) => s.conflicts.filter((c) => c.resolution === null).length);
  return (
    <header className="topbar">
      <span className="brand">Source Desk</span>
      <nav className="tabs" aria-label="Views">
        {(
          [
            ['reports', 'Reports'],
            ['claims', `Claims${claimCount ? ` (${claimCount.toLocaleString('en')})` : ''}`],
            ['sources', 'Sources'],
            ['compare', `Compare${comparePicked ? ` (${comparePicked})` : ''}`],
            ['merge', 'Merge'],
          ] as const
        ).map(([key, label]) => (
          <button
            key={key}
            type="button"
            className={view === key ? 'tab current' : 'tab'}
            aria-current={view === key ? 'page' : undefined}
            onClick={() => setView(key)}
          >
            {label}
            {key === 'merge' && openConflicts > 0 && <ConflictBadge count={openConflicts} />}
          </button>
        ))}
      </nav>
      <input
        ref={searchInput}
        type="search"
        className="search"
        placeholder="Search reports  ( / )"
        aria-label="Search reports"
        value={query}
        onChange={(e) => void search(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') void search('');
        }}
      />
      <button type="button" className="primary" onClick={onImport} title="Import reports (Ctrl+O)">
        Import…
      </button>
      <button type="button" onClick={() => showExport(true)} title="Export claims in open formats">
        Export…
      </button>
      <button
        type="button"
        className="undo"
        onClick={() => void undo()}
        disabled={!undoLabel}
        aria-label={undoLabel ? `Undo ${undoLabel}` : 'Undo'}
        title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        Undo
        {/* What it would undo, cut to the room there is (all of it in the title). */}
        {undoLabel && <span className="undo-what"> {undoLabel}</span>}
      </button>
      <button
        type="button"
        onClick={() => void redo()}
        disabled={!redoLabel}
        title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
      >
        Redo
      </button>
      <Reviewer />
      <button
        type="button"
        onClick={() => showShortcuts(true)}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
      <button
        type="button"
        onClick={toggleTheme}
        aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
      >
        {theme === 'dark' ? 'Light' : 'Dark'}
      </button>
    </header>
  );
}

/** The open conflicts merges left, on the Merge tab: a small count, read out in words. */
function ConflictBadge({ count }: { count: number }) {
  const n = count.toLocaleString('en');
  return (
    <>
      <span className="tab-badge" aria-hidden="true">
        {n}
      </span>
      <span className="visually-hidden"> ({n} open conflicts)</span>
    </>
  );
}

function Reviewer() {
  const reviewer = useDesk((s) => s.reviewer);
  const setReviewer = useDesk((s) => s.setReviewer);
  const [name, setName] = useState(reviewer);
  // The name the desk has, shown again when it changes (loaded, or set in the prompt), but never
  // over what the analyst is typing: the session can arrive while the field has the keyboard.
  const [shown, setShown] = useState(reviewer);
  const [editing, setEditing] = useState(false);
  if (reviewer !== shown && !editing) {
    setShown(reviewer);
    setName(reviewer);
  }
  return (
    <input
      className="reviewer"
      aria-label="Reviewer name"
      title="Your name, recorded with every change in the audit trail"
      placeholder="Reviewer name"
      value={name}
      onFocus={() => setEditing(true)}
      onChange={(e) => setName(e.target.value)}
      onBlur={() => {
        setEditing(false);
        if (name !== reviewer) void setReviewer(name);
      }}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  );
}

/** Input types that hold typed text, and so their own undo. */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

function isTextField(element: HTMLElement): boolean {
  if (element.closest('textarea, [contenteditable]:not([contenteditable="false"])')) return true;
  return element instanceof HTMLInputElement && TEXT_INPUTS.has(element.type);
}

/** What the last undo or redo did, with the step that reverses it; goes by itself. */
function UndoNoticeBar() {
  const notice = useDesk((s) => s.undoNotice);
  const dismiss = useDesk((s) => s.dismissUndoNotice);
  const undo = useDesk((s) => s.undo);
  const redo = useDesk((s) => s.redo);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div className="undo-notice" role="status" aria-label="Undo">
      <span>{notice.text}</span>
      {notice.offer === 'redo' && (
        <button type="button" onClick={() => void redo()}>
          Redo
        </button>
      )}
      {notice.offer === 'undo' && (
        <button type="button" onClick={() => void undo()}>
          Undo
        </button>
      )}
      <button type="button" className="link" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

/**
 * The reviewer's name, asked for when a change is first tried on a desk that has none (reading
 * needs no name); the change waits and is made once the name is given.
 */
function ReviewerPrompt() {
  const asked = useDesk((s) => s.reviewerAsked);
  const answer = useDesk((s) => s.answerReviewer);
  const [name, setName] = useState('');
  if (!asked) return null;
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="reviewer-prompt-title"
        onSubmit={(e) => {
          e.preventDefault();
          void answer(name);
        }}
        onKeyDown={(e) => {
          // The desk's other keys wait until the name is given.
          e.stopPropagation();
          if (e.key === 'Escape') void answer(null);
        }}
      >
        <h2 id="reviewer-prompt-title">Who is reviewing?</h2>
        <p>
          This desk records who made each change in its history. Your name is asked once; you can
          change it in the top bar.
        </p>
        <input
          aria-label="Your name"
          placeholder="Your name"
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            Continue
          </button>
          <button type="button" onClick={() => void answer(null)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

function EmptyDesk({ onImport }: { onImport: () => void }) {
  const loadDemo = useDesk((s) => s.loadDemo);
  const setView = useDesk((s) => s.setView);
  return (
    <main className="empty-desk">
      <h1>This desk has no reports yet</h1>
      <p>
        Import reports as text, Markdown, saved web pages or web archives, Word files, PDF, or
        scanned pages and images (read by OCR) — or drop the files anywhere on this window.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onImport}>
          Import reports…
        </button>
        <button type="button" onClick={() => void loadDemo()}>
          Load the demo case
        </button>
        <button type="button" onClick={() => setView('merge')}>
          Merge a colleague’s claim set…
        </button>
      </div>
      <p className="muted">
        The demo case: three reports from Daily NK and ASIAPRESS on vehicles in Ryanggang, late
        2025.
      </p>
    </main>
  );
}
