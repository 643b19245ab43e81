import { useState } from 'react';
import type { ClaimDetail } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { MergePicker } from './MergePicker.tsx';

/** The claim's words and tags, with edit and delete; the merge picker sits under them. */
export function ClaimHeader({ claim }: { claim: ClaimDetail }) {
  const updateClaim = useDesk((s) => s.updateClaim);
  const deleteClaim = useDesk((s) => s.deleteClaim);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(claim.text);
  const [tags, setTags] = useState(claim.tags.join(', '));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = async (): Promise<void> => {
    const tagList = tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    await updateClaim({ id: claim.id, text, tags: tagList });
    setEditing(false);
  };
  return (
    <header className="claim-header">
      {editing ? (
        <form
          className="claim-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            <span>Claim</span>
            <textarea value={text} rows={2} onChange={(e) => setText(e.target.value)} />
          </label>
          <label>
            <span>Tags (comma-separated)</span>
            <input value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" className="primary">
              Save claim
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="report-title-row">
            <h1>{claim.text}</h1>
            <div className="header-actions">
              <button type="button" onClick={() => setEditing(true)}>
                Edit
              </button>
              {confirmDelete ? (
                <button type="button" className="danger" onClick={() => void deleteClaim(claim.id)}>
                  Delete with {claim.counts.passages} evidence links
                </button>
              ) : (
                <button type="button" onClick={() => setConfirmDelete(true)}>
                  Delete…
                </button>
              )}
            </div>
          </div>
          {claim.tags.length > 0 && (
            <p className="tags">{claim.tags.map((t) => `#${t}`).join(' ')}</p>
          )}
          <MergePicker claimId={claim.id} />
        </>
      )}
    </header>
  );
}
