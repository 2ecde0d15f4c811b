/**
 * Highlights: create, list (anchored against the article's current text), update, delete,
 * and the colour legend. Each change is one undo step.
 */
import type { ApiParsedArg, NotebookHandlers } from '../common/api';
import { describeRange } from '../common/anchoring/describe-range';
import { anchorTarget } from '../common/anchoring/match-quote';
import { NotebookError } from '../common/errors';
import { byReadingOrder } from '../common/reading-order';
import type { AnchorState, Annotation, AnnotationTarget, AnnotationView } from '../common/model';
import type { NotebookStore } from '../store/notebook-store';
import { detachChanges } from './claims-and-notes';
import type { Committer } from './commit';
import { articleText } from './article-text';
import { newId } from './ids';
import { checkBase, unchangedPlan } from './stale-edit';

type AnnotationHandlers = Pick<
  NotebookHandlers,
  'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'getLegend' | 'updateLegend'
>;

/** Where a stored target lands in `text` now. */
export function anchorState(text: string, target: AnnotationTarget): AnchorState {
  const result = anchorTarget(text, target);
  return result.status === 'anchored' ? { status: 'anchored', start: result.start, end: result.end } : { status: 'orphaned' };
}

/**
 * Where each stored target landed in the text it was last anchored in. The store hands out its
 * own records and replaces a record whole when it changes, so a target object seen again with
 * the same text lands where it did: listing an article's 1,000 highlights again (each window
 * opening it, each change to it) skips anchoring them all, ~5 ms on this machine.
 */
const anchoredBefore = new WeakMap<AnnotationTarget, { text: string; state: AnchorState }>();

function anchorOf(text: string, target: AnnotationTarget): AnchorState {
  const known = anchoredBefore.get(target);
  if (known?.text === text) return { ...known.state };
  const state = anchorState(text, target);
  anchoredBefore.set(target, { text, state });
  return { ...state };
}

const view = (text: string, annotation: Annotation): AnnotationView => ({ ...annotation, anchor: anchorOf(text, annotation.target) });

/**
 * A target taken from what the user selected, checked against the article's text: its
 * position must hold its quote, and the stored context is recomputed here so it always
 * matches the text the main side holds.
 */
function checkedTarget(text: string, target: AnnotationTarget): AnnotationTarget {
  const { start, end } = target.position;
  if (end > text.length || text.slice(start, end) !== target.quote.exact) {
    throw new NotebookError('invalid_argument', 'The selected passage does not match the article’s text (it may have just changed). Select it again.');
  }
  return describeRange(text, start, end);
}

const UPDATE_LABELS: [keyof ApiParsedArg<'updateAnnotation'>, string][] = [
  ['target', 'Re-attach highlight'],
  ['color', 'Change highlight colour'],
  ['comment', 'Edit comment'],
  ['tags', 'Tag highlight'],
];

export function createAnnotations(store: NotebookStore, writes: Committer, now: () => Date): AnnotationHandlers {
  /** The highlight and its article, read inside the write queue. */
  async function locate(id: string): Promise<{ annotation: Annotation; text: string; articleId: string }> {
    const articleId = await store.findAnnotation(id);
    const record = articleId ? await store.viewRecord(articleId) : undefined;
    const annotation = record?.annotations.find((a) => a.id === id);
    if (!record || !annotation) throw new NotebookError('not_found', 'That highlight no longer exists.');
    return { annotation, text: articleText(record.article.doc), articleId: record.article.id };
  }

  return {
    async listAnnotations({ articleId }) {
      const record = await store.viewRecord(articleId);
      const text = articleText(record.article.doc);
      return record.annotations.map((a) => view(text, a)).sort(byReadingOrder);
    },

    createAnnotation: ({ articleId, target, color, comment, tags }) =>
      writes.commit(async () => {
        const record = await store.viewRecord(articleId);
        const text = articleText(record.article.doc);
        const stamp = now().toISOString();
        const annotation: Annotation = {
          id: newId('annotation'),
          articleId,
          target: checkedTarget(text, target),
          color: color ?? 'yellow',
          comment: comment ?? '',
          tags: tags ?? [],
          createdAt: stamp,
          updatedAt: stamp,
        };
        return { label: 'Highlight', changes: [{ kind: 'annotation', articleId, before: null, after: annotation }], result: view(text, annotation) };
      }),

    updateAnnotation: (arg) =>
      writes.commit(async () => {
        const { annotation: before, text, articleId } = await locate(arg.id);
        const after: Annotation = {
          ...before,
          ...(arg.color !== undefined ? { color: arg.color } : {}),
          ...(arg.comment !== undefined ? { comment: arg.comment } : {}),
          ...(arg.tags !== undefined ? { tags: arg.tags } : {}),
          ...(arg.target !== undefined ? { target: checkedTarget(text, arg.target) } : {}),
          updatedAt: now().toISOString(),
        };
        const edit = { kind: 'highlight', name: before.target.quote.exact, baseRev: arg.baseRev } as const;
        if (checkBase(edit, before, after) === 'unchanged') return unchangedPlan(view(text, before));
        const label = UPDATE_LABELS.find(([field]) => arg[field] !== undefined)?.[1] ?? 'Edit highlight';
        return {
          label,
          changes: [{ kind: 'annotation', articleId, before, after }],
          result: view(text, after),
          // As stamped, with its new revision: the window bases its next edit on it.
          resultOf: (staged) => view(text, staged.articles.get(articleId)?.annotations.find((a) => a.id === arg.id) ?? after),
        };
      }),

    deleteAnnotation: ({ id }) =>
      writes.commit(async () => {
        const { annotation: before, articleId } = await locate(id);
        // Claims and notes that cite the highlight let go of it in the same undo step.
        const detached = await detachChanges(store, { annotationId: id }, now);
        return { label: 'Delete highlight', changes: [...detached, { kind: 'annotation', articleId, before, after: null }], result: { id } };
      }),

    getLegend: async () => store.legend(),

    updateLegend: ({ color, meaning }) =>
      writes.commit(() => {
        const before = store.legend();
        const after = { ...before, [color]: meaning };
        return { label: `Rename “${before[color]}”`, changes: [{ kind: 'legend', before, after }], result: after };
      }),
  };
}

/**
 * After an article's text changed: every annotation is anchored in the new text, and those
 * that land get fresh selectors (new position, new context). Orphans keep their old target
 * so the user can review them.
 */
export function reanchorAnnotations(annotations: Annotation[], newText: string): Annotation[] {
  return annotations.map((annotation) => {
    const state = anchorState(newText, annotation.target);
    return state.status === 'anchored' ? { ...annotation, target: describeRange(newText, state.start, state.end) } : annotation;
  });
}
