import { useEffect, useMemo, useRef, useState } from 'react';
import type {
  Duplicate,
  DuplicateDecision,
  MergeConflict,
  MergeReport,
} from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { LocalTime } from '../../ui/LocalTime.tsx';
import { conflictValue, FIELD_LABEL, type ValueText } from './conflict-values.ts';
import './merge.css';

/** The merge of a colleague's claim set (previewed, then applied) and the conflicts merges left. */
export function MergeView() {
  const loadConflicts = useDesk((s) => s.loadConflicts);
  const loadPending = useDesk((s) => s.loadPending);
  useEffect(() => {
    void loadConflicts();
    // Reports imported since may have placed some.
    void loadPending();
  }, [loadConflicts, loadPending]);
  return (
    <main className="merge-view">
      <MergePanel />
      <div className="merge-side">
        <ConflictsPanel />
        <PendingPanel />
      </div>
    </main>
  );
}

function MergePanel() {
  const file = useDesk((s) => s.mergeFile);
  const report = useDesk((s) => s.mergeReport);
  const error = useDesk((s) => s.mergeError);
  const merging = useDesk((s) => s.merging);
  const previewMerge = useDesk((s) => s.previewMerge);
  const clearMerge = useDesk((s) => s.clearMerge);
  const input = useRef<HTMLInputElement>(null);
  const pick = async (picked: File | undefined): Promise<void> => {
    if (!picked) return;
    await previewMerge({ fileName: picked.name, content: await picked.text() });
  };
  return (
    <section className="merge-panel" aria-labelledby="merge-title">
      <h1 id="merge-title">Merge a colleague’s claim set</h1>
      <p className="muted">
        Pick a claim set (.json) exported from another desk. Every quote in it is checked against
        its report’s text first, and you see what the merge would do; nothing on this desk changes
        until you press Merge.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className={file ? undefined : 'primary'}
          onClick={() => input.current?.click()}
        >
          {file ? 'Choose another claim set…' : 'Choose a claim set…'}
        </button>
        {file && (
          <button type="button" onClick={clearMerge}>
            Clear
          </button>
        )}
      </div>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Claim set file"
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {merging && (
        <p className="merge-busy" role="status">
          {report ? 'Merging' : 'Checking'} {file?.fileName}…
        </p>
      )}
      {error && file && (
        <div className="merge-refused" role="alert">
          <h2>The desk refused {file.fileName}</h2>
          <p>{error}</p>
          <p className="muted">Nothing on this desk was changed.</p>
        </div>
      )}
      {report && !error && <Report report={report} />}
    </section>
  );
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function Report({ report }: { report: MergeReport }) {
  const applyMerge = useDesk((s) => s.applyMerge);
  const merging = useDesk((s) => s.merging);
  const [decisions, setDecisions] = useState<Record<string, DuplicateDecision>>({});
  const preview = report.dryRun;
  const title = preview
    ? `What merging ${report.fileName} would do`
    : report.changed
      ? `Merged ${report.fileName}`
      : `${report.fileName} was merged before: nothing changed`;
  const decisionOf = (d: Duplicate): DuplicateDecision => decisions[d.incoming.id] ?? d.decision;
  return (
    <article className="merge-report" aria-label={preview ? 'Merge preview' : 'Merge result'}>
      <h2>{title}</h2>
      <p className="merge-from">
        Exported by <strong>{report.from.reviewer || 'an unnamed reviewer'}</strong> from desk{' '}
        <code title={report.from.desk}>{report.from.desk.slice(0, 8)}</code> on{' '}
        <LocalTime iso={report.from.at} />
      </p>
      {preview && !report.changed && (
        <p className="merge-nothing">This desk already holds everything this set says.</p>
      )}
      <table className="merge-counts">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{preview ? 'New' : 'Added'}</th>
            <th scope="col">Already here</th>
            <th scope="col">Missing</th>
          </tr>
        </thead>
        <tbody>
          <CountRow
            name="Reports"
            created={report.reports.imported}
            matched={report.reports.matched}
            missing={report.reports.missing}
          />
          <CountRow name="Claims" {...report.claims} />
          <CountRow name="Sources" {...report.sources} />
          <CountRow name="Passages" {...report.passages} />
          <CountRow name="Evidence links" {...report.evidence} />
        </tbody>
      </table>
      {report.reports.missing > 0 && (
        <p className="muted small">
          Missing: reports the set names without their text, which this desk does not hold. Their
          passages wait and are placed when the report is imported.
        </p>
      )}
      <Passages
        title="Re-anchored"
        about="The quote was not at its position in this desk’s text; it was found nearby and placed there."
        passages={report.passages.reanchored}
      />
      <Passages
        title="Orphaned"
        about="The quote is not in this desk’s text of the report: kept, and shown as orphaned for review."
        passages={report.passages.orphaned}
      />
      <Passages
        title="Waiting for their report"
        about="The report is not on this desk and the set does not carry its text."
        passages={report.passages.pending}
      />
      {report.duplicates.length > 0 && (
        <section className="merge-section" aria-label="Likely duplicates">
          <h3>Likely duplicates ({report.duplicates.length})</h3>
          <p className="muted small">
            Items that look like ones on this desk. They are kept separate unless you choose to
            merge them.
          </p>
          <ul className="merge-duplicates">
            {report.duplicates.map((d) => (
              <li key={d.incoming.id}>
                <div>
                  <span className="merge-entity">{d.entity === 'claim' ? 'Claim' : 'Source'}</span>{' '}
                  <q>{d.incoming.label}</q> looks like <q>{d.local.label}</q>
                </div>
                {preview ? (
                  <div
                    className="merge-decision"
                    role="radiogroup"
                    aria-label={`What to do with ${d.incoming.label}`}
                  >
                    <label>
                      <input
                        type="radio"
                        name={`duplicate-${d.incoming.id}`}
                        checked={decisionOf(d) === 'separate'}
                        onChange={() =>
                          setDecisions((old) => ({ ...old, [d.incoming.id]: 'separate' }))
                        }
                      />
                      Keep separate
                    </label>
                    <label>
                      <input
                        type="radio"
                        name={`duplicate-${d.incoming.id}`}
                        checked={decisionOf(d) === 'merge'}
                        onChange={() =>
                          setDecisions((old) => ({ ...old, [d.incoming.id]: 'merge' }))
                        }
                      />
                      Merge into <q>{d.local.label}</q>
                    </label>
                  </div>
                ) : (
                  <div className="muted small">
                    {d.decision === 'merge' ? `Merged into “${d.local.label}”` : 'Kept separate'}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* Once merged, they are listed under Conflicts to decide, with their buttons. */}
      {preview && report.conflicts.length > 0 && (
        <section className="merge-section" aria-label="Conflicts from this set">
          <h3>Conflicts the merge would list ({report.conflicts.length})</h3>
          <p className="muted small">
            Where the set and this desk differ on a grade, stance or verdict. Nothing here is
            overwritten: each is listed for you to decide.
          </p>
          <ul className="conflict-list">
            {report.conflicts.map((c, i) => (
              <ConflictItem key={c.id ?? `${c.item}-${c.field}-${i}`} conflict={c} />
            ))}
          </ul>
        </section>
      )}
      {preview && (
        <div className="form-actions merge-actions">
          <button
            type="button"
            className="primary"
            disabled={merging || !report.changed}
            onClick={() =>
              void applyMerge(
                report.duplicates.map((d) => ({ id: d.incoming.id, decision: decisionOf(d) })),
              )
            }
          >
            {merging ? 'Merging…' : 'Merge'}
          </button>
          <span className="muted small">
            {report.changed
              ? 'One step: the desk takes all of it, or none of it.'
              : 'Nothing to merge.'}
          </span>
        </div>
      )}
      {!preview && report.changed && (
        <p className="merge-done" role="status">
          {mergedSummary(report)}
        </p>
      )}
    </article>
  );
}

/** What an applied merge did, in a sentence: only what it did. */
function mergedSummary(report: MergeReport): string {
  const added = [
    [report.claims.created, 'claim'],
    [report.sources.created, 'source'],
    [report.passages.created, 'passage'],
    [report.evidence.created, 'evidence link'],
    [report.reports.imported, 'report'],
  ] as const;
  const parts = added.filter(([n]) => n > 0).map(([n, what]) => plural(n, what));
  const said = [parts.length > 0 ? `Added ${parts.join(', ')}` : 'Nothing new added'];
  if (report.conflicts.length > 0)
    said.push(`${plural(report.conflicts.length, 'conflict')} listed for you to decide`);
  const audited =
    report.audit > 0 ? ` ${plural(report.audit, 'change')} recorded in the audit log.` : '';
  return `${said.join('; ')}.${audited}`;
}

function CountRow({
  name,
  created,
  matched,
  missing,
}: {
  name: string;
  created: number;
  matched: number;
  missing?: number;
}) {
  return (
    <tr data-count={name}>
      <th scope="row">{name}</th>
      <td>{created.toLocaleString('en')}</td>
      <td>{matched.toLocaleString('en')}</td>
      <td>{missing === undefined ? '' : missing.toLocaleString('en')}</td>
    </tr>
  );
}

function Passages({
  title,
  about,
  passages,
}: {
  title: string;
  about: string;
  passages: MergeReport['passages']['orphaned'];
}) {
  if (passages.length === 0) return null;
  return (
    <section className="merge-section" aria-label={`Passages ${title.toLowerCase()}`}>
      <h3>
        Passages {title.toLowerCase()} ({passages.length})
      </h3>
      <p className="muted small">{about}</p>
      <ul className="merge-passages">
        {passages.map((p) => (
          <li key={p.id}>
            <q>{p.quote}</q> <span className="muted">— {p.report}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConflictsPanel() {
  const conflicts = useDesk((s) => s.conflicts);
  const open = conflicts.filter((c) => c.resolution === null).length;
  return (
    <section className="conflicts-panel" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">
        Conflicts to decide <span className="count">{open} open</span>
      </h2>
      {conflicts.length === 0 ? (
        <p className="muted">
          None. When a merged set grades a source, weighs a passage or judges a claim differently
          from this desk, the two values are listed here for you to decide.
        </p>
      ) : (
        <ul className="conflict-list">
          {conflicts.map((c, i) => (
            <ConflictItem key={c.id ?? i} conflict={c} decide />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Passages from merged sets that wait for their report (placed when it is imported), or for the
 * text they were made on (their quote could not be checked against the desk's version).
 */
function PendingPanel() {
  const pending = useDesk((s) => s.pending);
  const byReport = useMemo(() => {
    const groups = new Map<string, typeof pending>();
    for (const p of pending) groups.set(p.sha256, [...(groups.get(p.sha256) ?? []), p]);
    return [...groups.values()];
  }, [pending]);
  if (pending.length === 0) return null;
  return (
    <section className="pending-panel" aria-labelledby="pending-title">
      <h2 id="pending-title">
        Waiting for their report <span className="count">{pending.length}</span>
      </h2>
      <p className="muted small">
        Import the report (the same text) and these passages are checked and placed in it. A passage
        marked “needs its own text” was made on a version of the report this desk does not have:
        merge a set that carries the reports’ texts, or import that version.
      </p>
      {byReport.map((passages) => {
        const first = passages[0];
        if (!first) return null;
        return (
          <section key={first.sha256} className="pending-report" aria-label={first.report}>
            <h3>{first.report}</h3>
            <ul className="merge-passages">
              {passages.map((p) => (
                <li key={p.id}>
                  <q>{p.quote}</q> <span className="muted">— from {p.fileName}</span>
                  {p.waitingFor === 'text' && <span className="muted"> · needs its own text</span>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

const ENTITY_LABEL: Record<MergeConflict['entity'], string> = {
  claim: 'Claim',
  source: 'Source',
  passage: 'Passage',
  evidence: 'Evidence',
};

function ConflictItem({
  conflict: c,
  decide = false,
}: {
  conflict: MergeConflict;
  decide?: boolean;
}) {
  const resolveConflict = useDesk((s) => s.resolveConflict);
  const [busy, setBusy] = useState(false);
  const resolve = async (take: 'local' | 'incoming'): Promise<void> => {
    if (c.id === null) return;
    setBusy(true);
    await resolveConflict(c.id, take);
    setBusy(false);
  };
  return (
    <li
      className={`conflict${c.resolution ? ' resolved' : ''}`}
      aria-label={`${ENTITY_LABEL[c.entity]} ${c.label}: ${c.field}`}
    >
      <div className="conflict-what">
        <span className="merge-entity">{ENTITY_LABEL[c.entity]}</span>{' '}
        <span className="conflict-label">{c.label}</span>
        <span className="conflict-field">{FIELD_LABEL[c.field] ?? c.field}</span>
      </div>
      <dl className="conflict-values">
        <ConflictValue
          who={`Mine (${c.localReviewer || 'this desk'})`}
          value={conflictValue(c.field, c.local)}
          taken={c.resolution === 'local'}
        />
        <ConflictValue
          who={`Theirs (${c.incomingReviewer || 'the set'})`}
          value={conflictValue(c.field, c.incoming)}
          taken={c.resolution === 'incoming'}
        />
      </dl>
      <div className="conflict-foot">
        <span className="muted small">From {c.fileName}</span>
        {c.resolution ? (
          <span className="conflict-resolved small">
            {c.resolution === 'local' ? 'Kept mine' : 'Took theirs'}
            {c.resolvedBy && ` — ${c.resolvedBy}`}
            {c.resolvedAt && (
              <>
                , <LocalTime iso={c.resolvedAt} />
              </>
            )}
          </span>
        ) : (
          decide &&
          c.id !== null && (
            <span className="conflict-actions">
              <button type="button" disabled={busy} onClick={() => void resolve('local')}>
                Keep mine
              </button>
              <button type="button" disabled={busy} onClick={() => void resolve('incoming')}>
                Take theirs
              </button>
            </span>
          )
        )}
      </div>
    </li>
  );
}

function ConflictValue({ who, value, taken }: { who: string; value: ValueText; taken: boolean }) {
  return (
    <div className={taken ? 'taken' : undefined}>
      <dt>{who}</dt>
      <dd>
        {value.text}
        {value.why && <span className="conflict-why">{value.why}</span>}
      </dd>
    </div>
  );
}
