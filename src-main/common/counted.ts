/**
 * "10,000": a whole count with English digit grouping, written out by hand. The first
 * `toLocaleString('en')` in a window loads ICU's number formatting (~60 ms of the window's first
 * render on a 2-core machine, for the library's first rows); a count needs none of it.
 */
export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count)) return count.toLocaleString('en');
  const digits = String(Math.abs(count)).replace(/\B(?=(\d{3})+$)/g, ',');
  return count < 0 ? `-${digits}` : digits;
}

/** "1 article", "10,000 articles": a count with its noun, for messages and labels. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
