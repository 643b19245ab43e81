import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { LocalTime } from '../../ui/LocalTime.tsx';
import { describeEntry } from './history.ts';

/** The claim's audit trail, loaded when opened and again after each change. */
export function History({ claimId, updatedAt }: { claimId: number; updatedAt: string }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [open, setOpen] = useState(false);
  const claimHistory = useDesk((s) => s.claimHistory);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void claimHistory(claimId).then((list) => live && setEntries(list));
    return () => {
      live = false;
    };
  }, [open, claimId, updatedAt, claimHistory]);
  return (
    <details className="history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>History</summary>
      <ol>
        {(entries ?? []).map((h) => (
          <Entry key={h.id} entry={h} />
        ))}
      </ol>
    </details>
  );
}

/** One change: when (local time, ISO on hover), who, what, and each value before and after. */
function Entry({ entry }: { entry: AuditEntry }) {
  const line = describeEntry(entry);
  return (
    <li>
      <span className="muted small">
        <LocalTime iso={entry.at} /> · {entry.reviewer || 'unnamed reviewer'}
      </span>{' '}
      <strong>{line.title}</strong>
      {line.quote && <q className="history-quote">{line.quote}</q>}
      {line.changes.length > 0 && (
        <span className="small history-changes">
          {line.changes.map((c) => (
            <span key={c.label} className="change">
              {c.label}: {c.before !== undefined && <del>{c.before}</del>}
              {c.before !== undefined && c.after !== undefined && ' → '}
              {c.after !== undefined && <ins>{c.after}</ins>}
            </span>
          ))}
        </span>
      )}
    </li>
  );
}
