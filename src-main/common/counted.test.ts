import { describe, expect, it } from 'vitest';
import { counted, formatCount } from './counted';

describe('formatCount', () => {
  it('groups digits as English does, for every size of count', () => {
    const samples = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10_000, 123_456, 1_000_000, 987_654_321, Number.MAX_SAFE_INTEGER, -1, -1234, -1_000_000];
    for (let n = 1; n < Number.MAX_SAFE_INTEGER / 7; n = n * 7 + 3) samples.push(n);
    for (const n of samples) expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });

  it('leaves what is not a whole count to the locale', () => {
    expect(formatCount(1234.5)).toBe('1,234.5');
  });
});

describe('counted', () => {
  it('names one thing in the singular and any other number in the plural', () => {
    expect(counted(1, 'article')).toBe('1 article');
    expect(counted(0, 'article')).toBe('0 articles');
    expect(counted(10_000, 'highlight')).toBe('10,000 highlights');
    expect(counted(2, 'match', 'matches')).toBe('2 matches');
  });
});
