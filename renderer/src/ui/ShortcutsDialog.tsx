import { useEffect, useRef } from 'react';
import { useDesk } from '../store/index.ts';
import { SHORTCUTS } from './shortcuts.ts';

/** Every keyboard shortcut, opened with `?`; Escape or Close shuts it. */
export function ShortcutsDialog() {
  const shown = useDesk((s) => s.shortcutsShown);
  const showShortcuts = useDesk((s) => s.showShortcuts);
  return shown ? <Shortcuts close={() => showShortcuts(false)} /> : null;
}

function Shortcuts({ close }: { close: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  // Focus inside, so that Escape reaches the dialog and Tab starts there.
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div
        className="modal shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        tabIndex={-1}
        ref={dialog}
        onKeyDown={(e) => {
          // The desk's other keys (a passage's stance and grade, H) wait until the list is shut.
          e.stopPropagation();
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            close();
          }
        }}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        {SHORTCUTS.map((group) => (
          <section key={group.where}>
            <h3>{group.where}</h3>
            <dl>
              {group.keys.map((s) => (
                <div key={s.does} className="shortcut">
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && '+'}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <div className="form-actions">
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
