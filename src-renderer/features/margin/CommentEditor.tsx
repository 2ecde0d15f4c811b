/**
 * A highlight's comment: Markdown shown rendered; "Edit comment" (or "Add comment") opens a
 * textarea saved on blur or Ctrl/Cmd+Enter; Esc puts back what was saved.
 */
import { useRef, useState } from 'react';
import { MessageSquarePlus, PencilLine } from 'lucide-react';
import { saveOnBlurKeys } from '../../components/save-on-blur-keys';
import { saveComment } from '../../state/annotation-actions';
import { CommentMarkdown } from '../../components/CommentMarkdown';

export function CommentEditor({ id, comment }: { id: string; comment: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const opener = useRef<HTMLButtonElement>(null);

  const finish = async (value: string) => {
    if (value.trim() === comment.trim()) {
      setDraft(null);
      return;
    }
    if (await saveComment(id, value.trim())) setDraft(null);
  };

  if (draft !== null) {
    return (
      <textarea
        className="card-comment-field"
        aria-label="Comment"
        placeholder="Write a comment (Markdown). Ctrl+Enter saves."
        value={draft}
        // Opened on purpose by the person, so the field takes focus at once.
        autoFocus
        rows={Math.min(10, Math.max(3, draft.split('\n').length + 1))}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => saveOnBlurKeys(event, cancelled, { multiline: true })}
        onBlur={(event) => {
          const value = event.currentTarget.value;
          if (cancelled.current) {
            cancelled.current = false;
            setDraft(null);
          } else void finish(value);
          requestAnimationFrame(() => opener.current?.focus());
        }}
      />
    );
  }
  return (
    <div className="card-comment">
      {comment ? <CommentMarkdown source={comment} /> : null}
      <button ref={opener} type="button" className="button button-quiet button-small" onClick={() => setDraft(comment)}>
        {comment ? <PencilLine aria-hidden="true" size={14} /> : <MessageSquarePlus aria-hidden="true" size={14} />}
        <span>{comment ? 'Edit comment' : 'Add comment'}</span>
      </button>
    </div>
  );
}
