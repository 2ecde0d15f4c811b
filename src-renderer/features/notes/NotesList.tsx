/**
 * The Notes section of the library pane: New note, then every note (most recently changed
 * first) with how many passages and claims it links to. Honours the window's tag filter.
 */
import { NotebookPen, Plus } from 'lucide-react';
import { hasTag } from '../../../src-main/common/tags';
import { EmptyState } from '../../components/EmptyState';
import { ArticleDate } from '../../components/ArticleDate';
import { createNote, openNote } from '../../state/notes-actions';
import { useOpenNote } from '../../state/note-store';
import { useTagFilter } from '../../state/tag-filter-store';
import { useNotes } from '../../state/useNotes';
import { useWorkspace } from '../../state/workspace-store';

function linkWords(count: number): string {
  return count === 0 ? 'No links' : count === 1 ? '1 link' : `${count} links`;
}

export function NotesList() {
  const notes = useNotes();
  const filter = useTagFilter();
  const { note: open } = useOpenNote();
  const showing = useWorkspace();
  const shown = filter === null ? notes : notes.filter((note) => hasTag(note.tags, filter));

  return (
    <>
      <button type="button" className="button button-primary new-article-button" onClick={() => void createNote('Untitled note')}>
        <Plus aria-hidden="true" size={16} />
        New note
      </button>
      {shown.length === 0 ? (
        <EmptyState icon={<NotebookPen size={28} />}>
          {filter === null ? 'No notes yet. Start one with New note, or select a passage and press Note.' : `No note is tagged ${filter}.`}
        </EmptyState>
      ) : (
        <ul className="article-list" aria-label="Notes">
          {shown.map((note) => (
            <li key={note.id} className="note-row">
              <button
                type="button"
                className="article-item"
                aria-current={showing === 'note' && open?.id === note.id ? 'true' : undefined}
                onClick={() => void openNote(note.id)}
              >
                <span className="article-item-title" title={note.title}>
                  {note.title}
                </span>
                <span className="article-item-meta">
                  <span className="article-item-source">{linkWords(note.links.length)}</span>
                  <ArticleDate meta={{ createdAt: note.updatedAt }} className="article-item-date" />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
