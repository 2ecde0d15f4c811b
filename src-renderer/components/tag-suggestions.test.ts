import { describe, expect, it } from 'vitest';
import { tagSuggestions } from './tag-suggestions';

describe('tag suggestions', () => {
  const known = ['region/east-asia', 'region/europe', 'security', 'east-timor'];

  it('offers parents too, those starting with what was typed first, never a chosen tag', () => {
    expect(tagSuggestions(known, 'reg', [])).toEqual(['region', 'region/east-asia', 'region/europe']);
    expect(tagSuggestions(known, 'east', [])).toEqual(['east-timor', 'region/east-asia']);
    expect(tagSuggestions(known, 'EAST', ['east-timor'])).toEqual(['region/east-asia']);
    expect(tagSuggestions(known, 'zzz', [])).toEqual([]);
  });

  it('shows everything (alphabetically, up to the limit) before anything is typed', () => {
    expect(tagSuggestions(known, '', [], 3)).toEqual(['east-timor', 'region', 'region/east-asia']);
  });
});
