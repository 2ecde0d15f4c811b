import { describe, expect, it } from 'vitest';
import { renameInList, renamedTag, tagMatches, tagTree } from './tags';

describe('hierarchical tags', () => {
  it.each([
    ['region/east-asia', 'region', true],
    ['region', 'region', true],
    ['regional', 'region', false],
    ['east-asia', 'region', false],
  ])('%s under %s: %s', (tag, filter, expected) => {
    expect(tagMatches(tag, filter)).toBe(expected);
  });

  it('renames a tag and everything under it, and leaves look-alikes', () => {
    expect(renamedTag('region/east-asia', 'region', 'area')).toBe('area/east-asia');
    expect(renamedTag('regional', 'region', 'area')).toBe('regional');
    expect(renameInList(['region', 'region/east-asia', 'other'], 'region', 'area')).toEqual(['area', 'area/east-asia', 'other']);
    expect(renameInList(['a', 'b'], 'a', 'b')).toEqual(['b']);
    expect(renameInList(['other'], 'region', 'area')).toBeNull();
  });
});

describe('tagTree', () => {
  const c = (article: number, annotation: number, claim: number, note: number) => ({ article, annotation, claim, note });

  it('nests tags by "/", implies parents and sums the counts below each node', () => {
    const tree = tagTree([
      { tag: 'region/east-asia', counts: c(1, 2, 0, 0) },
      { tag: 'region', counts: c(0, 0, 1, 0) },
      { tag: 'region/europe/nordic', counts: c(0, 1, 0, 1) },
      { tag: 'alliance', counts: c(2, 0, 0, 0) },
    ]);
    expect(tree.map((n) => n.path)).toEqual(['alliance', 'region']);
    const region = tree[1]!;
    expect(region.own).toEqual(c(0, 0, 1, 0));
    expect(region.total).toEqual(c(1, 3, 1, 1));
    expect(region.children.map((n) => n.path)).toEqual(['region/east-asia', 'region/europe']);
    const europe = region.children[1]!;
    expect(europe.own).toEqual(c(0, 0, 0, 0));
    expect(europe.children[0]).toMatchObject({ name: 'nordic', path: 'region/europe/nordic', total: c(0, 1, 0, 1) });
  });
});
