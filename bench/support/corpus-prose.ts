/**
 * Real prose for anchoring tests and benches: the sample article's canonical text, and the
 * paragraphs of the shared web-page corpus (when it is checked out beside the repository).
 * Corpus pages go through jsdom only to get at their words; this is test prose, not import.
 * It lives in bench/ because the anchoring tests share it and src-main/common must type-check
 * without Node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { canonicalText } from '../../src-main/common/anchoring/canonical-text';
import { textToDoc } from '../../src-main/common/text-to-doc';

/** The few members of jsdom's API used here (jsdom ships no type declarations). */
interface Element {
  textContent: string | null;
  parentElement: Element | null;
  closest(selector: string): Element | null;
  remove(): void;
}
interface JsdomModule {
  JSDOM: new (html: string, options: { virtualConsole: unknown }) => {
    window: { document: { querySelectorAll(selector: string): Iterable<Element> } };
  };
  VirtualConsole: new () => unknown;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const requireCjs = createRequire(import.meta.url);

/** Where the shared corpus of saved web pages lives. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/web-pages/', import.meta.url));

/** The sample article (resources/sample/japan-us-2plus2.txt) as canonical text. */
export function seedText(): string {
  return canonicalText(textToDoc(readFileSync(`${repoRoot}resources/sample/japan-us-2plus2.txt`, 'utf8')));
}

/** Whether a corpus page is present, so a test can skip with a reason when it is not. */
export function hasCorpusPage(name: string): boolean {
  return existsSync(`${CORPUS_DIR}${name}/source.html`);
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre';
const cache = new Map<string, string[]>();

/**
 * The paragraphs of a corpus page: text of paragraph-like elements (outermost only), white
 * space collapsed, fragments under `minLength` characters (bylines, buttons) left out.
 */
export function corpusParagraphs(name: string, minLength = 40): string[] {
  const key = `${name}:${minLength}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { JSDOM, VirtualConsole } = requireCjs('jsdom') as JsdomModule;
  // A silent console: saved pages carry CSS jsdom cannot parse, which is no concern here.
  const html = readFileSync(`${CORPUS_DIR}${name}/source.html`, 'utf8');
  const { document } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
  for (const element of document.querySelectorAll('script, style, noscript, template, nav, footer')) element.remove();
  const paragraphs = [...document.querySelectorAll(BLOCKS)]
    // A block inside another block (a paragraph in a list item) is read with its outermost one.
    .filter((element) => element.parentElement?.closest(BLOCKS) == null)
    .map((element) => (element.textContent ?? '').replace(/[\t\n\f\r ]+/g, ' ').trim())
    .filter((paragraph) => paragraph.length >= minLength);
  cache.set(key, paragraphs);
  return paragraphs;
}

/** A corpus page as canonical-style text: its paragraphs joined by a blank line. */
export function corpusText(name: string): string {
  return corpusParagraphs(name).join('\n\n');
}
