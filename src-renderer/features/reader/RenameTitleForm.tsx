/**
 * The article title, made editable in place: Enter saves, Esc cancels. A failed save keeps
 * the field open with what was typed and says why.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { renameArticle } from '../../state/library-actions';
import type { RevisedMeta } from '../../state/article-save';

export interface RenameTitleFormProps {
  /** The article as shown, with its revision: what the rename is based on. */
  article: RevisedMeta;
  /** Called when the rename is saved or cancelled. */
  onDone: () => void;
}

export function RenameTitleForm({ article, onDone }: RenameTitleFormProps) {
  // The version renaming began from; another window's change meanwhile is merged on save.
  const [base] = useState(article);
  const { title } = base;
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function save(event: { preventDefault(): void }) {
    event.preventDefault();
    if (saving) return;
    const next = draft.replace(/\s+/g, ' ').trim();
    if (next === '') {
      setError('Give the article a title, or press Esc to keep the old one.');
      return;
    }
    if (next === title) {
      onDone();
      return;
    }
    setSaving(true);
    setError(null);
    const answer = await renameArticle(base, next);
    setSaving(false);
    if (answer.ok) onDone();
    else setError(answer.error.message);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // A title is one line: Enter saves rather than breaking it.
    if (event.key === 'Enter') {
      event.preventDefault();
      void save(event);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  }

  return (
    <form className="rename-form" onSubmit={save}>
      {/* A textarea so a long title wraps as it does in the heading, instead of scrolling. */}
      <textarea
        ref={input}
        className="rename-input"
        rows={1}
        aria-label="Article title"
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        aria-invalid={error ? true : undefined}
        value={draft}
        readOnly={saving}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        // Leaving an untouched field is the same as cancelling; a changed one stays open.
        onBlur={() => {
          if (!saving && draft === title) onDone();
        }}
      />
      <p id={hintId} className="rename-hint">
        {saving ? 'Saving…' : 'Press Enter to save, Esc to cancel.'}
      </p>
      {error ? (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
