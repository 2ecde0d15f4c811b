/**
 * A commit's message says what changed in words a colleague reading the history understands:
 * "3 highlights, 1 note on ‘Japan and U.S. …’", not a list of files.
 */
import { counted } from '../../common/counted';
import type { SharedRecord } from './shared-records';

export interface RecordChange {
  before?: SharedRecord;
  after?: SharedRecord;
}

const TITLE = 60;
const quoted = (title: string) => `‘${title.length > TITLE ? `${title.slice(0, TITLE - 1)}…` : title}’`;
const revOf = (record: { rev?: string; updatedAt: string }) => record.rev ?? record.updatedAt;

/** The message of a commit holding `changes`. */
export function commitMessage(changes: readonly RecordChange[]): string {
  let highlights = 0;
  let articles = 0;
  let claims = 0;
  let notes = 0;
  let legend = false;
  const titles = new Set<string>();
  for (const { before, after } of changes) {
    const record = after ?? before;
    if (!record) continue;
    if (record.kind === 'legend') legend = true;
    else if (record.kind === 'claim') claims += 1;
    else if (record.kind === 'note') notes += 1;
    else {
      const old = before?.kind === 'article' ? before.record : undefined;
      const now = after?.kind === 'article' ? after.record : undefined;
      const had = new Map((old?.annotations ?? []).map((a) => [a.id, revOf(a)]));
      const has = new Map((now?.annotations ?? []).map((a) => [a.id, revOf(a)]));
      let touched = 0;
      for (const [id, rev] of has) if (had.get(id) !== rev) touched += 1;
      for (const id of had.keys()) if (!has.has(id)) touched += 1;
      highlights += touched;
      if (!old || !now || revOf(old.article) !== revOf(now.article)) articles += 1;
      titles.add((now ?? old)!.article.title);
    }
  }
  // "on ‘Title’" goes with what is in that one article, not with the notes or claims after it.
  const inArticles = [articles > 0 ? counted(articles, 'article') : '', highlights > 0 ? counted(highlights, 'highlight') : ''].filter(Boolean).join(', ');
  const parts = [
    inArticles && titles.size === 1 ? `${inArticles} on ${quoted([...titles][0]!)}` : inArticles,
    claims > 0 ? counted(claims, 'claim') : '',
    notes > 0 ? counted(notes, 'note') : '',
    legend ? 'the colour legend' : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'No changes' : parts.join(', ');
}
