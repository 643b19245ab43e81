import { useEffect, useRef, useState } from 'react';
import { REPORT_ACCEPT } from '../../shared/formats.ts';
import { ImportResults } from './features/library/ImportResults.tsx';
import { Library } from './features/library/Library.tsx';
import { PassagePanel } from './features/reader/PassagePanel.tsx';
import { Reader } from './features/reader/Reader.tsx';
import { ClaimsView } from './features/claims/ClaimsView.tsx';
import { SourcesView } from './features/sources/SourcesView.tsx';
import { useDesk } from './store/index.ts';

export function App() {
  const theme = useDesk((s) => s.theme);
  const loaded = useDesk((s) => s.loaded);
  const reportCount = useDesk((s) => s.reportIds.length);
  const loadReports = useDesk((s) => s.loadReports);
  const error = useDesk((s) => s.error);
  const showError = useDesk((s) => s.showError);
  const importFiles = useDesk((s) => s.importFiles);
  const importing = useDesk((s) => s.importing);
  const view = useDesk((s) => s.view);
  const loadSources = useDesk((s) => s.loadSources);
  const loadSession = useDesk((s) => s.loadSession);
  const undo = useDesk((s) => s.undo);
  const followDesk = useDesk((s) => s.followDesk);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // Claims are loaded when their view opens (ClaimsView), a page at a time.
    void loadReports();
    void loadSources();
    void loadSession();
    return followDesk();
  }, [loadReports, loadSources, loadSession, followDesk]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const inField = (event.target as HTMLElement).closest('input, textarea');
      if (event.key === '/' && !inField) {
        event.preventDefault();
        searchInput.current?.focus();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        fileInput.current?.click();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !inField) {
        event.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

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
      <ImportResults />
      {loaded && reportCount === 0 ? (
        <EmptyDesk onImport={() => fileInput.current?.click()} />
      ) : view === 'claims' ? (
        <ClaimsView />
      ) : view === 'sources' ? (
        <SourcesView />
      ) : (
        <main className="workspace">
          <Library />
          <Reader />
          <PassagePanel />
        </main>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop reports to import them</p>
          <p className="muted">Text, Markdown or saved web pages</p>
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
  const undo = useDesk((s) => s.undo);
  const claimCount = useDesk((s) => s.claimCount);
  const reviewer = useDesk((s) => s.reviewer);
  return (
    <header className="topbar">
      <span className="brand">Source Desk</span>
      <nav className="tabs" aria-label="Views">
        {(
          [
            ['reports', 'Reports'],
            ['claims', `Claims${claimCount ? ` (${claimCount.toLocaleString('en')})` : ''}`],
            ['sources', 'Sources'],
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
      <button
        type="button"
        onClick={() => void undo()}
        disabled={!undoLabel}
        title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        {undoLabel
          ? `Undo ${undoLabel.length > 28 ? `${undoLabel.slice(0, 27)}…` : undoLabel}`
          : 'Undo'}
      </button>
      <Reviewer key={reviewer} />
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

function Reviewer() {
  const reviewer = useDesk((s) => s.reviewer);
  const setReviewer = useDesk((s) => s.setReviewer);
  const [name, setName] = useState(reviewer);
  return (
    <input
      className="reviewer"
      aria-label="Reviewer name"
      title="Your name, recorded with every change in the audit trail"
      placeholder="Reviewer name"
      value={name}
      onChange={(e) => setName(e.target.value)}
      onBlur={() => name !== reviewer && void setReviewer(name)}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  );
}

function EmptyDesk({ onImport }: { onImport: () => void }) {
  const loadDemo = useDesk((s) => s.loadDemo);
  return (
    <main className="empty-desk">
      <h1>This desk has no reports yet</h1>
      <p>
        Import news reports as text, Markdown or saved web pages — or drop the files anywhere on
        this window.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onImport}>
          Import reports…
        </button>
        <button type="button" onClick={() => void loadDemo()}>
          Load the demo case
        </button>
      </div>
      <p className="muted">
        The demo case: three reports from Daily NK and ASIAPRESS on vehicles in Ryanggang, late
        2025.
      </p>
    </main>
  );
}
