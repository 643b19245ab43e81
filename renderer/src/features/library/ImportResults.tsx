import { useDesk } from '../../store/index.ts';

const LABEL = {
  imported: 'Imported',
  duplicate: 'Already in the desk',
  rejected: 'Not imported',
} as const;

/** Per-file outcome of the last import, rejections first and in plain words. */
export function ImportResults() {
  const results = useDesk((s) => s.importResults);
  const dismiss = useDesk((s) => s.dismissImportResults);
  const openReport = useDesk((s) => s.openReport);
  if (!results) return null;
  const order = { rejected: 0, duplicate: 1, imported: 2 };
  const sorted = [...results].sort((a, b) => order[a.status] - order[b.status]);
  const count = (status: keyof typeof LABEL): number =>
    results.filter((r) => r.status === status).length;
  return (
    <section className="import-results" role="status" aria-label="Import results">
      <header>
        <h2>
          Import: {count('imported')} imported
          {count('duplicate') > 0 && `, ${count('duplicate')} already in the desk`}
          {count('rejected') > 0 && `, ${count('rejected')} not imported`}
        </h2>
        <button type="button" onClick={dismiss} aria-label="Dismiss import results">
          Dismiss
        </button>
      </header>
      <ul>
        {sorted.map((r, i) => (
          <li key={i} className={`result ${r.status}`}>
            <span className="badge">{LABEL[r.status]}</span>
            <span className="file">{r.file}</span>
            {r.status === 'rejected' && <span className="reason">{r.message}</span>}
            {r.status !== 'rejected' && r.reportId && (
              <button
                type="button"
                className="link"
                onClick={() => void openReport(r.reportId as number)}
              >
                {r.title}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
