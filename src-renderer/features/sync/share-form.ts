/**
 * The Share through git form, checked field by field with the contract's own schemas before it
 * is sent, so each problem shows beside its field in a sentence ("Give your name: it signs your
 * changes in the shared history."). What only the remote can tell (a refused token, no such
 * repository, offline) comes back from the main side and shows by the button.
 */
import type { z } from 'zod';
import { authorEmailSchema, authorNameSchema, gitTokenSchema, gitUserSchema, remoteUrlSchema, type ShareNotebookArgs } from '../../../src-main/common/sync-schema';

export interface ShareForm {
  remote: string;
  username: string;
  token: string;
  authorName: string;
  authorEmail: string;
}

export type ShareField = keyof ShareForm;
export type ShareProblems = Partial<Record<ShareField, string>>;

const SCHEMAS: Record<ShareField, z.ZodType> = {
  remote: remoteUrlSchema,
  username: gitUserSchema,
  token: gitTokenSchema,
  authorName: authorNameSchema,
  authorEmail: authorEmailSchema,
};

/** "give your name: …" → "Give your name: …." */
const sentence = (message: string) => {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

/** Each field's first problem, in order of the form. */
export function shareFormProblems(form: ShareForm): ShareProblems {
  const problems: ShareProblems = {};
  for (const field of Object.keys(SCHEMAS) as ShareField[]) {
    const parsed = SCHEMAS[field].safeParse(form[field]);
    if (!parsed.success) problems[field] = sentence(parsed.error.issues[0]?.message ?? 'This is not valid');
  }
  return problems;
}

/** The call's argument: empty optional fields left out (no token sent keeps the one already kept). */
export function shareArgsOf(form: ShareForm): ShareNotebookArgs {
  const username = form.username.trim();
  const token = form.token.trim();
  const authorEmail = form.authorEmail.trim();
  return {
    remote: form.remote.trim(),
    authorName: form.authorName.trim(),
    ...(username ? { username } : {}),
    ...(token ? { token } : {}),
    ...(authorEmail ? { authorEmail } : {}),
  };
}
