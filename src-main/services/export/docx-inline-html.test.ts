import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from './docx-inline-html';

describe('decodeHtmlEntities', () => {
  it.each([
    ['Keohane &amp; Nye', 'Keohane & Nye'],
    ['&lt;i&gt; &quot;x&quot; &apos;y&apos;', `<i> "x" 'y'`],
    ['&#8220;curly&#x201D;', '“curly”'],
    ['non&nbsp;breaking', 'non\u00A0breaking'],
    ['&unknown; stays', '&unknown; stays'],
    ['&#0; and &#x110000; stay', '&#0; and &#x110000; stay'],
    ['no entities', 'no entities'],
  ])('%j reads %j', (html, text) => {
    expect(decodeHtmlEntities(html)).toBe(text);
  });
});
