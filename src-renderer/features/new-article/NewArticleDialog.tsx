/**
 * "New article": paste plain text, Markdown or a web page's content (HTML on the clipboard)
 * into the library. A failed import keeps everything typed and says why, inside the dialog.
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
const PASTED_PAGE = { value: 'html', label: 'Web page (as pasted)' } as const;

/** Clipboard HTML worth keeping: it has elements, not just text wrapped in a meta tag. */
const hasMarkup = (html: string) => /<(p|h[1-6]|ul|ol|li|a|table|blockquote|pre|em|strong|b|i|br|div)[\s>]/i.test(html);

export function NewArticleDialog({ onClose }: { onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<ArticleFormat>('text');
  const [content, setContent] = useState('');
  const [source, setSource] = useState('');
  /** The HTML of a web page pasted into the empty text box; the box shows its plain text. */
  const [pastedHtml, setPastedHtml] = useState<string | null>(null);
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
    const sent = format === 'html' && pastedHtml !== null ? pastedHtml : content;
    await run(() => addArticle(importArgFrom({ title, format, content: sent, source })));
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
          {(pastedHtml === null ? FORMATS : [...FORMATS, PASTED_PAGE]).map((option) => (
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
            onChange={(event) => {
              setContent(event.target.value);
              // Edited text no longer matches the pasted page: it is imported as typed.
              if (format === 'html') setFormat('text');
              setPastedHtml(null);
            }}
            onPaste={(event) => {
              const html = event.clipboardData?.getData('text/html') ?? '';
              if (content.trim() !== '' || !hasMarkup(html)) return;
              event.preventDefault();
              setPastedHtml(html);
              setContent(event.clipboardData.getData('text/plain') || html.replace(/<[^>]*>/g, ' '));
              setFormat('html');
            }}
            aria-describedby={pastedHtml !== null ? `${id}-pasted-hint` : undefined}
            onKeyDown={(event) => {
              // Ctrl/Cmd+Enter adds from the text box, where plain Enter is a new line.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          />
          {pastedHtml !== null ? (
            <p id={`${id}-pasted-hint`} className="field-hint">
              Pasted from a web page: its headings, lists, links and tables are kept, and nothing in it can run. Editing the text imports it as plain text.
            </p>
          ) : null}
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
