/**
 * Sharing a notebook through a git remote: the arguments of the calls and what they answer.
 * A remote is an HTTPS address (plain HTTP only on this machine's loopback, where a test or a
 * local server runs); a token is sent only to the remote it was given for.
 */
import { z } from './zod';
import type { ExchangeSummary } from './exchange-schema';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A remote's address, checked: https (or http on loopback), no user name or token inside it. */
export const remoteUrlSchema = z
  .string({ error: 'the remote must be an address' })
  .trim()
  .min(1, { error: 'give the address of the git remote, e.g. https://github.com/team/notebook.git' })
  .max(2000, { error: 'the remote address is too long' })
  .superRefine((text, context) => {
    // common/ has no URL class (no DOM, no node:): the parts a remote needs, by pattern.
    const parts = /^([a-z][a-z0-9+.-]*):\/\/(?:([^/@\s]*)@)?(\[[0-9a-f:.]+\]|[^/:\s@]+)(?::(\d{1,5}))?(\/\S*)?$/i.exec(text);
    if (!parts) {
      context.addIssue({ code: 'custom', message: `“${text}” is not an address: give one like https://github.com/team/notebook.git` });
      return;
    }
    const [, scheme = '', credentials, host = ''] = parts;
    if (scheme.toLowerCase() !== 'https' && !(scheme.toLowerCase() === 'http' && LOOPBACK.has(host.toLowerCase()))) {
      context.addIssue({ code: 'custom', message: 'the remote must be an https:// address (a token must never travel unencrypted); ssh remotes are not supported' });
    }
    if (credentials !== undefined) context.addIssue({ code: 'custom', message: 'put the user name and token in their own fields, not in the address' });
  });

export const gitUserSchema = z.string().trim().max(200, { error: 'the user name is too long' });
export const gitTokenSchema = z.string().trim().max(4000, { error: 'the token is too long' });
export const authorNameSchema = z.string({ error: 'your name must be text' }).trim().min(1, { error: 'give your name: it signs your changes in the shared history' }).max(200);
export const authorEmailSchema = z.string().trim().max(320).refine((email) => email === '' || /^[^\s@<>]+@[^\s@<>]+$/.test(email), { error: 'the e-mail address is not valid' });

/** Turn this notebook into a shared one: its records become the first commit of `remote` (which must be empty). */
export const shareNotebookArgs = z
  .object({
    remote: remoteUrlSchema,
    username: gitUserSchema.optional(),
    token: gitTokenSchema.optional(),
    authorName: authorNameSchema,
    authorEmail: authorEmailSchema.optional(),
  })
  .strict();
export type ShareNotebookArgs = z.infer<typeof shareNotebookArgs>;

/** A new user name / token for the remote (kept in the system keychain, or a private file in browser mode). */
export const syncCredentialsArgs = z.object({ username: gitUserSchema.optional(), token: gitTokenSchema }).strict();

export type SyncState =
  /** Everything here is in the shared history, as last seen. */
  | 'up-to-date'
  /** Changes made here wait for the next sync. */
  | 'changes-to-send'
  | 'syncing'
  /** The remote could not be reached; changes wait. */
  | 'offline'
  /** The last sync failed for another reason (a refused token, a damaged remote): see `message`. */
  | 'error';

/** Why the last sync failed, when the window can offer a fix. */
export type SyncProblem = 'offline' | 'credentials' | 'no-repository';

export interface SyncStatus {
  shared: boolean;
  /** The remote's address (never with credentials). */
  remote?: string;
  state?: SyncState;
  /** Records changed here since the last sync. */
  pending?: number;
  lastSyncAt?: string;
  /** Conflicts the last sync kept (the newer edit won, the other is in the record's conflict history). */
  conflicts?: number;
  /** What to do, in words, when the state is offline or error. */
  message?: string;
  /** What went wrong, for the window to offer the fix: `credentials` — the remote refused the user name or token. */
  problem?: SyncProblem;
  author?: { name: string; email?: string };
}

/** What one sync did. */
export interface SyncResult {
  /** Records committed here and sent. */
  sent: number;
  /** Records received (added, updated or deleted here). */
  received: number;
  conflicts: number;
  /** Times the remote refused a push because someone else synced first (each followed by a fetch and a merge). */
  retries: number;
  /** The merge, record by record (absent when nothing came in). */
  merge?: ExchangeSummary;
  /** One line: "sent 3 changes, received 5, 1 conflict kept". */
  said: string;
}

export const HISTORY_RECORD_KINDS = ['article', 'annotation', 'claim', 'note'] as const;
const recordIdSchema = z.string({ error: 'id must be text' }).regex(/^(art|ann|clm|note)_[a-z0-9]{8,40}$/, { error: 'id must be a record id (art_…, ann_…, clm_…, note_…)' });

/** The versions of one record in the shared history. */
export const recordHistoryArgs = z.object({ kind: z.enum(HISTORY_RECORD_KINDS, { error: `kind must be one of ${HISTORY_RECORD_KINDS.join(', ')}` }), id: recordIdSchema }).strict();

/** Makes the record as it was in `commit` its current version (one undo step). */
export const restoreVersionArgs = recordHistoryArgs.extend({ commit: z.string().regex(/^[0-9a-f]{40}$/, { error: 'commit must be a commit id (40 hexadecimal digits)' }) }).strict();

/** One version of a record, as a commit of the shared history holds it. */
export interface RecordVersion {
  commit: string;
  /** When it was committed, and by whom. */
  at: string;
  author: string;
  message: string;
  /** The version in a line: a note's body, a claim's statement, a highlight's comment and colour, an article's title. */
  summary: string;
  /** It is the version this notebook holds now. */
  current: boolean;
}
