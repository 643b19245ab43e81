import { useEffect, useMemo, useState } from 'react';
import type { Rating, SourceSummary } from '../../../../shared/api.ts';
import { RELIABILITY, type Reliability } from '../../../../shared/admiralty.ts';
import { call } from '../../api.ts';
import { useDesk } from '../../store/index.ts';
import { ReliabilitySelect } from '../../ui/grades.tsx';

export function SourcesView() {
  const sources = useDesk((s) => s.sources);
  const loadSources = useDesk((s) => s.loadSources);
  useEffect(() => {
    void loadSources();
  }, [loadSources]);
  const byOutlet = useMemo(() => {
    const map = new Map<string, SourceSummary[]>();
    for (const s of sources) map.set(s.outletName, [...(map.get(s.outletName) ?? []), s]);
    return [...map.entries()];
  }, [sources]);
  return (
    <main className="sources-view" aria-label="Sources">
      <NewSource sources={sources} />
      {byOutlet.map(([outlet, list]) => (
        <section key={outlet} className="outlet-sources" aria-label={`Sources of ${outlet}`}>
          <h2>{outlet}</h2>
          <table>
            <thead>
              <tr>
                <th>Source</th>
                <th>Cites (derives from)</th>
                <th>Reliability</th>
                <th>Rationale</th>
                <th className="num">Reports</th>
                <th className="num">Passages</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <SourceRow
                  key={`${s.id}:${s.reliability}:${s.rationale}`}
                  source={s}
                  sources={sources}
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </main>
  );
}

function NewSource({ sources }: { sources: SourceSummary[] }) {
  const change = useDesk((s) => s.change);
  const outlets = sources.filter((s) => s.kind === 'outlet');
  const [outletId, setOutletId] = useState('');
  const [name, setName] = useState('');
  const [cites, setCites] = useState('');
  return (
    <form
      className="new-source"
      aria-label="Add a named source"
      onSubmit={(e) => {
        e.preventDefault();
        void change(() =>
          call('sources.create', {
            outletId: Number(outletId),
            name: name.trim(),
            derivesFromId: cites ? Number(cites) : null,
          }),
        ).then((created) => created && setName(''));
      }}
    >
      <strong>Add a named source</strong>
      <select
        aria-label="Outlet"
        value={outletId}
        onChange={(e) => setOutletId(e.target.value)}
        required
      >
        <option value="">Outlet…</option>
        {outlets.map((o) => (
          <option key={o.outletId} value={o.outletId}>
            {o.outletName}
          </option>
        ))}
      </select>
      <input
        aria-label="Source name"
        placeholder="e.g. Reporting partner A in Ryanggang"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
      />
      <select aria-label="Cites" value={cites} onChange={(e) => setCites(e.target.value)}>
        <option value="">Cites no other source</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            cites {s.name}
            {s.kind === 'named' ? ` (${s.outletName})` : ''}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={!outletId || !name.trim()}>
        Add source
      </button>
    </form>
  );
}

function SourceRow({ source: s, sources }: { source: SourceSummary; sources: SourceSummary[] }) {
  const change = useDesk((st) => st.change);
  const [grade, setGrade] = useState<Reliability | ''>(s.reliability ?? '');
  const [rationale, setRationale] = useState(s.rationale);
  const [history, setHistory] = useState<Rating[] | null>(null);
  const dirty = grade !== (s.reliability ?? '') || rationale !== s.rationale;
  return (
    <>
      <tr>
        <td>
          <span className="source-name">{s.name}</span>{' '}
          {s.kind === 'outlet' && <span className="kind">outlet</span>}
        </td>
        <td>
          <select
            aria-label={`What ${s.name} cites`}
            value={s.derivesFromId ?? ''}
            onChange={(e) =>
              void change(() =>
                call('sources.update', {
                  id: s.id,
                  derivesFromId: e.target.value ? Number(e.target.value) : null,
                }),
              )
            }
          >
            <option value="">—</option>
            {sources
              .filter((o) => o.id !== s.id)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                  {o.kind === 'named' ? ` (${o.outletName})` : ''}
                </option>
              ))}
          </select>
        </td>
        <td>
          <ReliabilitySelect label={`Reliability of ${s.name}`} value={grade} onChange={setGrade} />
        </td>
        <td>
          <form
            className="rate"
            onSubmit={(e) => {
              e.preventDefault();
              if (grade)
                void change(() =>
                  call('sources.rate', { id: s.id, reliability: grade, rationale }),
                );
            }}
          >
            <input
              aria-label={`Rationale for ${s.name}`}
              placeholder="Why this grade"
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
            />
            <button type="submit" disabled={!grade || !dirty}>
              Save grade
            </button>
            <button
              type="button"
              className="link"
              onClick={() =>
                void (history
                  ? setHistory(null)
                  : call('sources.history', { id: s.id }).then(setHistory))
              }
            >
              {history ? 'Hide history' : 'History'}
            </button>
          </form>
        </td>
        <td className="num">{s.reports}</td>
        <td className="num">{s.passages}</td>
      </tr>
      {history && (
        <tr className="history-row">
          <td colSpan={6}>
            {history.length === 0 ? (
              <span className="muted">Never graded.</span>
            ) : (
              <ol>
                {history.map((h) => (
                  <li key={h.id}>
                    <strong>
                      {h.reliability} — {RELIABILITY[h.reliability]}
                    </strong>{' '}
                    <span className="muted small">
                      {new Date(h.ratedAt).toLocaleString()} · {h.reviewer || 'unnamed reviewer'}
                    </span>{' '}
                    {h.rationale}
                  </li>
                ))}
              </ol>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
