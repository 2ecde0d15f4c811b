import { describe, expect, it } from 'vitest';
import { renameInList, renamedTag, tagMatches } from './tags';

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
