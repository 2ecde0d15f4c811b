/** The field-by-field merge of an edit refused as stale, as a table. */
import { describe, expect, it } from 'vitest';
import { bothTexts, mergeFields } from './field-merge';

const base = { title: 'Why', body: 'First words', tags: ['a'], byline: undefined as string | undefined };

describe('merging an edit with the version another window saved', () => {
  it.each([
    ['only mine changed a field: it is sent again', { body: 'Mine' }, { ...base }, { send: { body: 'Mine' }, conflicts: [] }],
    ['only theirs changed it: nothing to send', { body: 'First words' }, { ...base, body: 'Theirs' }, { send: {}, conflicts: [] }],
    ['each changed a different field: mine is sent, theirs kept', { body: 'Mine', title: 'Why' }, { ...base, title: 'Why not' }, { send: { body: 'Mine' }, conflicts: [] }],
    ['both changed it the same way: nothing to send', { body: 'Same' }, { ...base, body: 'Same' }, { send: {}, conflicts: [] }],
    ['both changed it differently: a conflict', { body: 'Mine' }, { ...base, body: 'Theirs' }, { send: {}, conflicts: ['body'] }],
    ['tags are compared as lists', { tags: ['a', 'b'] }, { ...base, tags: ['a', 'c'] }, { send: {}, conflicts: ['tags'] }],
    ['an empty detail is the same as an absent one', { byline: '' }, { ...base }, { send: {}, conflicts: [] }],
  ])('%s', (_case, mine, theirs, expected) => {
    expect(mergeFields(base, theirs, mine)).toEqual(expected);
  });

  it('keeps both texts, mine first, a blank line apart', () => {
    expect(bothTexts('Mine\n', '\nTheirs')).toBe('Mine\n\nTheirs');
  });
});
