import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { citationHtmlToMarkdown, decodeEntities } from './markdown-citation';

describe('citationHtmlToMarkdown', () => {
  it.each([
    ['(Keohane &amp; Nye, 1977)', '(Keohane & Nye, 1977)'],
    ['(<i>Alliances &amp; “entrapment”</i>, n.d.)', '(*Alliances & “entrapment”*, n.d.)'],
    ['<i>Title </i>(2020)', '*Title* (2020)'],
    ['<b>Bold</b> and <span style="font-variant:small-caps;">caps</span>', '**Bold** and caps'],
    ['<i>a</i><i>b</i>', '*ab*'],
    ['(Star *Wars*, 1977)', '(Star \\*Wars\\*, 1977)'],
    ['&#60;1&#62; &#x26; &nbsp;&bogus;', '\\<1> & \u00a0\\&bogus;'],
  ])('%s → %s', (html, markdown) => {
    expect(citationHtmlToMarkdown(html)).toBe(markdown);
  });

  it('renders to the same words the HTML shows', () => {
    const html = '(<i>Alliances &amp; “entrapment”</i>, <b>n.d.</b>, para. 2)';
    const rendered = new MarkdownIt().renderInline(citationHtmlToMarkdown(html));
    expect(rendered).toBe('(<em>Alliances &amp; “entrapment”</em>, <strong>n.d.</strong>, para. 2)');
  });
});

describe('decodeEntities', () => {
  it('decodes what citeproc writes and leaves the unknown alone', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&apos;&#38;&#x3C;&unknown;&#0;')).toBe('&<>"\'&<&unknown;\ufffd');
  });
});
