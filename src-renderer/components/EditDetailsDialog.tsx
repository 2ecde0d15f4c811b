/**
 * "Edit details": title, authors, publisher, URL, published date and tags of one article.
 * Each field is checked as the contract checks it and its message shown beside it; Save is
 * one undo step. Emptying a field clears it.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { RevisedMeta } from '../state/article-save';
import { Dialog } from './Dialog';
import { TagInput } from './TagInput';
import { useDialogAction } from './useDialogAction';
import { saveDetails } from '../state/library-view-actions';
import { DialogFormFooter } from './DialogFormFooter';
import { DETAIL_FIELDS, DETAIL_LABELS, type DetailField } from './details-fields';
import { checkDetails, draftOf, splitTags, type DetailsErrors } from './details-form';

export interface EditDetailsDialogProps {
  /** The article as shown, with its revision: what the save is based on. */
  article: RevisedMeta;
  onClose: () => void;
}

const HINTS: Partial<Record<DetailField, string>> = {
  byline: 'As you would cite them, e.g. “Mari Yamaguchi; David Rising”.',
  url: 'The web address it came from (http:// or https://).',
  publishedAt: 'YYYY-MM-DD, e.g. 2024-07-28.',
};

export function EditDetailsDialog({ article, onClose }: EditDetailsDialogProps) {
  const id = useId();
  // The version the form was filled from; another window's change meanwhile is merged on Save.
  const [base] = useState(article);
  const [draft, setDraft] = useState(() => draftOf(article));
  const [errors, setErrors] = useState<DetailsErrors>({});
  const { error, busy, run } = useDialogAction(onClose);
  const form = useRef<HTMLFormElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkDetails(article.id, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = DETAIL_FIELDS.find((field) => checked.errors[field]);
      form.current?.ownerDocument.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    void run(() => saveDetails(base, checked.arg));
  }

  return (
    <Dialog title="Edit details" onClose={onClose} className="details-dialog">
      <form ref={form} className="details-form" onSubmit={submit} noValidate>
        {DETAIL_FIELDS.map((field) => {
          const fieldId = `${id}-${field}`;
          // While a field has an error, the error replaces its hint (which would only repeat it).
          const hint = errors[field] ? undefined : HINTS[field];
          const described = errors[field] ? `${fieldId}-error` : hint ? `${fieldId}-hint` : '';
          const common = {
            id: fieldId,
            value: draft[field],
            'aria-invalid': errors[field] ? true : undefined,
            'aria-describedby': described || undefined,
            onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value }),
          };
          if (field === 'tags') {
            return (
              <div key={field} className="field details-field-tags" role="group" aria-labelledby={`${fieldId}-label`}>
                <span id={`${fieldId}-label`} className="field-label">
                  {DETAIL_LABELS.tags}
                </span>
                <TagInput label="Tags for this article" tags={splitTags(draft.tags)} onChange={(tags) => setDraft({ ...draft, tags: tags.join(', ') })} />
                {errors.tags ? (
                  <p id={`${fieldId}-error`} className="field-error">
                    {errors.tags}
                  </p>
                ) : null}
              </div>
            );
          }
          return (
            <div key={field} className={`field details-field-${field}`}>
              <label htmlFor={fieldId}>{DETAIL_LABELS[field]}</label>
              {field === 'title' ? (
                // A textarea so a long title wraps instead of scrolling out of sight; Enter still saves.
                <textarea
                  {...common}
                  rows={2}
                  className="details-title"
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      event.currentTarget.form?.requestSubmit();
                    }
                  }}
                />
              ) : (
                <input
                  {...common}
                  type="text"
                  inputMode={field === 'url' ? 'url' : field === 'publishedAt' ? 'numeric' : undefined}
                  placeholder={field === 'publishedAt' ? 'YYYY-MM-DD' : undefined}
                  spellCheck={field === 'url' || field === 'publishedAt' ? false : undefined}
                />
              )}
              {errors[field] ? (
                <p id={`${fieldId}-error`} className="field-error">
                  {errors[field]}
                </p>
              ) : null}
              {hint ? (
                <p id={`${fieldId}-hint`} className="field-hint">
                  {hint}
                </p>
              ) : null}
            </div>
          );
        })}
        <DialogFormFooter error={error} busy={busy} submit={busy ? 'Saving…' : 'Save'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
