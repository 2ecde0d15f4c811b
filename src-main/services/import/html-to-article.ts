/**
 * The HTML pipeline: measure and flatten (limit-nesting.ts) → parse (jsdom, no scripts, no
 * resource loading) → reader-mode extraction (Mozilla Readability) → sanitize (DOMPurify) →
 * article tree. The page's metadata fills the article's title, byline, site, date, language
 * and direction.
 *
 * Every step but Readability takes time in proportion to the page once its nesting is
 * bounded; Readability does not, so it runs only on pages the size of articles
 * (PAGE_LIMITS), and a larger page is kept whole, with a notice saying so.
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { ArticleDoc } from '../../common/article-doc';
import { canonicalText } from '../../common/anchoring/canonical-text';
import { NotebookError } from '../../common/errors';
import { counted, PAGE_LIMITS, tooComplexMessage } from './import-budget';
import { htmlToDoc } from './html-to-doc';
import { limitNesting, type PageShape } from './limit-nesting';
import { publishedDate } from './published-date';

export interface ExtractedArticle {
  title?: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** For a saved page (no address given), the address it names as its own (canonical link or og:url). */
  url?: string;
  /** The sanitized article HTML: inert, with no script, handler, remote resource or unsafe link. */
  html: string;
  doc: ArticleDoc;
  /** How this page was read differently from an article, in words (reader mode skipped, nesting flattened). */
  notice?: string;
}

export const NOT_AN_ARTICLE_MESSAGE = 'This page is not an article: it has no readable text.';

/** What survives sanitizing: structure and text. Images, media, forms and embeds never do. */
const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details',
  'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'i', 'kbd', 'li', 'main', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strike', 'strong',
  'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var',
];
/** Removed with everything inside them (their text is not part of the article). */
const FORBID_CONTENTS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'applet', 'form', 'button', 'select',
  'textarea', 'input', 'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'map', 'head', 'title', 'link', 'meta',
];

export async function htmlToArticle(html: string, pageUrl?: string): Promise<ExtractedArticle> {
  const shape = limitNesting(html, PAGE_LIMITS.depth);
  if (shape.elements > PAGE_LIMITS.elements) {
    throw new NotebookError('invalid_argument', tooComplexMessage('html', `it has ${counted(shape.elements)} elements, and Marginalia reads pages of up to ${counted(PAGE_LIMITS.elements)}`));
  }
  try {
    return await extract(shape, pageUrl);
  } catch (error) {
    // Only a page the nesting model misjudged gets this far with a tree too deep for jsdom's recursion.
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw new NotebookError('invalid_argument', tooComplexMessage('html', 'its elements are nested too deeply to read'));
    throw error;
  }
}

async function extract(shape: PageShape, pageUrl: string | undefined): Promise<ExtractedArticle> {
  const [{ JSDOM, VirtualConsole }, { Readability }, { default: createDOMPurify }] = await Promise.all([
    import('jsdom'),
    import('@mozilla/readability'),
    import('dompurify'),
  ]);
  // jsdom runs no script and loads no resource unless asked; the quiet console drops its CSS parse complaints.
  const dom = new JSDOM(shape.html, { url: pageUrl ?? 'about:blank', virtualConsole: new VirtualConsole() });
  try {
    const { document } = dom.window;
    const pageLang = document.documentElement.getAttribute('lang')?.trim() || undefined;
    const pageDir = document.documentElement.getAttribute('dir') ?? document.body?.getAttribute('dir');
    const published = publishedDate(document);
    const savedFrom = pageUrl ? undefined : useCanonicalBase(document);
    // What a page shows browsers without JavaScript ("Please enable JavaScript") is not its article.
    for (const element of Array.from(document.querySelectorAll('noscript'))) element.remove();

    const skipReader = readerSkipped(shape);
    // Readability changes the document it reads; a copy of the body is kept for when it finds no article.
    const wholeBody = skipReader ? undefined : (document.body?.innerHTML ?? '');
    const parsed = skipReader ? null : readerMode(document, Readability);

    const purify = createDOMPurify(dom.window);
    const sanitize = (dirty: string | Element, inPlace: boolean) =>
      purify.sanitize(dirty, {
        ALLOWED_TAGS,
        ALLOWED_ATTR: ['href', 'title', 'colspan', 'rowspan', 'start', 'dir', 'lang', 'datetime'],
        FORBID_CONTENTS,
        ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
        ALLOW_DATA_ATTR: false,
        ALLOW_ARIA_ATTR: false,
        ...(inPlace ? { IN_PLACE: true } : { RETURN_DOM: true }),
      }) as unknown as HTMLElement;
    // Reader mode's article is HTML text; a page kept whole is sanitized where it stands, without
    // being written out and parsed again (for a 100,000-element page that is a second DOM: ~40% of
    // the import's memory, see bench/import-scale.bench.ts).
    const content = parsed?.content ?? wholeBody;
    const body = content === undefined ? sanitize(mainContent(document), true) : sanitize(content, false);
    const doc = htmlToDoc(body);
    if (canonicalText(doc).trim() === '') throw new NotebookError('invalid_argument', NOT_AN_ARTICLE_MESSAGE);

    const dir = (parsed?.dir ?? pageDir)?.toLowerCase();
    const notice = [skipReader, shape.flattened > 0 ? `Elements nested more than ${PAGE_LIMITS.depth} deep were flattened; their words are kept.` : undefined].filter(Boolean).join(' ');
    return {
      title: clean(parsed?.title) ?? clean(document.title),
      byline: clean(parsed?.byline),
      siteName: clean(parsed?.siteName),
      publishedAt: publishedDate(parsed?.publishedTime) ?? published,
      lang: clean(parsed?.lang) ?? pageLang,
      dir: dir === 'rtl' || dir === 'ltr' ? dir : undefined,
      // Kept as the article's address: annotations made on the page online (W3C, Hypothesis) find it by it.
      url: savedFrom,
      html: body.innerHTML,
      doc,
      ...(notice ? { notice } : {}),
    };
  } finally {
    dom.window.close();
  }
}

/** Why reader mode is not run on this page, as the notice says it, or undefined when it is. */
function readerSkipped({ elements, depth }: PageShape): string | undefined {
  const why =
    elements > PAGE_LIMITS.readerElements
      ? `it has ${counted(elements)} elements, and reader mode reads pages of up to ${counted(PAGE_LIMITS.readerElements)}`
      : depth > PAGE_LIMITS.readerDepth
        ? `its elements nest ${counted(depth)} deep, and reader mode reads pages nested up to ${PAGE_LIMITS.readerDepth} deep`
        : undefined;
  return why && `The page was kept as it is, without reader mode: ${why}.`;
}

/** Readability's article, or null when it finds none; it changes the document it reads. */
function readerMode(document: Document, Readability: typeof ReadabilityClass) {
  try {
    return new Readability<string>(document, { keepClasses: false }).parse();
  } catch {
    return null; // A page Readability cannot walk falls back to its whole body.
  }
}

/**
 * Without reader mode, the page's one <main> (or one <article>) when it marks its content that
 * way, else its whole body, moved into a <div> (sanitizing in place needs a root it allows).
 * Its links are made absolute, as reader mode makes them, so that they survive as links.
 */
function mainContent(document: Document): Element {
  const marked = ['main', 'article'].map((selector) => document.querySelectorAll(selector)).find((found) => found.length === 1);
  const root = marked?.[0] ?? wrapBody(document);
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) link.setAttribute('href', link.href);
  return root;
}

function wrapBody(document: Document): Element {
  const root = document.createElement('div');
  const body = document.body ?? document.documentElement;
  while (body.firstChild) root.appendChild(body.firstChild);
  body.appendChild(root);
  return root;
}

/**
 * A saved page's relative links are relative to where it was published: its canonical address
 * (or og:url) becomes the base they resolve against, so they survive as absolute links. That
 * address is the page's own, and is returned to be kept as the article's.
 */
function useCanonicalBase(document: Document): string | undefined {
  const canonical =
    document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url" i][content]')?.getAttribute('content');
  const address = canonical?.trim();
  if (!address || !/^https?:\/\/\S+$/i.test(address) || address.length > 2000) return undefined;
  if (!document.querySelector('base[href]')) {
    const base = document.createElement('base');
    base.setAttribute('href', address);
    document.head?.prepend(base);
  }
  return address;
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
