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
export const backlinksByAnnotation = (notes: readonly NoteMeta[]) => backlinksBy(notes, (target) => ('annotationId' in target ? target.annotationId : undefined));

/** Maps each claim id to the notes that link to it, in the notes' order. */
export const backlinksByClaim = (notes: readonly NoteMeta[]) => backlinksBy(notes, (target) => ('claimId' in target ? target.claimId : undefined));

/** One pass over every note's links, where asking `backlinks` per target is a pass per target. */
function backlinksBy(notes: readonly NoteMeta[], keyOf: (target: LinkTarget) => string | undefined): Map<string, Backlink[]> {
  const byKey = new Map<string, Backlink[]>();
  for (const note of notes) {
    for (const link of note.links) {
      const key = keyOf(link.target);
      if (key === undefined) continue;
      const list = byKey.get(key) ?? [];
      list.push({ noteId: note.id, noteTitle: note.title, relation: link.relation });
      byKey.set(key, list);
    }
  }
  return byKey;
}
