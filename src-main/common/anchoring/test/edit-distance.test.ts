import { describe, expect, it } from 'vitest';
import { editDistance, leadingEditDistance } from '../edit-distance';

describe('editDistance', () => {
  it.each<[string, string, number, number]>([
    ['kitten', 'sitting', 10, 3],
    ['', 'abc', 5, 3],
    ['abc', '', 5, 3],
    ['same', 'same', 0, 0],
    ['flaw', 'lawn', 2, 2],
    ['the East Asian', 'the nearby East Asian', 7, 7],
    ['the East Asian', 'the nearby East Asian', 6, Infinity],
    ['abcdef', 'azcdxf', 1, Infinity],
    ['طوكيو', 'طوكيوا', 1, 1],
  ])('%j → %j within %i is %d', (a, b, limit, expected) => {
    expect(editDistance(a, b, limit)).toBe(expected);
  });

  it('agrees with the unbounded distance whenever that is within the limit', () => {
    const words = ['command', 'commander', 'comment', 'control', 'countryside', 'country', 'c', ''];
    for (const a of words) for (const b of words) {
      const exact = editDistance(a, b, 100);
      for (const limit of [0, 1, 2, 3, 5]) expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : Infinity);
    }
  });
});

describe('leadingEditDistance', () => {
  it.each<[string, string, number]>([
    ['abc', 'abcdef', 0],
    ['abc', 'xabc', 1],
    ['abc', 'ab', 1],
    ['the command', 'the new command and', 4],
    ['abc', '', 3],
    ['', 'abc', 0],
  ])('%j at the start of %j costs %i', (pattern, text, expected) => {
    expect(leadingEditDistance(pattern, text)).toBe(expected);
  });
});
