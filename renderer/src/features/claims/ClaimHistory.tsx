import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';

const ACTION_LABEL: Record<string, string> = {
  'claim.create': 'Created',
  'claim.update': 'Edited',
  'claim.verdict': 'Verdict',
  'claim.merge': 'Merged',
  'claim.delete': 'Deleted',
  'claim.shared-origin': 'Shared origin',
  'evidence.link': 'Evidence added',
  'evidence.update': 'Evidence changed',
  'evidence.unlink': 'Evidence removed',
};

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
          <li key={h.id}>
            <span className="muted small">
              {new Date(h.at).toLocaleString()} · {h.reviewer || 'unnamed reviewer'}
            </span>{' '}
            <strong>{ACTION_LABEL[h.action] ?? h.action}</strong>{' '}
            <Change before={h.before} after={h.after} />
          </li>
        ))}
      </ol>
    </details>
  );
}

/** What changed: the fields whose values differ, before struck through and after. */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !(k in a && k in b) || JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  const show = (value: unknown): string =>
    typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return (
    <span className="small">
      {keys.map((k) => (
        <span key={k} className="change">
          {k}: {k in b && <del>{show(b[k])}</del>} {k in a && <ins>{show(a[k])}</ins>}
        </span>
      ))}
    </span>
  );
}
