import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Passage } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { VirtualList, type ListGroup, type VirtualListHandle } from '../../ui/VirtualList.tsx';
import { markOf, MARK_LABEL } from './marks.ts';
import { Attribution, PassageClaims } from './PassageEvidence.tsx';
import { ShowOnPage } from '../pages/PageButtons.tsx';

export function PassagePanel() {
  const reportId = useDesk((s) => s.reportId);
  return <PassageList key={reportId ?? 0} />;
}

const passageKey = (p: Passage): number => p.id;

/** Only the passages in view are drawn, so a report with thousands opens at once. */
function PassageList() {
  const report = useDesk((s) => s.report);
  const passages = useDesk((s) => s.passages);
  const selectedId = useDesk((s) => s.selectedPassageId);
  const selectPassage = useDesk((s) => s.selectPassage);
  const sources = useDesk((s) => s.sources);
  const list = useRef<VirtualListHandle>(null);
  /** Who each passage's information comes from, by source id (none: the report's outlet). */
  const sourceNames = useMemo(() => new Map(sources.map((s) => [s.id, s.name])), [sources]);
  const outlet = report?.outlet ?? 'The report';
  const groups = useMemo(() => passageGroups(passages), [passages]);
  // The open editor stays drawn (and keeps its unsaved note) wherever the list is scrolled.
  const keep = useMemo(() => (selectedId === null ? [] : [selectedId]), [selectedId]);
  useEffect(() => {
    // The open editor is taller than most rows: its top (the quote) is what is shown first.
    if (selectedId !== null) list.current?.scrollToKey(selectedId, 'start');
  }, [selectedId]);
  const renderItem = useCallback(
    (p: Passage) => (
      <PassageItem
        passage={p}
        source={(p.sourceId === null ? null : sourceNames.get(p.sourceId)) ?? outlet}
        selected={p.id === selectedId}
        onSelect={selectPassage}
      />
    ),
    [selectedId, selectPassage, sourceNames, outlet],
  );
  if (!report) return <aside className="passages" aria-label="Passages" />;
  return (
    <aside className="passages" aria-label="Passages">
      <VirtualList
        groups={groups}
        itemKey={passageKey}
        renderItem={renderItem}
        estimateItem={70}
        estimateHeader={40}
        keep={keep}
        listTag="ol"
        handle={list}
      />
    </aside>
  );
}

function passageGroups(passages: Passage[]): ListGroup<Passage>[] {
  const anchored = passages.filter((p) => p.status === 'anchored');
  const orphaned = passages.filter((p) => p.status === 'orphaned');
  const groups: ListGroup<Passage>[] = [
    {
      key: 'anchored',
      header: (
        <>
          <h2>
            Passages <span className="count">{anchored.length.toLocaleString('en')}</span>
          </h2>
          {anchored.length === 0 && (
            <p className="muted">No passages yet. Select words in the text and press H.</p>
          )}
        </>
      ),
      items: anchored,
    },
  ];
  if (orphaned.length > 0) {
    groups.push({
      key: 'orphaned',
      label: 'Orphaned passages',
      header: (
        <>
          <h3>Could not be placed in this version ({orphaned.length.toLocaleString('en')})</h3>
          <p className="muted">
            Their words are no longer in the text. Review them, then delete or re-create them.
          </p>
        </>
      ),
      items: orphaned,
    });
  }
  return groups;
}

/** A passage in the list: its words and note, or its editor when selected. */
const PassageItem = memo(function PassageItem({
  passage: p,
  source,
  selected,
  onSelect,
}: {
  passage: Passage;
  /** Its source's name, or its report's outlet. */
  source: string;
  selected: boolean;
  onSelect: (id: number) => void;
}) {
  const mark = markOf(p);
  return selected ? (
    <PassageEditor passage={p} />
  ) : (
    <button
      type="button"
      className={`passage-item mark-${mark}${p.status === 'orphaned' ? ' orphan' : ''}`}
      onClick={() => onSelect(p.id)}
      data-passage-id={p.id}
    >
      <q>{p.exact}</q>
      {p.note && <span className="note">{p.note}</span>}
      <span className="passage-meta">
        {source} ·{' '}
        {p.claimCount === 0
          ? MARK_LABEL.unlinked.toLowerCase()
          : `${MARK_LABEL[mark]} · ${p.claimCount} ${p.claimCount === 1 ? 'claim' : 'claims'}`}
      </span>
    </button>
  );
});

function PassageEditor({ passage }: { passage: Passage }) {
  const updateNote = useDesk((s) => s.updateNote);
  const deletePassage = useDesk((s) => s.deletePassage);
  const selectPassage = useDesk((s) => s.selectPassage);
  const [note, setNote] = useState(passage.note);
  const [confirming, setConfirming] = useState(false);
  // The editor, not its note, takes the keyboard: the panel's keys (stance, credibility, link)
  // work at once, and the note is a click or a Tab away.
  const editor = useRef<HTMLDivElement>(null);
  useEffect(() => editor.current?.focus({ preventScroll: true }), []);
  const save = async (): Promise<void> => {
    if (note !== passage.note) await updateNote(passage.id, note);
    selectPassage(null);
  };
  return (
    <div
      ref={editor}
      tabIndex={-1}
      className="passage-editor"
      role="group"
      aria-label="Selected passage"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.target === e.currentTarget) selectPassage(null);
      }}
    >
      <blockquote>{passage.exact}</blockquote>
      <p className="muted small">
        Characters {passage.start.toLocaleString()}–{passage.end.toLocaleString()}
        {passage.status === 'orphaned' && ' in an earlier version'}
      </p>
      <label>
        <span>Note</span>
        <textarea
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
          <>
            <button type="button" className="danger" onClick={() => void deletePassage(passage.id)}>
              Confirm delete
            </button>
            {passage.claimCount > 0 && <LosingClaims passageId={passage.id} />}
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete passage
          </button>
        )}
        <button type="button" onClick={() => selectPassage(null)}>
          Close
        </button>
        <ShowOnPage passage={passage} />
      </div>
      <Attribution passage={passage} />
      <PassageClaims passage={passage} />
    </div>
  );
}

/** Before a passage that is evidence is deleted: the claims that would lose it, by name. */
function LosingClaims({ passageId }: { passageId: number }) {
  const claimsForPassage = useDesk((s) => s.claimsForPassage);
  const [claims, setClaims] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void claimsForPassage(passageId).then((list) => live && setClaims(list.map((c) => c.text)));
    return () => {
      live = false;
    };
  }, [passageId, claimsForPassage]);
  if (!claims) return null;
  return (
    <p className="losing small" role="alert">
      Evidence for {claims.length === 1 ? 'this claim' : `these ${claims.length} claims`}, which
      will lose it: {claims.map((c) => `“${c}”`).join(', ')}. Their history records it; Undo brings
      it back.
    </p>
  );
}
