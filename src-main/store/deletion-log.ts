/**
 * What was deleted, and which version: `deletions.log`, one line per deleted record. A merge
 * needs it to tell "deleted here" from "never held here" — without it, a colleague's bundle
 * would bring back every highlight this notebook deleted. Append-only (a delete costs one
 * line); read only when a bundle is made or merged.
 */
import { join } from 'node:path';
import { z } from '../common/zod';
import { MAX_ANCESTORS, revisionIdSchema } from '../common/merge/revisions';
import { timestampSchema } from '../common/schema';
import { AppendLog } from './append-log';

export const DELETIONS_FILE = 'deletions.log';

export const RECORD_KINDS = ['article', 'annotation', 'claim', 'note'] as const;

export const deletionSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string().min(1).max(100),
  /** The article an annotation was in. */
  articleId: z.string().max(100).optional(),
  rev: revisionIdSchema,
  revs: z.array(revisionIdSchema).max(MAX_ANCESTORS * 2),
  deletedAt: timestampSchema,
});
export type Deletion = z.infer<typeof deletionSchema>;

/** `kind:id`, the key records and deletions are matched by. */
export const recordKey = (kind: string, id: string): string => `${kind}:${id}`;

export interface DeletionLog {
  record(deletions: readonly Deletion[]): Promise<void>;
  /** The latest deletion of each record, by `kind:id`. */
  read(): Promise<Map<string, Deletion>>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function deletionLog(dir: string): DeletionLog {
  const log = new AppendLog(join(dir, DELETIONS_FILE));
  return {
    record: (deletions) => log.append(deletions),
    async read() {
      await log.idle();
      const latest = new Map<string, Deletion>();
      for (const line of await log.read()) {
        // A line cut short by a crash, or written by hand, is skipped: the record then merges as never held.
        const parsed = deletionSchema.safeParse(line);
        if (parsed.success) latest.set(recordKey(parsed.data.kind, parsed.data.id), parsed.data);
      }
      return latest;
    },
    idle: () => log.idle(),
    close: () => log.close(),
  };
}
