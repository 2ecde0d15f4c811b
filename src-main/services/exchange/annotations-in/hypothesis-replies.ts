/**
 * Hypothesis replies. A reply has no passage of its own (its target names only the page) and
 * answers the annotation its `references` start with, so it is kept where a reader of the
 * notebook will find it: appended to that annotation's comment, after a rule, with who wrote
 * it and when. Replies come in order of writing. A reply whose annotation is not imported is
 * skipped with that reason, so a discussion is never half-attached to the wrong passage.
 */
import { asList, field, stringField } from './json-fields';
import type { AnnotationReadResult } from './read-result';
import { itemLabel } from './read-result';

export function isReply(row: unknown): boolean {
  return asList(field(row, 'references')).length > 0;
}

/** Appends each reply to the comment of the annotation it answers, or lists it as skipped. */
export function foldReplies(replies: readonly { row: unknown; index: number }[], result: AnnotationReadResult): void {
  const kept = new Map(result.annotations.map((annotation) => [annotation.externalId, annotation]));
  const notImported = new Set(result.skipped.map((skipped) => skipped.id));
  const inOrder = [...replies].sort((a, b) => (stringField(a.row, 'created') ?? '').localeCompare(stringField(b.row, 'created') ?? ''));
  let folded = 0;
  for (const { row, index } of inOrder) {
    const label = itemLabel(field(row, 'id'), index);
    const root = asList(field(row, 'references'))[0];
    const parent = typeof root === 'string' ? kept.get(root.trim()) : undefined;
    if (parent) {
      parent.comment = [parent.comment, replyBlock(row)].filter((part) => part !== '').join('\n\n');
      folded += 1;
    } else if (typeof root !== 'string') {
      result.skipped.push({ id: label, reason: 'a reply whose references are not annotation ids' });
    } else if (notImported.has(root.trim())) {
      result.skipped.push({ id: label, reason: `a reply to ${root.slice(0, 200)}, which is not imported either` });
    } else {
      result.skipped.push({ id: label, reason: `a reply to ${root.slice(0, 200)}, which is not in this file` });
    }
  }
  if (folded > 0) result.warnings.push(`${folded} ${folded === 1 ? 'reply was' : 'replies were'} added to the comment of the annotation ${folded === 1 ? 'it answers' : 'they answer'}.`);
}

function replyBlock(reply: unknown): string {
  const created = stringField(reply, 'created');
  const day = created !== undefined && /^\d{4}-\d{2}-\d{2}/.test(created) ? `, ${created.slice(0, 10)}` : '';
  const text = stringField(reply, 'text') ?? '';
  return `---\n\n**Reply from ${author(reply)}${day}:**${text.trim() === '' ? '' : `\n\n${text}`}`;
}

/** The name Hypothesis shows: the display name, else the username of `acct:name@authority`. */
function author(reply: unknown): string {
  const displayName = stringField(field(reply, 'user_info'), 'display_name');
  if (displayName !== undefined && displayName.trim() !== '') return displayName.trim();
  const user = stringField(reply, 'user');
  return /^acct:([^@]+)@/.exec(user ?? '')?.[1] ?? user ?? 'someone';
}
