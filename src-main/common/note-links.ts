/** Links from notes to claims and highlights, and the backlinks they imply (pure, shared). */
import type { LinkTarget, NoteMeta, Relation } from './model';

export interface Backlink {
  noteId: string;
  noteTitle: string;
  relation: Relation;
}

export const sameTarget = (a: LinkTarget, b: LinkTarget): boolean =>
  ('claimId' in a && 'claimId' in b && a.claimId === b.claimId) ||
  ('annotationId' in a && 'annotationId' in b && a.annotationId === b.annotationId);

/** The notes that link to `target`, with the relation of each link. */
export function backlinks(notes: readonly NoteMeta[], target: LinkTarget): Backlink[] {
  return notes.flatMap((note) =>
    note.links.filter((link) => sameTarget(link.target, target)).map((link) => ({ noteId: note.id, noteTitle: note.title, relation: link.relation })),
  );
}

/** Maps each highlight id to the notes that link to it, in the notes' order. */
export function backlinksByAnnotation(notes: readonly NoteMeta[]): Map<string, Backlink[]> {
  const byAnnotation = new Map<string, Backlink[]>();
  for (const note of notes) {
    for (const link of note.links) {
      if (!('annotationId' in link.target)) continue;
      const list = byAnnotation.get(link.target.annotationId) ?? [];
      list.push({ noteId: note.id, noteTitle: note.title, relation: link.relation });
      byAnnotation.set(link.target.annotationId, list);
    }
  }
  return byAnnotation;
}
