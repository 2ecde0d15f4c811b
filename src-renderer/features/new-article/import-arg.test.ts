import { describe, expect, it } from 'vitest';
import { importArgFrom } from './import-arg';

describe('importArgFrom', () => {
  it.each([
    [{ title: '', format: 'text', content: 'Body', source: '' }, { format: 'text', content: 'Body' }],
    [{ title: '   ', format: 'markdown', content: '# Body', source: '  ' }, { format: 'markdown', content: '# Body' }],
    [
      { title: ' A title ', format: 'text', content: '  Body kept as pasted \n', source: ' https://example.com ' },
      { format: 'text', content: '  Body kept as pasted \n', title: 'A title', source: 'https://example.com' },
    ],
  ] as const)('omits blank optional fields: %o', (draft, expected) => {
    expect(importArgFrom(draft)).toEqual(expected);
  });
});
