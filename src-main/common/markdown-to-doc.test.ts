import { describe, expect, it } from 'vitest';
import { canonicalText } from './anchoring/canonical-text';
import { docToHtml } from './doc-to-html';
import { markdownToDoc } from './markdown-to-doc';

describe('markdownToDoc', () => {
  it('keeps structure: headings, emphasis, lists, quotes, code and tables', () => {
    const doc = markdownToDoc(
      [
        '# Alliance talks',
        '',
        'The *command* upgrade is **significant**.',
        '',
        '- first point',
        '- second point',
        '',
        '3. third',
        '',
        '> a quote',
        '',
        '```',
        'const  x = 1;',
        '```',
        '',
        '| Minister | Country |',
        '| --- | --- |',
        '| Kamikawa | Japan |',
      ].join('\n'),
    );
    expect(doc.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote', 'preformatted', 'table']);
    expect(doc.blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'The ' },
        { type: 'emphasis', children: [{ type: 'text', text: 'command' }] },
        { type: 'text', text: ' upgrade is ' },
        { type: 'strong', children: [{ type: 'text', text: 'significant' }] },
        { type: 'text', text: '.' },
      ],
    });
    expect(doc.blocks[3]).toMatchObject({ type: 'list', ordered: true, start: 3 });
    expect(canonicalText(doc)).toBe(
      'Alliance talks\n\nThe command upgrade is significant.\n\nfirst point\n\nsecond point\n\nthird\n\na quote\n\nconst  x = 1;\n\nMinister\n\nCountry\n\nKamikawa\n\nJapan',
    );
  });

  it.each([
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['<img src=x onerror="alert(1)">', '<img src=x onerror="alert(1)">'],
    ['Click <a href="javascript:alert(1)">me</a>', 'Click <a href="javascript:alert(1)">me</a>'],
  ])('keeps raw HTML as visible text: %s', (source, text) => {
    const doc = markdownToDoc(source);
    expect(canonicalText(doc)).toBe(text);
    expect(docToHtml(doc)).not.toMatch(/<(script|img|a)\b/);
  });

  it('keeps the words of a link with a URL it does not allow and drops the URL', () => {
    const doc = markdownToDoc('[get it](ftp://example.org/f) and [docs](https://example.org/a)');
    expect(canonicalText(doc)).toBe('get it and docs');
    expect(docToHtml(doc)).toBe('<p>get it and <a href="https://example.org/a" rel="noreferrer noopener">docs</a></p>');
  });

  it('never makes a javascript: link', () => {
    const doc = markdownToDoc('[press here](javascript:alert(1))');
    expect(docToHtml(doc)).not.toMatch(/href/);
  });

  it('turns a hard line break into a break and a soft one into a space', () => {
    expect(canonicalText(markdownToDoc('one  \ntwo\nthree'))).toBe('one\ntwo three');
  });
});
