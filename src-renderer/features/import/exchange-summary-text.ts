/**
 * An exchange import's summary in words: where the records came from, the counts on one line
 * ("3 added · 1 updated · 1 kept as a conflict · 2 not imported"), and the groups of records
 * the dialog lists, each with its heading.
 */
import type { ExchangeItem, ExchangeKind, ExchangeSummary } from '../../../src-main/common/exchange-schema';
import { counted, formatCount } from '../../../src-main/common/counted';

const KIND_WORDS: Record<ExchangeKind, string> = {
  bundle: 'a notebook bundle',
  w3c: 'W3C Web Annotations',
  hypothesis: 'Hypothesis annotations',
  qdpx: 'a REFI-QDA project',
  sync: 'the shared notebook',
};

/** "Imported the bundle from “Lab notebook” of 2026-11-30", "Imported Hypothesis annotations from export.json". */
export function summaryHeading(summary: Pick<ExchangeSummary, 'kind' | 'from'>): string {
  // The main side names bundles and projects in a phrase ("the bundle from …"), files by their name.
  return /^the /i.test(summary.from) ? `Imported ${summary.from}` : `Imported ${KIND_WORDS[summary.kind]} from ${summary.from}`;
}

export type SummaryGroupKey = 'added' | 'updated' | 'conflicts' | 'kept' | 'deleted' | 'refused';

export interface SummaryGroup {
  key: SummaryGroupKey;
  /** The list's heading. */
  heading: string;
  /** How the counts line says it: "3 added". */
  count: (n: number) => string;
  items: ExchangeItem[];
}

const GROUPS: Omit<SummaryGroup, 'items'>[] = [
  { key: 'added', heading: 'Added', count: (n) => `${formatCount(n)} added` },
  { key: 'updated', heading: 'Updated', count: (n) => `${formatCount(n)} updated` },
  { key: 'conflicts', heading: 'Kept as a conflict', count: (n) => `${formatCount(n)} kept as a conflict` },
  { key: 'kept', heading: 'Kept although deleted on one side', count: (n) => `${formatCount(n)} kept although deleted` },
  { key: 'deleted', heading: 'Deleted', count: (n) => `${formatCount(n)} deleted` },
  { key: 'refused', heading: 'Not imported', count: (n) => `${formatCount(n)} not imported` },
];

/** The groups with records in them, in the order the dialog lists them. */
export function summaryGroups(summary: ExchangeSummary): SummaryGroup[] {
  return GROUPS.map((group) => ({ ...group, items: summary[group.key] })).filter((group) => group.items.length > 0);
}

/** "3 added · 1 updated · 1 kept as a conflict · 2 not imported", or why nothing changed. */
export function countsLine(summary: ExchangeSummary): string {
  const parts = summaryGroups(summary).map((group) => group.count(group.items.length));
  const unmatched = summary.unmatched.reduce((sum, source) => sum + source.count, 0);
  if (unmatched > 0) parts.push(`${counted(unmatched, 'annotation')} on pages not in this notebook`);
  if (summary.unchanged > 0) parts.push(`${formatCount(summary.unchanged)} already the same`);
  return parts.length > 0 ? parts.join(' · ') : 'Nothing to import: the file holds no records.';
}

/** "12 annotations on pages this notebook does not hold" (the heading of the unmatched sources). */
export function unmatchedHeading(summary: ExchangeSummary): string {
  const total = summary.unmatched.reduce((sum, source) => sum + source.count, 0);
  return `${counted(total, 'annotation')} on ${summary.unmatched.length === 1 ? 'a page' : 'pages'} this notebook does not hold`;
}

const ITEM_KIND_WORDS: Record<ExchangeItem['kind'], string> = { article: 'Article', highlight: 'Highlight', claim: 'Claim', note: 'Note' };

export const itemKindWord = (kind: ExchangeItem['kind']): string => ITEM_KIND_WORDS[kind];
