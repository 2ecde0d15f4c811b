/**
 * Tags across the notebook: counts per kind for the tag browser, and rename/merge everywhere
 * at once (articles, highlights, claims, notes) as one undo step.
 */
import type { NotebookHandlers } from '../common/api';
import { NotebookError } from '../common/errors';
import type { TagCount } from '../common/model';
import { hasTag, renameInList, tagMatches } from '../common/tags';
import type { Change } from '../store/notebook-files';
import type { NotebookStore } from '../store/notebook-store';
import type { Committer } from './commit';

type Handlers = Pick<NotebookHandlers, 'listTags' | 'renameTag' | 'mergeTags'>;
type Kind = keyof TagCount['counts'];

export function createTags(store: NotebookStore, writes: Committer): Handlers {
  /** Every tag of the notebook with how many records of each kind carry it, from the index (no article file is read). */
  async function tagCounts(): Promise<Map<string, TagCount['counts']>> {
    const counts = new Map<string, TagCount['counts']>();
    const add = (tag: string, kind: Kind, by = 1) => {
      let entry = counts.get(tag);
      if (!entry) counts.set(tag, (entry = { article: 0, annotation: 0, claim: 0, note: 0 }));
      entry[kind] += by;
    };
    // The index's own metadata, read, not copied: listing copies every article's row.
    for (const meta of store.articleMetas()) for (const tag of meta.tags) add(tag, 'article');
    for (const [tag, count] of await store.highlightTagCounts()) add(tag, 'annotation', count);
    for (const claim of store.claims()) for (const tag of claim.tags) add(tag, 'claim');
    for (const note of store.noteMetas()) for (const tag of note.tags) add(tag, 'note');
    return counts;
  }

  /** The changes that rename `from` (and what lies under it) to `to` everywhere. */
  async function renameChanges(from: string, to: string, stamp: string): Promise<Change[]> {
    const changes: Change[] = [];
    // Only the articles the index says hold the tag, on the article or on a highlight, are read.
    const touched = new Set(store.articleMetas().filter((meta) => renameInList(meta.tags, from, to)).map((meta) => meta.id));
    for (const { articleId, tags } of await store.taggedHighlights()) {
      if (renameInList(tags, from, to)) touched.add(articleId);
    }
    for (const articleId of touched) {
      const record = await store.readRecord(articleId);
      const articleTags = renameInList(record.article.tags, from, to);
      if (articleTags) changes.push({ kind: 'articleTags', articleId, before: record.article.tags, after: articleTags });
      for (const annotation of record.annotations) {
        const tags = renameInList(annotation.tags, from, to);
        if (tags) changes.push({ kind: 'annotation', articleId, before: annotation, after: { ...annotation, tags, updatedAt: stamp } });
      }
    }
    for (const claim of store.claims()) {
      const tags = renameInList(claim.tags, from, to);
      if (tags) changes.push({ kind: 'claim', claimId: claim.id, before: claim, after: { ...claim, tags, updatedAt: stamp } });
    }
    for (const meta of store.noteMetas()) {
      if (!renameInList(meta.tags, from, to)) continue;
      const note = await store.readNote(meta.id);
      changes.push({ kind: 'note', noteId: note.id, before: note, after: { ...note, tags: renameInList(note.tags, from, to)!, updatedAt: stamp } });
    }
    return changes;
  }

  /** Renames inside the write queue, from the tags as they are when its turn comes. */
  const rewrite = (label: string, from: string, to: string, mustBeNew: boolean): Promise<{ changed: number }> =>
    writes.commit(async (stamp) => {
      if (from === to) throw new NotebookError('invalid_argument', 'The new tag is the same as the old one.');
      if (tagMatches(to, from)) throw new NotebookError('invalid_argument', `“${to}” lies under “${from}”: a tag cannot be moved inside itself.`);
      const tags = new Set((await tagCounts()).keys());
      if (!hasTag(tags, from)) throw new NotebookError('not_found', `No record has the tag “${from}”.`);
      if (mustBeNew && hasTag(tags, to)) {
        throw new NotebookError('invalid_argument', `The tag “${to}” already exists: merge “${from}” into it instead.`);
      }
      const changes = await renameChanges(from, to, stamp);
      return { label, changes, result: { changed: changes.length } };
    });

  return {
    async listTags() {
      return [...(await tagCounts())].map(([tag, counts]) => ({ tag, counts })).sort((a, b) => a.tag.localeCompare(b.tag));
    },
    renameTag: ({ from, to }) => rewrite(`Rename tag “${from}”`, from, to, true),
    mergeTags: ({ from, into }) => rewrite(`Merge “${from}” into “${into}”`, from, into, false),
  };
}
