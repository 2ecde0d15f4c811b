import { describe, expect, it } from 'vitest';
import { articleUrlSchema, bylineSchema, publishedDateSchema } from './article-details-schema';

const outcome = (schema: typeof bylineSchema, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : `error: ${parsed.error.issues[0]!.message}`;
};

describe('article details', () => {
  it.each([
    ['2024-07-28', '2024-07-28'],
    [' 2024-02-29 ', '2024-02-29'],
    ['', null],
    [null, null],
    ['2023-02-29', /real date/],
    ['2024-04-31', /real date/],
    ['2024-13-01', /real date/],
    ['28/07/2024', /YYYY-MM-DD/],
    ['2024-7-28', /YYYY-MM-DD/],
    [20240728, /must be text/],
  ])('published date %j → %s', (value, expected) => {
    const result = outcome(publishedDateSchema, value);
    if (expected instanceof RegExp) expect(result).toMatch(expected);
    else expect(result).toBe(expected);
  });

  it.each([
    ['https://apnews.com/article/x?y=1#z', true],
    ['HTTP://example.org', true],
    ['  http://example.org/a  ', true],
    ['', true],
    ['example.org/story', false],
    ['ftp://example.org/file', false],
    ['javascript:alert(1)', false],
    ['https://', false],
    ['https://exa mple.org', false],
    ['https://user@evil.example', false],
  ])('URL %j accepted: %s', (value, accepted) => {
    expect(articleUrlSchema.safeParse(value).success).toBe(accepted);
  });

  it('collapses whitespace in authors, and clears them when blank', () => {
    expect(outcome(bylineSchema, '  Mari   Yamaguchi \n')).toBe('Mari Yamaguchi');
    expect(outcome(bylineSchema, '   ')).toBeNull();
    expect(outcome(bylineSchema, 'x'.repeat(501))).toMatch(/authors is longer than 500/);
  });
});
