/**
 * "New article": paste plain text or Markdown into the library. A failed import keeps
 * everything typed and says why, inside the dialog.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ArticleFormat } from '../../../src-main/common/model';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { useDialogAction } from '../../components/useDialogAction';
import { addArticle } from '../../state/library-actions';
import { importArgFrom } from './import-arg';

const FORMATS: { value: ArticleFormat; label: string }[] = [
  { value: 'text', label: 'Plain text' },
  { value: 'markdown', label: 'Markdown' },
];

export function NewArticleDialog({ onClose }: { onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<ArticleFormat>('text');
  const [content, setContent] = useState('');
  const [source, setSource] = useState('');
  const { error, setError, busy: adding, run } = useDialogAction(onClose);
  const titleField = useRef<HTMLInputElement>(null);
  const textField = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (adding) return;
    if (content.trim() === '') {
      setError('Paste or type the article text first.');
      textField.current?.focus();
      return;
    }
    await run(() => addArticle(importArgFrom({ title, format, content, source })));
  }

  return (
    <Dialog title="New article" onClose={onClose} initialFocus={titleField} className="dialog-wide">
      <form className="new-article-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            ref={titleField}
            id={`${id}-title`}
            type="text"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            aria-describedby={`${id}-title-hint`}
          />
          <p id={`${id}-title-hint`} className="field-hint">
            Optional: left empty, the first line of the text becomes the title.
          </p>
        </div>
        <fieldset className="field format-field" role="radiogroup" aria-labelledby={`${id}-format`}>
          <legend id={`${id}-format`}>Format</legend>
          {FORMATS.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name={`${id}-format`}
                value={option.value}
                checked={format === option.value}
                onChange={() => setFormat(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-text`}>Article text</label>
          <textarea
            ref={textField}
            id={`${id}-text`}
            className="article-text-field"
            rows={14}
            spellCheck={false}
            placeholder={format === 'markdown' ? '# A heading\n\nPaste the Markdown here…' : 'Paste the article here…'}
            value={content}
            onChange={(event) => setContent(event.target.value)}
            onKeyDown={(event) => {
              // Ctrl/Cmd+Enter adds from the text box, where plain Enter is a new line.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-source`}>Source (optional)</label>
          <input
            id={`${id}-source`}
            type="text"
            placeholder="A URL, or where the text came from"
            value={source}
            onChange={(event) => setSource(event.target.value)}
          />
        </div>
        <DialogFormFooter error={error} busy={adding} submit={adding ? 'Adding…' : 'Add to library'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
