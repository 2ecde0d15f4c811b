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

export function createTags(store: NotebookStore, writes: Committer, now: () => Date): Handlers {
  /** Every tag list of the notebook, with its kind (reads each article's file once). */
  async function* taggedRecords() {
    for (const meta of store.listArticles()) {
      yield { kind: 'article' as Kind, tags: meta.tags };
      const record = await store.readRecord(meta.id);
      for (const annotation of record.annotations) yield { kind: 'annotation' as Kind, tags: annotation.tags };
    }
    for (const claim of store.claims()) yield { kind: 'claim' as Kind, tags: claim.tags };
    for (const note of store.noteMetas()) yield { kind: 'note' as Kind, tags: note.tags };
  }

  /** The changes that rename `from` (and what lies under it) to `to` everywhere. */
  async function renameChanges(from: string, to: string): Promise<Change[]> {
    const stamp = now().toISOString();
    const changes: Change[] = [];
    for (const meta of store.listArticles()) {
      const record = await store.readRecord(meta.id);
      const articleTags = renameInList(record.article.tags, from, to);
      if (articleTags) changes.push({ kind: 'articleTags', articleId: meta.id, before: record.article.tags, after: articleTags });
      for (const annotation of record.annotations) {
        const tags = renameInList(annotation.tags, from, to);
        if (tags) changes.push({ kind: 'annotation', articleId: meta.id, before: annotation, after: { ...annotation, tags, updatedAt: stamp } });
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

  async function existing(): Promise<Set<string>> {
    const tags = new Set<string>();
    for await (const record of taggedRecords()) for (const tag of record.tags) tags.add(tag);
    return tags;
  }

  /** Renames inside the write queue, from the tags as they are when its turn comes. */
  const rewrite = (label: string, from: string, to: string, mustBeNew: boolean): Promise<{ changed: number }> =>
    writes.commit(async () => {
      if (from === to) throw new NotebookError('invalid_argument', 'The new tag is the same as the old one.');
      if (tagMatches(to, from)) throw new NotebookError('invalid_argument', `“${to}” lies under “${from}”: a tag cannot be moved inside itself.`);
      const tags = await existing();
      if (!hasTag(tags, from)) throw new NotebookError('not_found', `No record has the tag “${from}”.`);
      if (mustBeNew && hasTag(tags, to)) {
        throw new NotebookError('invalid_argument', `The tag “${to}” already exists: merge “${from}” into it instead.`);
      }
      const changes = await renameChanges(from, to);
      return { label, changes, result: { changed: changes.length } };
    });

  return {
    async listTags() {
      const counts = new Map<string, TagCount['counts']>();
      for await (const { kind, tags } of taggedRecords()) {
        for (const tag of tags) {
          const entry = counts.get(tag) ?? { article: 0, annotation: 0, claim: 0, note: 0 };
          entry[kind] += 1;
          counts.set(tag, entry);
        }
      }
      return [...counts].map(([tag, c]) => ({ tag, counts: c })).sort((a, b) => a.tag.localeCompare(b.tag));
    },
    renameTag: ({ from, to }) => rewrite(`Rename tag “${from}”`, from, to, true),
    mergeTags: ({ from, into }) => rewrite(`Merge “${from}” into “${into}”`, from, into, false),
  };
}
