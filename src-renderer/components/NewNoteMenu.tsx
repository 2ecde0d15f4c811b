/**
 * "Add note": starts a note linked to a claim or a passage, choosing first how it relates
 * (supports, contradicts, questions, gives context). The note opens in the editor.
 */
import { NotebookPen } from 'lucide-react';
import type { LinkTarget } from '../../src-main/common/model';
import { RELATIONS } from '../../src-main/common/relations';
import { MenuButton } from './MenuButton';
import { createNote, noteTitleAbout } from '../state/notes-actions';
import { RELATION_LABELS } from './relation-labels';

export function NewNoteMenu({ target, subject, label = 'Add note' }: { target: LinkTarget; subject: string; label?: string }) {
  const items = RELATIONS.map((relation) => ({
    key: relation,
    label: `Note that ${RELATION_LABELS[relation].verb} it`,
    onSelect: () => void createNote(noteTitleAbout(subject), { target, relation }),
  }));
  return (
    <MenuButton menuLabel={label} items={items}>
      <NotebookPen aria-hidden="true" size={14} />
      <span>{label}</span>
    </MenuButton>
  );
}
