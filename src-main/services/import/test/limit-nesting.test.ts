/**
 * The page's shape read from its text: real pages pass through untouched with the counts a
 * parser would find; nesting past the limit is flattened so that the parsed tree stays within
 * it, and the words stay.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { limitNesting } from '../limit-nesting';

/** Elements and depth of what a parser makes of `html` (html and body included, as the model leaves them out). */
function parsed(html: string): { elements: number; depth: number; text: string } {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const { document } = dom.window;
  let elements = 0;
  let depth = 0;
  const todo: [Element, number][] = [[document.documentElement, 1]];
  while (todo.length > 0) {
    const [element, level] = todo.pop()!;
    elements++;
    depth = Math.max(depth, level);
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) todo.push([child, level + 1]);
  }
  const text = (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  dom.window.close();
  return { elements, depth, text };
}

const repeat = (part: string, times: number) => part.repeat(times);

describe('limitNesting', () => {
  // Tags that close themselves implicitly must not be read as nesting, or long real pages would be flattened.
  it.each([
    ['unclosed paragraphs', repeat('<p>Para ', 5_000), 1],
    ['unclosed list items', `<ul>${repeat('<li>Item ', 5_000)}</ul>`, 2],
    ['a table without end tags', `<table>${repeat('<tr><td>a<td>b<th>c', 5_000)}</table>`, 3],
    ['a definition list without end tags', `<dl>${repeat('<dt>term<dd>meaning', 5_000)}</dl>`, 2],
    ['unclosed anchors', repeat('<a name="x">y ', 5_000), 1],
    ['headings left open', repeat('<h2>Title <h3>Sub ', 2_000), 1],
    ['void elements', repeat('<br><img src="a.png"><input><hr><meta charset="utf-8"><wbr>x', 5_000), 0],
    ['self-closed foreign elements', `<svg>${repeat('<path d="M0 0"/>', 5_000)}</svg>`, 1],
    ['markup inside script, style, title and comments', `<title><div></title><script>${repeat('"<div>"', 2_000)}</script><style>${repeat('<p>', 2_000)}</style><!--${repeat('<div>', 2_000)}--><p>x</p>`, 1],
    ['a quoted ">" in an attribute', `${repeat('<div title="a > b" data-x=\'<div>\'>', 3)}text${repeat('</div>', 3)}`, 3],
  ])('reads %s as shallow and leaves the page as it is', (_name, html, depth) => {
    const shape = limitNesting(html, 64);
    expect(shape).toEqual({ html, elements: expect.any(Number), depth, flattened: 0 });
    expect(shape.html).toBe(html);
  });

  it.each([
    ['divs', (n: number) => `<body><p>Before.</p>${repeat('<div>', n)}Deep words.${repeat('</div>', n)}<p>After.</p></body>`],
    ['divs each with words', (n: number) => `<body><p>Before.</p>${repeat('<div>w ', n)}Deep words.${repeat('</div>', n)}<p>After.</p></body>`],
    ['bold', (n: number) => `<p>Before.</p>${repeat('<b>', n)}Deep words.${repeat('</b>', n)}<p>After.</p>`],
    ['lists', (n: number) => `<p>Before.</p>${repeat('<ul><li>w ', n)}Deep words.${repeat('</ul>', n)}<p>After.</p>`],
    ['quotes never closed', (n: number) => `<p>Before.</p>${repeat('<blockquote>', n)}Deep words. After.`],
  ])('flattens 20,000 nested %s to the limit and keeps every word in order', (_name, page) => {
    const html = page(20_000);
    const shape = limitNesting(html, 64);
    expect(shape.depth).toBeGreaterThanOrEqual(20_000);
    expect(shape.flattened).toBeGreaterThan(19_000);
    const tree = parsed(shape.html);
    expect(tree.depth).toBeLessThanOrEqual(64 + 3);
    // Compared as booleans and counts: a failure must not print 20,000 words.
    expect(/^Before\.\s*(w )*Deep words\.\s*After\.$/.test(tree.text)).toBe(true);
    expect(tree.text.split('w ').length - 1).toBe(html.split('w ').length - 1);
  });

  it('drops a script or style past the limit with its text, so code never becomes words', () => {
    const html = `${repeat('<div>', 70)}<script>steal("<p>")</script><style>p { color: red }</style>Words.${repeat('</div>', 70)}`;
    const shape = limitNesting(html, 64);
    expect(parsed(shape.html).text).toBe('Words.');
  });

  it('counts what a parser counts on real pages', () => {
    const corpus = resolve(import.meta.dirname, '../../../../../shared/corpus/web-pages');
    const pages = existsSync(corpus) ? readdirSync(corpus).filter((name) => existsSync(join(corpus, name, 'source.html'))) : [];
    for (const name of pages.slice(0, 8)) {
      const html = readFileSync(join(corpus, name, 'source.html'), 'utf8');
      const shape = limitNesting(html, 64);
      const tree = parsed(html);
      expect(shape.html, name).toBe(html);
      expect(Math.abs(shape.elements - tree.elements), name).toBeLessThanOrEqual(tree.elements / 100);
      // The model leaves out <html> and <body>, and tables' implied <tbody>.
      expect(shape.depth, name).toBeGreaterThanOrEqual(tree.depth - 8);
      expect(shape.depth, name).toBeLessThanOrEqual(tree.depth);
    }
  });
});
