/**
 * The centre pane when a note is open: its title, tags, links and Markdown body, saved as the
 * person types. "Preview" shows the body rendered (raw HTML stays text; nothing runs). Versions
 * edited elsewhere at the same time (after an import) show under the tags, to use or dismiss;
 * in a shared notebook, History lists the note's synced versions.
 */
import { useEffect, useRef, useState } from 'react';
import { ArrowLeft, Eye, NotebookPen, PencilLine, Trash2 } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { TagInput } from '../../components/TagInput';
import { closeNote, deleteOpenNote, editNote, flushNote, tagOpenNote } from '../../state/notes-actions';
import type { SaveState } from '../../state/note-store';
import { useOpenNote } from '../../state/note-store';
import { CommentMarkdown } from '../../components/CommentMarkdown';
import { HistoryButton } from '../../components/HistoryButton';
import { shortenQuote } from '../../components/shorten-quote';
import { NoteConflicts } from './NoteConflicts';
import { NoteLinks } from './NoteLinks';

const SAVE_WORDS: Record<SaveState, string> = {
  saved: 'Saved',
  unsaved: 'Not saved yet',
  saving: 'Saving…',
  failed: 'Could not save: see the message below',
};

export function NotePane() {
  const { note, opening, save } = useOpenNote();
  // The note shown rendered rather than as Markdown; another note opens in the editor.
  const [previewOf, setPreviewOf] = useState<string | null>(null);
  const titleField = useRef<HTMLTextAreaElement>(null);
  const noteId = note?.id;
  const preview = noteId !== undefined && previewOf === noteId;

  // A new note starts with its title selected, ready to be named.
  useEffect(() => {
    if (noteId && titleField.current && titleField.current.value.startsWith('Untitled')) titleField.current.select();
  }, [noteId]);

  // Whatever is typed reaches the disk before the window goes away.
  useEffect(() => {
    const flush = () => void flushNote();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  let content;
  if (!note) {
    content = opening ? (
      <p className="reader-loading">Opening the note…</p>
    ) : (
      <EmptyState icon={<NotebookPen size={32} />}>Choose a note in the library, or start one with New note.</EmptyState>
    );
  } else {
    const titleMissing = note.title.trim() === '';
    content = (
      <article className="note" aria-label={`Note: ${note.title || 'untitled'}`}>
        {/* A text area that grows with the title, so a long title wraps like a heading instead
            of scrolling out of sight; a title is one line, so Enter goes on to the text. */}
        <textarea
          ref={titleField}
          rows={1}
          className="note-title"
          aria-label="Note title"
          aria-invalid={titleMissing || undefined}
          placeholder="Title"
          value={note.title}
          maxLength={300}
          onChange={(event) => editNote({ title: event.target.value.replace(/\n/g, ' ') })}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            event.currentTarget.closest('article')?.querySelector<HTMLTextAreaElement>('textarea.note-body')?.focus();
          }}
          onBlur={() => void flushNote()}
        />
        {titleMissing ? <p className="field-error">A note needs a title; the text is still saved.</p> : null}
        <TagInput label="Tags for this note" tags={note.tags} onChange={(tags) => void tagOpenNote(tags)} />
        <NoteConflicts note={note} />
        <NoteLinks links={note.links} />
        <section className="note-body-section" aria-label="Text">
          {preview ? (
            note.body.trim() === '' ? (
              <p className="note-hint">Nothing written yet.</p>
            ) : (
              <CommentMarkdown source={note.body} className="note-preview" />
            )
          ) : (
            <textarea
              className="note-body"
              aria-label="Note text"
              placeholder="Write in Markdown: **bold**, *italic*, lists, > quotes. Saved as you type."
              value={note.body}
              onChange={(event) => editNote({ body: event.target.value })}
              onBlur={() => void flushNote()}
            />
          )}
        </section>
      </article>
    );
  }

  return (
    <main className="pane reader-pane note-pane" aria-label="Note">
      <div className="reader-toolbar note-toolbar">
        <button type="button" className="button button-quiet" title="Back to reading" onClick={closeNote}>
          <ArrowLeft aria-hidden="true" size={16} />
          <span className="toolbar-label">Back to reading</span>
        </button>
        <span className="toolbar-spacer" />
        {note ? (
          <>
            <span className={`save-state save-${save}`} role="status">
              {SAVE_WORDS[save]}
            </span>
            <button type="button" className="button button-quiet" title={preview ? 'Edit' : 'Preview'} aria-pressed={preview} onClick={() => setPreviewOf(preview ? null : (noteId ?? null))}>
              {preview ? <PencilLine aria-hidden="true" size={16} /> : <Eye aria-hidden="true" size={16} />}
              <span className="toolbar-label">{preview ? 'Edit' : 'Preview'}</span>
            </button>
            <HistoryButton kind="note" id={note.id} subject={`the note “${shortenQuote(note.title || 'Untitled', 60)}”`} className="button button-quiet" iconSize={16} />
            <button type="button" className="button button-quiet" title="Delete note" onClick={() => void deleteOpenNote()}>
              <Trash2 aria-hidden="true" size={16} />
              <span className="toolbar-label">Delete note</span>
            </button>
          </>
        ) : null}
      </div>
      {content}
    </main>
  );
}
