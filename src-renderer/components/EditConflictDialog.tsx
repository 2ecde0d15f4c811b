/**
 * "This note was changed in another window": an edit refused as stale whose fields the other
 * window changed too (see state/based-save). Each such field shows both versions — the other
 * window's and yours — and the person keeps one ("Keep mine", "Keep theirs") or, for long
 * text, both. Esc or "Decide later" leaves their edit unsaved where they typed it.
 */
import { useRef } from 'react';
import { chooseVersion, useEditConflict, type ConflictingField, type EditConflict } from '../state/edit-conflict-store';
import { Dialog } from './Dialog';
import { shortenQuote } from './shorten-quote';

/** A field's value as a person reads it: text as written, tags as a list, nothing as “(empty)”. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '(no tags)';
  if (value === undefined || value === null || value === '') return '(empty)';
  return String(value);
}

function Versions({ field }: { field: ConflictingField }) {
  const label = field.label.toLowerCase();
  return (
    <section className="edit-conflict-field" aria-label={field.label}>
      <h3 className="edit-conflict-label">{field.label}</h3>
      <div className="edit-conflict-versions">
        <section className="edit-conflict-version" aria-label={`The ${label} in the other window`}>
          <h4 className="edit-conflict-who">In the other window</h4>
          <p className="edit-conflict-value">{shown(field.theirs)}</p>
        </section>
        <section className="edit-conflict-version edit-conflict-mine" aria-label={`Your ${label}`}>
          <h4 className="edit-conflict-who">Yours</h4>
          <p className="edit-conflict-value">{shown(field.mine)}</p>
        </section>
      </div>
    </section>
  );
}

export function EditConflictDialog({ conflict }: { conflict: EditConflict }) {
  const keepMine = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={`This ${conflict.kind} was changed in another window`} onClose={() => chooseVersion('later')} initialFocus={keepMine} className="dialog-wide edit-conflict">
      <p className="dialog-text">
        {/* A long title is shortened: the versions below are what the choice is about. */}
        <span className="dialog-subject">“{shortenQuote(conflict.name, 90)}”</span> was changed in another window while you were editing it here. Both
        versions are below: choose which to keep{conflict.canKeepBoth ? ' (Keep both puts yours first, then theirs)' : ''}. Until you do, your version stays
        unsaved where you typed it.
      </p>
      <div className="edit-conflict-fields">
        {conflict.fields.map((field) => (
          <Versions key={field.field} field={field} />
        ))}
      </div>
      <div className="dialog-actions edit-conflict-actions">
        <button type="button" className="button button-quiet edit-conflict-later" onClick={() => chooseVersion('later')}>
          Decide later
        </button>
        <button type="button" className="button" onClick={() => chooseVersion('theirs')}>
          Keep theirs
        </button>
        {conflict.canKeepBoth ? (
          <button type="button" className="button" onClick={() => chooseVersion('both')}>
            Keep both
          </button>
        ) : null}
        <button ref={keepMine} type="button" className="button button-primary" onClick={() => chooseVersion('mine')}>
          Keep mine
        </button>
      </div>
    </Dialog>
  );
}

/** Shows the first edit waiting for a choice, once for the window. */
export function EditConflictHost() {
  const conflict = useEditConflict();
  // Keyed by the conflict, so a second one waiting opens as a new dialog with its own focus.
  return conflict ? <EditConflictDialog key={conflict.id} conflict={conflict} /> : null;
}
