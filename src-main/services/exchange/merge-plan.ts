/**
 * Records that arrive (a bundle, another tool's annotations) → the change set that merges
 * them into this notebook, and what it did to each. Every record goes through the one merge
 * (common/merge/merge-record.ts) against this notebook's copy or what is left of it after a
 * deletion. Runs inside the write queue, so it merges into the records as they are now.
 */
import { DEFAULT_LEGEND } from '../../common/highlight-colors';
import type { ExchangeItem, ExchangeSummary } from '../../common/exchange-schema';
import { mergeRecord, type MergeableRecord, type MergeOutcome, type Tombstone } from '../../common/merge/merge-record';
import { revisionOf } from '../../common/merge/revisions';
import type { Annotation, Article, Claim, ColorLegend, Note } from '../../common/model';
import { HIGHLIGHT_COLORS } from '../../common/highlight-colors';
import { recordKey, type Deletion } from '../../store/deletion-log';
import type { ArticleRecord, Change } from '../../store/notebook-files';
import type { NotebookStore } from '../../store/notebook-store';
import { yieldToEventLoop } from '../../store/event-loop-turns';

/** What an import brings, already read and checked. */
export interface IncomingRecords {
  legend?: ColorLegend;
  /** The legend both sides started from (a shared history knows it): then each colour merges three ways. */
  legendBase?: ColorLegend;
  articles: Article[];
  annotations: Annotation[];
  claims: Claim[];
  notes: Note[];
  deletions: Deletion[];
}

type Mergeable<T> = T & MergeableRecord;

const asMergeable = <T extends { rev?: string; revs?: string[]; updatedAt: string }>(record: T): Mergeable<T> =>
  ({ ...record, rev: revisionOf(record), revs: record.revs ?? [] }) as Mergeable<T>;

const tombstoneOf = (deletion: Deletion): Tombstone => ({ deleted: true, rev: deletion.rev, revs: deletion.revs, deletedAt: deletion.deletedAt });

/** Records merged between two turns of the event loop, so a large import lets the window's reads through. */
const SLICE = 200;
function turns(): () => Promise<void> {
  let merged = 0;
  return () => (++merged % SLICE === 0 ? yieldToEventLoop() : Promise.resolve());
}

const QUOTE_LABEL = 80;
const shortQuote = (quote: string) => (quote.length > QUOTE_LABEL ? `${quote.slice(0, QUOTE_LABEL - 1)}…` : quote);

/** The empty summary of an import of `kind` from `from`. */
export function emptySummary(kind: ExchangeSummary['kind'], from: string): ExchangeSummary {
  return { kind, from, added: [], updated: [], conflicts: [], kept: [], deleted: [], refused: [], unmatched: [], unchanged: 0 };
}

/** Files the outcome under its heading; returns the record to write, null to delete, undefined for no change. */
function file<T>(summary: ExchangeSummary, outcome: MergeOutcome<T>, item: ExchangeItem, from: string): T | null | undefined {
  switch (outcome.kind) {
    case 'unchanged':
      summary.unchanged += 1;
      return undefined;
    case 'merged':
      // The same content on both sides: written (its history now joins both), counted as unchanged.
      summary.unchanged += 1;
      return outcome.record;
    case 'added':
      summary.added.push(item);
      return outcome.record;
    case 'updated':
      summary.updated.push(item);
      return outcome.record;
    case 'restored':
      summary.kept.push({ ...item, reason: `deleted in this notebook, but edited since in ${from}: brought back` });
      return outcome.record;
    case 'conflict':
      summary.conflicts.push({ ...item, reason: 'edited on both sides: the newer edit is kept, the other is in its conflict history' });
      return outcome.record;
    case 'kept':
      summary.kept.push({ ...item, reason: `deleted in ${from}, but edited since in this notebook: kept` });
      return undefined;
    case 'deleted':
      summary.deleted.push(item);
      return null;
  }
}

/**
 * The change set that merges `incoming` into the notebook, and the summary of it. `from`
 * names where the records come from, in the summary's reasons.
 */
export async function planMerge(store: NotebookStore, incoming: IncomingRecords, summary: ExchangeSummary): Promise<Change[]> {
  const from = summary.from;
  const turn = turns();
  const deleted = await store.deletions.read();
  const changes: Change[] = [];
  const incomingDeletions = new Map(incoming.deletions.map((d) => [recordKey(d.kind, d.id), d]));
  /** Each touched article as the merge leaves it (null: gone), so highlights land in what the articles became. */
  const articles = new Map<string, ArticleRecord | null>();
  const current = async (id: string): Promise<ArticleRecord | null> => {
    if (!articles.has(id)) articles.set(id, store.hasArticle(id) ? structuredClone(await store.viewRecord(id)) : null);
    return articles.get(id)!;
  };
  const localOrTombstone = <T>(local: T | null | undefined, kind: Deletion['kind'], id: string): T | Tombstone | null => {
    if (local) return local;
    const deletion = deleted.get(recordKey(kind, id));
    return deletion ? tombstoneOf(deletion) : null;
  };

  // Articles deleted here that the other side has since highlighted: they come back with those highlights.
  const highlightedThere = new Set(
    incoming.annotations.flatMap((annotation) => {
      const gone = deleted.get(recordKey('annotation', annotation.id));
      return !gone || mergeRecord(tombstoneOf(gone), asMergeable(annotation)).kind === 'restored' ? [annotation.articleId] : [];
    }),
  );
  for (const article of incoming.articles) {
    await turn();
    const record = await current(article.id);
    const local = record ? asMergeable(record.article) : null;
    const merged = mergeRecord<Mergeable<Article>>(localOrTombstone(local, 'article', article.id), asMergeable(article));
    const outcome: MergeOutcome<Mergeable<Article>> = !record && merged.kind === 'unchanged' && highlightedThere.has(article.id) ? { kind: 'restored', record: asMergeable(article) } : merged;
    const result = file(summary, outcome, { kind: 'article', id: article.id, label: article.title }, from);
    if (result === undefined) continue;
    const after: ArticleRecord | null = result && {
      article: { ...result, ...(record?.article.openedAt ? { openedAt: record.article.openedAt } : {}) },
      annotations: record ? [...record.annotations] : [],
    };
    changes.push({ kind: 'article', articleId: article.id, before: record && structuredClone(record), after: after && structuredClone(after) });
    articles.set(article.id, after);
  }

  for (const annotation of incoming.annotations) {
    await turn();
    const item: ExchangeItem = { kind: 'highlight', id: annotation.id, label: shortQuote(annotation.target.quote.exact) };
    const record = await current(annotation.articleId);
    if (!record) {
      summary.refused.push({ ...item, reason: 'its article is not in this notebook (deleted here, or not in what was sent)' });
      continue;
    }
    const held = record.annotations.find((a) => a.id === annotation.id);
    const outcome = mergeRecord<Mergeable<Annotation>>(localOrTombstone(held && asMergeable(held), 'annotation', annotation.id), asMergeable(annotation));
    const result = file(summary, outcome, item, from);
    if (result === undefined) continue;
    changes.push({ kind: 'annotation', articleId: annotation.articleId, before: held ?? null, after: result });
    record.annotations = result ? [...record.annotations.filter((a) => a.id !== annotation.id), result] : record.annotations.filter((a) => a.id !== annotation.id);
  }

  const claims = new Map(store.claims().map((claim) => [claim.id, claim]));
  for (const claim of incoming.claims) {
    await turn();
    const held = claims.get(claim.id);
    const outcome = mergeRecord<Mergeable<Claim>>(localOrTombstone(held && asMergeable(held), 'claim', claim.id), asMergeable(claim));
    const result = file(summary, outcome, { kind: 'claim', id: claim.id, label: claim.statement }, from);
    if (result !== undefined) changes.push({ kind: 'claim', claimId: claim.id, before: held ?? null, after: result });
  }

  const noteIds = new Set(store.noteMetas().map((meta) => meta.id));
  for (const note of incoming.notes) {
    await turn();
    const held = noteIds.has(note.id) ? await store.readNote(note.id) : null;
    const outcome = mergeRecord<Mergeable<Note>>(localOrTombstone(held && asMergeable(held), 'note', note.id), asMergeable(note));
    const result = file(summary, outcome, { kind: 'note', id: note.id, label: note.title }, from);
    if (result !== undefined) changes.push({ kind: 'note', noteId: note.id, before: held, after: result });
  }

  await mergeDeletions(store, incomingDeletions, { summary, changes, current, claims, noteIds });
  if (incoming.legend) mergeLegend(store.legend(), incoming.legend, changes, incoming.legendBase);
  return changes;
}

interface DeletionContext {
  summary: ExchangeSummary;
  changes: Change[];
  current: (id: string) => Promise<ArticleRecord | null>;
  claims: Map<string, Claim>;
  noteIds: Set<string>;
}

/** Records the other side deleted: gone here too, unless this notebook changed them since. */
async function mergeDeletions(store: NotebookStore, deletions: Map<string, Deletion>, context: DeletionContext): Promise<void> {
  const { summary, changes, current, claims, noteIds } = context;
  const from = summary.from;
  for (const deletion of deletions.values()) {
    const tombstone = tombstoneOf(deletion);
    if (deletion.kind === 'article') {
      const record = await current(deletion.id);
      if (!record) continue;
      // Deleting an article takes its highlights with it: only if the other side deleted each of them too, as it had them.
      const highlightsKept = record.annotations.some((annotation) => {
        const gone = deletions.get(recordKey('annotation', annotation.id));
        return !gone || mergeRecord(asMergeable(annotation), tombstoneOf(gone)).kind !== 'deleted';
      });
      if (highlightsKept) {
        summary.kept.push({ kind: 'article', id: deletion.id, label: record.article.title, reason: `deleted in ${from}, but it holds highlights made here that ${from} did not have: kept` });
        continue;
      }
      const outcome = mergeRecord(asMergeable(record.article), tombstone);
      if (file(summary, outcome, { kind: 'article', id: deletion.id, label: record.article.title }, from) === null) {
        changes.push({ kind: 'article', articleId: deletion.id, before: structuredClone(record), after: null });
      }
    } else if (deletion.kind === 'annotation' && deletion.articleId) {
      const record = await current(deletion.articleId);
      const held = record?.annotations.find((a) => a.id === deletion.id);
      if (!record || !held) continue;
      const outcome = mergeRecord(asMergeable(held), tombstone);
      if (file(summary, outcome, { kind: 'highlight', id: held.id, label: shortQuote(held.target.quote.exact) }, from) === null) {
        changes.push({ kind: 'annotation', articleId: deletion.articleId, before: held, after: null });
        record.annotations = record.annotations.filter((a) => a.id !== held.id);
      }
    } else if (deletion.kind === 'claim') {
      const held = claims.get(deletion.id);
      if (!held) continue;
      if (file(summary, mergeRecord(asMergeable(held), tombstone), { kind: 'claim', id: held.id, label: held.statement }, from) === null) {
        changes.push({ kind: 'claim', claimId: held.id, before: held, after: null });
      }
    } else if (deletion.kind === 'note' && noteIds.has(deletion.id)) {
      const held = await store.readNote(deletion.id);
      if (file(summary, mergeRecord(asMergeable(held), tombstone), { kind: 'note', id: held.id, label: held.title }, from) === null) {
        changes.push({ kind: 'note', noteId: held.id, before: held, after: null });
      }
    }
  }
}

/**
 * The legend has no revisions. With a common base (a shared history), a colour takes the side
 * that changed it; changed on both, the two meanings are ordered so both sides pick the same
 * one. Without one (a bundle), a colour whose meaning this notebook never changed from the
 * default takes the other side's meaning; one it named keeps its own.
 */
function mergeLegend(local: ColorLegend, incoming: ColorLegend, changes: Change[], base?: ColorLegend): void {
  const after = { ...local };
  for (const color of HIGHLIGHT_COLORS) {
    const from = base?.[color] ?? DEFAULT_LEGEND[color];
    if (incoming[color] === from || incoming[color] === local[color]) continue;
    if (local[color] === from) after[color] = incoming[color];
    else if (base && incoming[color] > local[color]) after[color] = incoming[color];
  }
  if (HIGHLIGHT_COLORS.some((color) => after[color] !== local[color])) changes.push({ kind: 'legend', before: local, after });
}
