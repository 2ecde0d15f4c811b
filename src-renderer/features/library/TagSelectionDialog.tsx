/**
 * Adds a tag to every selected article, or removes one of theirs, as one undo step. Adding
 * suggests the notebook's tags as you type (a native datalist); removing offers only the
 * tags the selection carries, with how many of the selected articles have each.
 */
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ArticleListing } from '../../../src-main/common/model';
import { tagSchema } from '../../../src-main/common/schema';
import { Dialog } from '../../components/Dialog';
import { useDialogAction } from '../../components/useDialogAction';
import { tagArticles } from '../../state/library-view-actions';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { tagCounts, tagsWithParents } from './library-tags';
import { counted } from '../../../src-main/common/counted';

export interface TagSelectionDialogProps {
  mode: 'add' | 'remove';
  /** The selected articles. */
  selected: ArticleListing[];
  /** Every article, for suggestions. */
  all: ArticleListing[];
  onClose: () => void;
}

export function TagSelectionDialog({ mode, selected, all, onClose }: TagSelectionDialogProps) {
  const id = useId();
  const { error, setError, busy, run } = useDialogAction(onClose);
  const field = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const present = useMemo(() => tagCounts(selected), [selected]);
  const [chosen, setChosen] = useState(present[0]?.tag ?? '');
  const suggestions = useMemo(() => tagsWithParents(all), [all]);
  const ids = selected.map((article) => article.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'remove') {
      if (chosen) void run(() => tagArticles({ ids, remove: [chosen] }));
      return;
    }
    const parsed = tagSchema.safeParse(draft);
    if (!parsed.success) {
      setError(`Type a tag to add: ${parsed.error.issues[0]!.message}.`);
      field.current?.focus();
      return;
    }
    void run(() => tagArticles({ ids, add: [parsed.data] }));
  }

  const title = mode === 'add' ? `Add a tag to ${counted(selected.length, 'article')}` : `Remove a tag from ${counted(selected.length, 'article')}`;
  return (
    <Dialog title={title} onClose={onClose} initialFocus={mode === 'add' ? field : undefined} className="dialog-narrow">
      <form onSubmit={submit} noValidate>
        {mode === 'add' ? (
          <div className="field">
            <label htmlFor={`${id}-tag`}>Tag</label>
            <input
              ref={field}
              id={`${id}-tag`}
              type="text"
              list={`${id}-suggestions`}
              autoComplete="off"
              placeholder="e.g. to-read or region/east-asia"
              value={draft}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
              onChange={(event) => setDraft(event.target.value)}
            />
            <datalist id={`${id}-suggestions`}>
              {suggestions.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
            <p id={`${id}-hint`} className="field-hint">
              A slash makes a tag sit under another: region/east-asia is under region.
            </p>
          </div>
        ) : present.length === 0 ? (
          <p className="dialog-text">None of the selected articles has a tag.</p>
        ) : (
          <fieldset className="field tag-choices">
            <legend>Tag to remove</legend>
            {present.map(({ tag, count }) => (
              <label key={tag} className="radio">
                <input type="radio" name={`${id}-tag`} value={tag} checked={chosen === tag} onChange={() => setChosen(tag)} />
                <span className="tag-choice-name">{tag}</span>
                <span className="tag-choice-count">
                  {count} of {selected.length}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <DialogFormFooter
          error={error}
          busy={busy}
          submit={mode === 'add' ? 'Add tag' : present.length > 0 ? 'Remove tag' : null}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
