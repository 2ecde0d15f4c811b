/** Applying the change feed's items to a list the window holds. */

/** Puts each changed item in `list` (by id), removes the deleted ones, keeps the rest in order; new ones go first. */
export function patched<T extends { id: string }>(list: readonly T[], changes: readonly { id: string; item: T | null }[]): T[] {
  const byId = new Map(changes.map((change) => [change.id, change.item]));
  const kept = list.flatMap((item) => {
    if (!byId.has(item.id)) return [item];
    const next = byId.get(item.id);
    byId.delete(item.id);
    return next ? [next] : [];
  });
  const added = [...byId.values()].filter((item): item is T => item !== null);
  return [...added, ...kept];
}
