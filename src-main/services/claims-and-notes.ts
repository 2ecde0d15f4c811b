/**
 * Claims, notes and the links between them. A claim gathers evidence (highlights, possibly
 * from several articles); a note links to claims and highlights with a relation. Every change
 * is one undo step, and nothing is left pointing at a record that is gone.
 */
import type { NotebookHandlers } from '../common/api';
import { NotebookError } from '../common/errors';
import type { Annotation, Claim, LinkTarget, Note, Relation, ResolvedLink } from '../common/model';
import { backlinks, backlinksByClaim, sameTarget } from '../common/note-links';
import { newestFirst } from '../common/iso-times';
import { RELATIONS } from '../common/relations';
import type { Change } from '../store/notebook-files';
import type { NotebookStore } from '../store/notebook-store';
import type { CitedHighlights } from './cited-highlights';
import type { Committer, Plan } from './commit';
import { newId } from './ids';
import { checkBase, unchangedPlan } from './stale-edit';

type Handlers = Pick<
  NotebookHandlers,
  | 'listClaims'
  | 'createClaim'
  | 'updateClaim'
  | 'deleteClaim'
  | 'addEvidence'
  | 'removeEvidence'
  | 'listNotes'
  | 'getNote'
  | 'createNote'
  | 'updateNote'
  | 'deleteNote'
  | 'linkNote'
  | 'unlinkNote'
  | 'getAnnotationUsage'
>;

/**
 * The changes that take records out of every claim's evidence and every note's links, for
 * highlights or a claim about to be deleted (applied by the caller in the same undo step).
 * One change per claim or note, however many of the targets it cites.
 */
export async function detachChanges(store: NotebookStore, targets: LinkTarget | readonly LinkTarget[], now: () => Date): Promise<Change[]> {
  const list = Array.isArray(targets) ? targets : [targets as LinkTarget];
  const annotationIds = new Set(list.flatMap((t) => ('annotationId' in t ? [t.annotationId] : [])));
  const cited = (target: LinkTarget) => list.some((t) => sameTarget(t, target));
  const stamp = now().toISOString();
  const changes: Change[] = [];
  for (const claim of store.claims().filter((c) => c.evidence.some((e) => annotationIds.has(e.annotationId)))) {
    const after = { ...claim, evidence: claim.evidence.filter((e) => !annotationIds.has(e.annotationId)), updatedAt: stamp };
    changes.push({ kind: 'claim', claimId: claim.id, before: claim, after });
  }
  for (const meta of store.noteMetas().filter((n) => n.links.some((l) => cited(l.target)))) {
    const before = await store.readNote(meta.id);
    const after = { ...before, links: before.links.filter((l) => !cited(l.target)), updatedAt: stamp };
    changes.push({ kind: 'note', noteId: meta.id, before, after });
  }
  return changes;
}

export function createClaimsAndNotes(store: NotebookStore, writes: Committer, now: () => Date, cited: CitedHighlights): Handlers {
  async function findAnnotation(annotationId: string): Promise<{ annotation: Annotation; articleTitle: string } | undefined> {
    const articleId = await store.findAnnotation(annotationId);
    if (!articleId) return undefined;
    const record = await store.readRecord(articleId);
    const annotation = record.annotations.find((a) => a.id === annotationId);
    return annotation ? { annotation, articleTitle: record.article.title } : undefined;
  }

  async function requireAnnotation(annotationId: string) {
    const found = await findAnnotation(annotationId);
    if (!found) throw new NotebookError('not_found', 'That highlight no longer exists.');
    return found;
  }

  function requireClaim(id: string): Claim {
    const claim = store.claim(id);
    if (!claim) throw new NotebookError('not_found', 'That claim no longer exists.');
    return claim;
  }

  async function requireTarget(target: LinkTarget): Promise<void> {
    if ('claimId' in target) requireClaim(target.claimId);
    else await requireAnnotation(target.annotationId);
  }

  // Answered as stamped, with the new revision: the window bases its next edit on it.
  const saveClaimStep = (label: string, before: Claim | null, after: Claim): Plan<Claim> => ({
    label,
    changes: [{ kind: 'claim', claimId: after.id, before, after }],
    result: after,
    resultOf: (staged) => staged.claims.get(after.id) ?? after,
  });

  const saveNoteStep = (label: string, before: Note | null, after: Note): Plan<Note> => ({
    label,
    changes: [{ kind: 'note', noteId: after.id, before, after }],
    result: after,
    resultOf: (staged) => staged.notes.get(after.id) ?? after,
  });

  return {
    async listClaims() {
      const linksByClaim = backlinksByClaim(store.noteMetas());
      const views = [];
      for (const claim of store.claims()) {
        const evidence = [];
        for (const item of claim.evidence) {
          const found = await cited.get(item.annotationId);
          evidence.push({ ...item, articleTitle: found?.articleTitle ?? 'Deleted article', quote: found?.quote ?? '', color: found?.color ?? 'yellow' });
        }
        const links = linksByClaim.get(claim.id) ?? [];
        const counts = Object.fromEntries(RELATIONS.map((r) => [r, 0])) as Record<Relation, number>;
        for (const link of links) counts[link.relation] += 1;
        views.push({ ...claim, evidence, links, counts });
      }
      return views.sort(newestFirst);
    },

    createClaim: ({ annotationId, statement, tags }) =>
      writes.commit(async () => {
        const { annotation } = await requireAnnotation(annotationId);
        const stamp = now().toISOString();
        const claim: Claim = {
          id: newId('claim'),
          statement: statement ?? annotation.target.quote.exact.replace(/\s+/g, ' ').trim().slice(0, 2000),
          tags: tags ?? [],
          evidence: [{ annotationId, articleId: annotation.articleId }],
          createdAt: stamp,
          updatedAt: stamp,
        };
        return saveClaimStep('Make claim', null, claim);
      }),

    updateClaim: ({ id, statement, tags, baseRev }) =>
      writes.commit(async () => {
        const before = requireClaim(id);
        const after = { ...before, ...(statement !== undefined ? { statement } : {}), ...(tags !== undefined ? { tags } : {}), updatedAt: now().toISOString() };
        if (checkBase({ kind: 'claim', name: before.statement, baseRev }, before, after) === 'unchanged') return unchangedPlan(before);
        return saveClaimStep(statement !== undefined ? 'Edit claim' : 'Tag claim', before, after);
      }),

    deleteClaim: ({ id }) =>
      writes.commit(async () => {
        const before = requireClaim(id);
        const detached = await detachChanges(store, { claimId: id }, now);
        return { label: 'Delete claim', changes: [...detached, { kind: 'claim', claimId: id, before, after: null }], result: { id } };
      }),

    addEvidence: ({ claimId, annotationId }) =>
      writes.commit(async () => {
        const before = requireClaim(claimId);
        const { annotation } = await requireAnnotation(annotationId);
        if (before.evidence.some((e) => e.annotationId === annotationId)) return { label: 'Add evidence', changes: [], result: before };
        const after = { ...before, evidence: [...before.evidence, { annotationId, articleId: annotation.articleId }], updatedAt: now().toISOString() };
        return saveClaimStep('Add evidence', before, after);
      }),

    removeEvidence: ({ claimId, annotationId }) =>
      writes.commit(async () => {
        const before = requireClaim(claimId);
        if (!before.evidence.some((e) => e.annotationId === annotationId)) {
          throw new NotebookError('not_found', 'That passage is not evidence for this claim.');
        }
        const after = { ...before, evidence: before.evidence.filter((e) => e.annotationId !== annotationId), updatedAt: now().toISOString() };
        return saveClaimStep('Remove evidence', before, after);
      }),

    listNotes: async () => store.noteMetas().sort(newestFirst),

    async getNote({ id }) {
      const note = await store.readNote(id);
      const links: ResolvedLink[] = [];
      for (const link of note.links) {
        const { target } = link;
        if ('claimId' in target) {
          const claim = store.claim(target.claimId);
          const first = claim?.evidence[0] ? await findAnnotation(claim.evidence[0].annotationId) : undefined;
          links.push({
            ...link,
            label: claim?.statement ?? 'Deleted claim',
            ...(first ? { articleId: first.annotation.articleId, articleTitle: first.articleTitle, annotationId: first.annotation.id } : {}),
          });
        } else {
          const found = await findAnnotation(target.annotationId);
          links.push({
            ...link,
            label: found?.annotation.target.quote.exact ?? 'Deleted highlight',
            ...(found ? { articleId: found.annotation.articleId, articleTitle: found.articleTitle, annotationId: found.annotation.id } : {}),
          });
        }
      }
      return { ...note, links };
    },

    createNote: ({ title, body, tags }) =>
      writes.commit(async () => {
        const stamp = now().toISOString();
        const note: Note = { id: newId('note'), title, body: body ?? '', tags: tags ?? [], links: [], createdAt: stamp, updatedAt: stamp };
        return saveNoteStep('New note', null, note);
      }),

    updateNote: ({ id, title, body, tags, baseRev }) =>
      writes.commit(async () => {
        const before = await store.readNote(id);
        const after: Note = {
          ...before,
          ...(title !== undefined ? { title } : {}),
          ...(body !== undefined ? { body } : {}),
          ...(tags !== undefined ? { tags } : {}),
          updatedAt: now().toISOString(),
        };
        if (checkBase({ kind: 'note', name: before.title, baseRev }, before, after) === 'unchanged') return unchangedPlan(before);
        return saveNoteStep('Edit note', before, after);
      }),

    deleteNote: ({ id }) =>
      writes.commit(async () => {
        const before = await store.readNote(id);
        return { label: 'Delete note', changes: [{ kind: 'note', noteId: id, before, after: null }], result: { id } };
      }),

    linkNote: ({ noteId, target, relation }) =>
      writes.commit(async () => {
        const before = await store.readNote(noteId);
        await requireTarget(target);
        // Linking again changes the relation in place, so the note's links keep their order.
        const existing = before.links.some((l) => sameTarget(l.target, target));
        const links = existing ? before.links.map((l) => (sameTarget(l.target, target) ? { target, relation } : l)) : [...before.links, { target, relation }];
        const after = { ...before, links, updatedAt: now().toISOString() };
        return saveNoteStep(existing ? 'Change relation' : 'Link note', before, after);
      }),

    unlinkNote: ({ noteId, target }) =>
      writes.commit(async () => {
        const before = await store.readNote(noteId);
        if (!before.links.some((l) => sameTarget(l.target, target))) throw new NotebookError('not_found', 'The note has no such link.');
        const after = { ...before, links: before.links.filter((l) => !sameTarget(l.target, target)), updatedAt: now().toISOString() };
        return saveNoteStep('Unlink note', before, after);
      }),

    async getAnnotationUsage({ id }) {
      await requireAnnotation(id);
      return {
        claims: store.claims().filter((c) => c.evidence.some((e) => e.annotationId === id)).map((c) => ({ id: c.id, statement: c.statement })),
        notes: backlinks(store.noteMetas(), { annotationId: id }),
      };
    },
  };
}
