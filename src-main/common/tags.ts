/** Hierarchical tags: `region/east-asia` is under `region`. Pure helpers shared by both sides. */

/** True when `tag` is `filter` or lies under it (`region/east-asia` matches `region`). */
export function tagMatches(tag: string, filter: string): boolean {
  return tag === filter || tag.startsWith(`${filter}/`);
}

/** True when any of `tags` matches `filter` (itself or a tag under it). */
export function hasTag(tags: Iterable<string>, filter: string): boolean {
  for (const tag of tags) if (tagMatches(tag, filter)) return true;
  return false;
}

/** Every tag given and every tag above one (`region` for `region/asia`), A to Z, once each. */
export function withParents(tags: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const tag of tags) {
    const parts = tag.split('/');
    for (let depth = 1; depth <= parts.length; depth += 1) all.add(parts.slice(0, depth).join('/'));
  }
  return [...all].sort();
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

export type TagKind = 'article' | 'annotation' | 'claim' | 'note';
export type KindCounts = Record<TagKind, number>;

/** One level of the tag tree: `region/east-asia` is the node `east-asia` under `region`. */
export interface TagNode {
  name: string;
  /** The whole tag, as filters and renames use it. */
  path: string;
  /** Records carrying exactly this tag. */
  own: KindCounts;
  /** Records carrying this tag or one under it (a record with two such tags counts twice). */
  total: KindCounts;
  children: TagNode[];
}

const zero = (): KindCounts => ({ article: 0, annotation: 0, claim: 0, note: 0 });

/** Builds the tree from flat tag counts, parents implied, siblings sorted by name. */
export function tagTree(counts: readonly { tag: string; counts: KindCounts }[]): TagNode[] {
  const root: TagNode = { name: '', path: '', own: zero(), total: zero(), children: [] };
  for (const { tag, counts: own } of counts) {
    let node = root;
    for (const part of tag.split('/')) {
      const path = node.path === '' ? part : `${node.path}/${part}`;
      let child = node.children.find((c) => c.name === part);
      if (!child) {
        child = { name: part, path, own: zero(), total: zero(), children: [] };
        node.children.push(child);
      }
      for (const kind of Object.keys(own) as TagKind[]) child.total[kind] += own[kind];
      node = child;
    }
    node.own = { ...own };
  }
  const sort = (nodes: TagNode[]) => {
    nodes.sort((a, b) => a.name.localeCompare(b.name));
    for (const node of nodes) sort(node.children);
  };
  sort(root.children);
  return root.children;
}
