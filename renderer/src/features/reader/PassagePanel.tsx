import { useEffect, useRef, useState } from 'react';
import type { Passage } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { Attribution, PassageClaims } from './PassageEvidence.tsx';

/** Items drawn at first; more as the list is scrolled, so a report with thousands opens at once. */
const FIRST_ITEMS = 60;
const MORE_ITEMS = 200;

export function PassagePanel() {
  const reportId = useDesk((s) => s.reportId);
  return <PassageList key={reportId ?? 0} />;
}

function PassageList() {
  const report = useDesk((s) => s.report);
  const passages = useDesk((s) => s.passages);
  const selectedId = useDesk((s) => s.selectedPassageId);
  const selectPassage = useDesk((s) => s.selectPassage);
  const [limit, setLimit] = useState(FIRST_ITEMS);
  const sentinel = useRef<HTMLLIElement>(null);
  const anchored = passages.filter((p) => p.status === 'anchored');
  const orphaned = passages.filter((p) => p.status === 'orphaned');
  const selectedIndex = anchored.findIndex((p) => p.id === selectedId);
  const shown = anchored.slice(0, Math.max(limit, selectedIndex + 20));
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setLimit((n) => n + MORE_ITEMS);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown.length]);
  if (!report) return <aside className="passages" aria-label="Passages" />;
  return (
    <aside className="passages" aria-label="Passages">
      <h2>
        Passages <span className="count">{anchored.length}</span>
      </h2>
      {anchored.length === 0 && (
        <p className="muted">No passages yet. Select words in the text and press H.</p>
      )}
      <ol className="passage-list">
        {shown.map((p) => (
          <PassageItem
            key={p.id}
            passage={p}
            selected={p.id === selectedId}
            onSelect={selectPassage}
          />
        ))}
        {shown.length < anchored.length && (
          <li ref={sentinel} className="muted small">
            {anchored.length - shown.length} more…
          </li>
        )}
      </ol>
      {orphaned.length > 0 && (
        <section className="orphaned" aria-label="Orphaned passages">
          <h3>Could not be placed in this version ({orphaned.length})</h3>
          <p className="muted">
            Their words are no longer in the text. Review them, then delete or re-create them.
          </p>
          <ol className="passage-list">
            {orphaned.map((p) => (
              <PassageItem
                key={p.id}
                passage={p}
                selected={p.id === selectedId}
                onSelect={selectPassage}
              />
            ))}
          </ol>
        </section>
      )}
    </aside>
  );
}

/** A passage in the list: its words and note, or its editor when selected. */
function PassageItem({
  passage: p,
  selected,
  onSelect,
}: {
  passage: Passage;
  selected: boolean;
  onSelect: (id: number) => void;
}) {
  return (
    <li>
      {selected ? (
        <PassageEditor passage={p} />
      ) : (
        <button
          type="button"
          className={`passage-item${p.status === 'orphaned' ? ' orphan' : ''}`}
          onClick={() => onSelect(p.id)}
          data-passage-id={p.id}
        >
          <q>{p.exact}</q>
          {p.note && <span className="note">{p.note}</span>}
        </button>
      )}
    </li>
  );
}

function PassageEditor({ passage }: { passage: Passage }) {
  const updateNote = useDesk((s) => s.updateNote);
  const deletePassage = useDesk((s) => s.deletePassage);
  const selectPassage = useDesk((s) => s.selectPassage);
  const [note, setNote] = useState(passage.note);
  const [confirming, setConfirming] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);
  const save = async (): Promise<void> => {
    if (note !== passage.note) await updateNote(passage.id, note);
    selectPassage(null);
  };
  return (
    <div className="passage-editor" role="group" aria-label="Selected passage">
      <blockquote>{passage.exact}</blockquote>
      <p className="muted small">
        Characters {passage.start.toLocaleString()}–{passage.end.toLocaleString()}
        {passage.status === 'orphaned' && ' in an earlier version'}
      </p>
      <label>
        <span>Note</span>
        <textarea
          ref={noteRef}
          value={note}
          rows={3}
          placeholder="Why this passage matters (optional)"
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            if (e.key === 'Escape') selectPassage(null);
          }}
        />
      </label>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={note === passage.note}
        >
          Save note
        </button>
        {confirming ? (
          <button type="button" className="danger" onClick={() => void deletePassage(passage.id)}>
            Confirm delete
          </button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete passage
          </button>
        )}
        <button type="button" onClick={() => selectPassage(null)}>
          Close
        </button>
      </div>
      <Attribution passage={passage} />
      <PassageClaims passage={passage} />
    </div>
  );
}
