/**
 * The HTML pipeline: parse (jsdom, no scripts, no resource loading) → reader-mode extraction
 * (Mozilla Readability) → sanitize (DOMPurify) → article tree. The page's metadata fills the
 * article's title, byline, site, date, language and direction.
 */
import type { ArticleDoc } from '../../common/article-doc';
import { canonicalText } from '../../common/anchoring/canonical-text';
import { NotebookError } from '../../common/errors';
import { htmlToDoc } from './html-to-doc';
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
  const [{ JSDOM, VirtualConsole }, { Readability }, { default: createDOMPurify }] = await Promise.all([
    import('jsdom'),
    import('@mozilla/readability'),
    import('dompurify'),
  ]);
  // jsdom runs no script and loads no resource unless asked; the quiet console drops its CSS parse complaints.
  const dom = new JSDOM(html, { url: pageUrl ?? 'about:blank', virtualConsole: new VirtualConsole() });
  try {
    const { document } = dom.window;
    const pageLang = document.documentElement.getAttribute('lang')?.trim() || undefined;
    const pageDir = document.documentElement.getAttribute('dir') ?? document.body?.getAttribute('dir');
    const published = publishedDate(document);
    const savedFrom = pageUrl ? undefined : useCanonicalBase(document);
    // What a page shows browsers without JavaScript ("Please enable JavaScript") is not its article.
    for (const element of Array.from(document.querySelectorAll('noscript'))) element.remove();
    // Readability changes the document it reads; a copy of the body is kept for when it finds no article.
    const wholeBody = document.body?.innerHTML ?? '';

    const parsed = (() => {
      try {
        return new Readability<string>(document, { keepClasses: false }).parse();
      } catch {
        return null; // A page Readability cannot walk falls back to its whole body below.
      }
    })();
    const content: string = parsed?.content ?? wholeBody;

    const purify = createDOMPurify(dom.window);
    const body = purify.sanitize(content, {
      ALLOWED_TAGS,
      ALLOWED_ATTR: ['href', 'title', 'colspan', 'rowspan', 'start', 'dir', 'lang', 'datetime'],
      FORBID_CONTENTS,
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      RETURN_DOM: true,
    }) as unknown as HTMLElement;
    const doc = htmlToDoc(body);
    if (canonicalText(doc).trim() === '') throw new NotebookError('invalid_argument', NOT_AN_ARTICLE_MESSAGE);

    const dir = (parsed?.dir ?? pageDir)?.toLowerCase();
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
    };
  } finally {
    dom.window.close();
  }
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
