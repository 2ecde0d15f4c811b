/** The open note's conflict history, under its title: the other versions' title, tags and text. */
import type { NoteView } from '../../../src-main/common/model';
import { CommentMarkdown } from '../../components/CommentMarkdown';
import { ConflictNotices, type FieldSpec } from '../../components/ConflictNotice';

type Version = Pick<NoteView, 'title' | 'tags' | 'body' | 'updatedAt' | 'rev'>;

const FIELDS: FieldSpec<Version>[] = [
  { label: 'Title', read: (v) => v.title, show: (v) => v.title },
  { label: 'Tags', read: (v) => v.tags, show: (v) => (v.tags.length > 0 ? v.tags.join(', ') : 'No tags') },
  { label: 'Text', read: (v) => v.body.trim(), show: (v) => (v.body.trim() ? <CommentMarkdown source={v.body} /> : 'Nothing written') },
];

export function NoteConflicts({ note }: { note: NoteView }) {
  if (!note.conflicts?.length) return null;
  return <ConflictNotices kind="note" id={note.id} subject={`the note “${note.title || 'untitled'}”`} versions={note.conflicts} current={note} fields={FIELDS} className="note-conflicts" />;
}
