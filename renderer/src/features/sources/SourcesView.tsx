import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { Rating, SourceSummary } from '../../../../shared/api.ts';
import { RELIABILITY, type Reliability } from '../../../../shared/admiralty.ts';
import { useDesk } from '../../store/index.ts';
import { LocalTime } from '../../ui/LocalTime.tsx';
import { ReliabilitySelect } from '../../ui/grades.tsx';
import { VirtualList, type ListGroup } from '../../ui/VirtualList.tsx';
import './sources.css';

const sourceKey = (s: SourceSummary): number => s.id;

export function SourcesView() {
  const sources = useDesk((s) => s.sources);
  const loadSources = useDesk((s) => s.loadSources);
  useEffect(() => {
    void loadSources();
  }, [loadSources]);
  // One group per outlet, in the desk's order (by outlet, then its own source first).
  const groups = useMemo((): ListGroup<SourceSummary>[] => {
    const map = new Map<string, SourceSummary[]>();
    for (const s of sources) {
      let list = map.get(s.outletName);
      if (!list) map.set(s.outletName, (list = []));
      list.push(s);
    }
    return [...map].map(([outlet, items]) => ({
      key: outlet,
      label: `Sources of ${outlet}`,
      header: (
        <>
          <h2>{outlet}</h2>
          <div className="source-columns" aria-hidden="true">
            <span>Source</span>
            <span>Cites (derives from)</span>
            <span>Reliability</span>
            <span>Rationale</span>
            <span className="num">Reports</span>
            <span className="num">Passages</span>
          </div>
        </>
      ),
      items,
    }));
  }, [sources]);
  const renderItem = useCallback(
    (s: SourceSummary) => (
      <SourceRow key={`${s.id}:${s.reliability}:${s.rationale}`} source={s} sources={sources} />
    ),
    [sources],
  );
  return (
    <main className="sources-view" aria-label="Sources">
      <NewSource sources={sources} />
      <VirtualList
        groups={groups}
        itemKey={sourceKey}
        renderItem={renderItem}
        estimateItem={46}
        estimateHeader={74}
        stickyHeaders
      />
    </main>
  );
}

function NewSource({ sources }: { sources: SourceSummary[] }) {
  const createSource = useDesk((s) => s.createSource);
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
        void createSource({
          outletId: Number(outletId),
          name: name.trim(),
          derivesFromId: cites ? Number(cites) : null,
        }).then((created) => created && setName(''));
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

/** One source, its grade form and history; redrawn only when it or the list of sources changes. */
const SourceRow = memo(function SourceRow({
  source: s,
  sources,
}: {
  source: SourceSummary;
  sources: SourceSummary[];
}) {
  const updateSource = useDesk((st) => st.updateSource);
  const rateSource = useDesk((st) => st.rateSource);
  const sourceHistory = useDesk((st) => st.sourceHistory);
  const [grade, setGrade] = useState<Reliability | ''>(s.reliability ?? '');
  const [rationale, setRationale] = useState(s.rationale);
  const [history, setHistory] = useState<Rating[] | null>(null);
  const dirty = grade !== (s.reliability ?? '') || rationale !== s.rationale;
  return (
    <div className="source-row" role="group" aria-label={s.name}>
      <div>
        <span className="source-name">{s.name}</span>{' '}
        {s.kind === 'outlet' && <span className="kind">outlet</span>}
      </div>
      <div>
        <select
          aria-label={`What ${s.name} cites`}
          value={s.derivesFromId ?? ''}
          onChange={(e) =>
            void updateSource({
              id: s.id,
              derivesFromId: e.target.value ? Number(e.target.value) : null,
            })
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
      </div>
      <div>
        <ReliabilitySelect label={`Reliability of ${s.name}`} value={grade} onChange={setGrade} />
      </div>
      <div>
        <form
          className="rate"
          onSubmit={(e) => {
            e.preventDefault();
            if (grade) void rateSource({ id: s.id, reliability: grade, rationale });
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
            onClick={() => void (history ? setHistory(null) : sourceHistory(s.id).then(setHistory))}
          >
            {history ? 'Hide history' : 'History'}
          </button>
        </form>
      </div>
      <div className="num">{s.reports}</div>
      <div className="num">{s.passages}</div>
      {history && (
        <div className="source-history">
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
                    <LocalTime iso={h.ratedAt} /> · {h.reviewer || 'unnamed reviewer'}
                  </span>{' '}
                  {h.rationale}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
});
