/**
 * A highlight's comment: Markdown shown rendered; "Edit comment" (or "Add comment") opens a
 * textarea saved on blur or Ctrl/Cmd+Enter; Esc puts back what was saved. While it is open it
 * holds the person's text, whatever another window does; the save is based on the highlight
 * as it was when the field opened, so a change made elsewhere meanwhile is merged, not replaced.
 */
import { useRef, useState } from 'react';
import type { AnnotationView } from '../../../src-main/common/model';
import { MessageSquarePlus, PencilLine } from 'lucide-react';
import { saveOnBlurKeys } from '../../components/save-on-blur-keys';
import { saveComment } from '../../state/annotation-actions';
import { CommentMarkdown } from '../../components/CommentMarkdown';

export function CommentEditor({ annotation }: { annotation: AnnotationView }) {
  const { comment } = annotation;
  const [editing, setEditing] = useState<{ draft: string; base: AnnotationView } | null>(null);
  const cancelled = useRef(false);
  const opener = useRef<HTMLButtonElement>(null);
  const draft = editing?.draft ?? null;
  const setDraft = (text: string | null) => setEditing(text === null ? null : { draft: text, base: editing?.base ?? annotation });

  const finish = async (value: string) => {
    if (!editing || value.trim() === editing.base.comment.trim()) {
      setDraft(null);
      return;
    }
    if (await saveComment(editing.base, value.trim())) setDraft(null);
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
