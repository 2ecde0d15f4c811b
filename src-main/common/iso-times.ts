/**
 * Order of ISO 8601 times (and dates) as the notebook writes them: in UTC, one form each, so
 * they order as plain strings. Compared by code unit rather than `localeCompare`, which collates
 * and was most of sorting 10,000 articles by time.
 */
export function compareIsoTimes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The most recent first, for lists sorted by when things changed. */
export const newestFirst = (a: { updatedAt: string }, b: { updatedAt: string }): number => compareIsoTimes(b.updatedAt, a.updatedAt);
