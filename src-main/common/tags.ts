/** Hierarchical tags: `region/east-asia` is under `region`. Pure helpers shared by both sides. */

/** True when `tag` is `filter` or lies under it (`region/east-asia` matches `region`). */
export function tagMatches(tag: string, filter: string): boolean {
  return tag === filter || tag.startsWith(`${filter}/`);
}

/** The tag renamed from `from` to `to`, keeping what lies under it; unchanged when it does not match. */
export function renamedTag(tag: string, from: string, to: string): string {
  return tagMatches(tag, from) ? to + tag.slice(from.length) : tag;
}

/** A list of tags with `from` renamed to `to`, without duplicates; `null` when nothing changed. */
export function renameInList(tags: readonly string[], from: string, to: string): string[] | null {
  if (!tags.some((tag) => tagMatches(tag, from))) return null;
  return [...new Set(tags.map((tag) => renamedTag(tag, from, to)))];
}
