/**
 * A person's choice about a version kept in a record's conflict history ("Also edited in the
 * bundle of 30 Nov: show / use this version"): use it — the record takes that version's
 * content, and the one it replaces can be had back with Undo — or dismiss it. Either is one
 * undo step, committed like any edit (the record gets a new revision).
 */
import type { ApiParsedArg, NotebookHandlers } from '../../common/api';
import { NotebookError } from '../../common/errors';
import type { Change } from '../../store/notebook-files';
import type { NotebookStore } from '../../store/notebook-store';
import type { Committer } from '../commit';

type ResolveHandlers = Pick<NotebookHandlers, 'resolveConflict'>;
type Args = ApiParsedArg<'resolveConflict'>;

const gone = (noun: string) => new NotebookError('not_found', `That ${noun} no longer exists.`);
const noVersion = () => new NotebookError('not_found', 'That version is no longer in the conflict history (it was used or dismissed already).');

/** The record after the choice: the version's content (same id and creation) or the record without that version. */
function chosen<T extends { id: string; createdAt: string; rev?: string; revs?: string[]; conflicts?: V[] }, V extends { rev?: string }>(record: T, { rev, choice }: Args, stamp: string): T {
  const version = record.conflicts?.find((c) => c.rev === rev);
  if (!version) throw noVersion();
  const conflicts = record.conflicts!.filter((c) => c !== version);
  if (choice === 'dismiss') return { ...record, conflicts };
  const { rev: _rev, ...content } = version;
  return { ...record, ...content, id: record.id, createdAt: record.createdAt, rev: record.rev, revs: record.revs, conflicts, updatedAt: stamp } as T;
}

async function changeFor(store: NotebookStore, args: Args, stamp: string): Promise<Change> {
  switch (args.kind) {
    case 'article': {
      if (!store.hasArticle(args.id)) throw gone('article');
      const before = structuredClone(await store.viewRecord(args.id));
      return { kind: 'article', articleId: args.id, before, after: { ...before, article: chosen(before.article, args, stamp) } };
    }
    case 'annotation': {
      const articleId = await store.findAnnotation(args.id);
      const before = articleId ? (await store.viewRecord(articleId)).annotations.find((a) => a.id === args.id) : undefined;
      if (!articleId || !before) throw gone('highlight');
      return { kind: 'annotation', articleId, before, after: chosen(before, args, stamp) };
    }
    case 'claim': {
      const before = store.claim(args.id);
      if (!before) throw gone('claim');
      return { kind: 'claim', claimId: args.id, before, after: chosen(before, args, stamp) };
    }
    case 'note': {
      if (!store.noteMeta(args.id)) throw gone('note');
      const before = await store.readNote(args.id);
      return { kind: 'note', noteId: args.id, before, after: chosen(before, args, stamp) };
    }
  }
}

export function createConflictResolution(store: NotebookStore, writes: Committer): ResolveHandlers {
  return {
    resolveConflict: (args) =>
      writes.commit(async (stamp) => {
        const label = args.choice === 'use' ? 'Use the other version' : 'Dismiss the other version';
        return { label, changes: [await changeFor(store, args, stamp)], result: { label } };
      }),
  };
}
