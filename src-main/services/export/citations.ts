/**
 * Citations formatted by Citation.js, which runs citeproc-js (the engine Zotero uses), in one
 * of four CSL styles bundled with the app (resources/csl, never fetched). An article's
 * metadata becomes a CSL-JSON item; what is missing is left out, so the style degrades as it
 * says ("n.d.", a title in the author's place) instead of printing "undefined".
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { cslStyle } from './csl-styles';
import type { ArticleMeta } from '../../common/model';
import type { CitationStyle, FormattedCitation } from './report';

// Registered under names of our own: the plugin has a built-in `apa` (6th edition) and `harvard1`.
const TEMPLATES: Record<CitationStyle, { name: string; file: string }> = {
  apa: { name: 'marginalia-apa-7', file: 'apa.csl' },
  chicago: { name: 'marginalia-chicago-author-date', file: 'chicago-author-date.csl' },
  mla: { name: 'marginalia-mla-9', file: 'modern-language-association.csl' },
  harvard: { name: 'marginalia-harvard-cite-them-right', file: 'harvard-cite-them-right.csl' },
};

/** The style's template name, registered with the CSL plugin on its first use. */
function templateOf(style: CitationStyle): string {
  const { name, file } = TEMPLATES[style];
  const csl = plugins.config.get('@csl');
  if (!csl.styles.has(name)) csl.styles.add(name, cslStyle(file));
  return name;
}

/**
 * What a citation is made from: an article's metadata (`publishedAt` is YYYY-MM-DD; `createdAt`,
 * when it entered the notebook, is the date a web page was accessed).
 */
export type CitableArticle = Pick<ArticleMeta, 'id' | 'title' | 'byline' | 'siteName' | 'url' | 'publishedAt' | 'createdAt'>;

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'webpage' | 'document';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  'container-title'?: string;
  URL?: string;
}

/**
 * The people in a byline as CSL names: "By Jane Doe and John Smith", "Doe, Jane; Smith, John",
 * "Robert O. Keohane, Joseph S. Nye". A single word ("Reuters") is kept whole as an
 * organisation, never split into a given and a family name.
 */
export function namesOf(byline: string | undefined): CslName[] {
  const text = (byline ?? '').replace(/^\s*by\s+/i, '').trim();
  if (text === '') return [];
  return text
    .split(/\s*;\s*|\s+and\s+|\s*&\s*/i)
    .flatMap((part) => (FAMILY_FIRST.test(part) ? [part] : part.split(/\s*,\s*/)))
    .filter((name) => name !== '')
    .map(personOf);
}

/** "Doe, Jane" or "Keohane, Robert O.": one person, family name first (a one-word family name, then the rest). */
const FAMILY_FIRST = /^[^,\s]+,\s*[^,]+$/;

function personOf(name: string): CslName {
  const comma = name.indexOf(',');
  if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  const words = name.split(/\s+/);
  if (words.length === 1) return { literal: name };
  return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}

function dateParts(date: string): number[][] | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!match) return undefined;
  return [match.slice(1).filter((part): part is string => part !== undefined).map(Number)];
}

/** The CSL-JSON item of an article (also what the CSL-JSON bibliography export holds). */
export function cslItem(article: CitableArticle): CslItem {
  const item: CslItem = { id: article.id, type: article.url ? 'webpage' : 'document', title: article.title };
  const author = namesOf(article.byline);
  if (author.length > 0) item.author = author;
  const issued = article.publishedAt ? dateParts(article.publishedAt) : undefined;
  if (issued) item.issued = { 'date-parts': issued };
  if (article.siteName?.trim()) item['container-title'] = article.siteName.trim();
  if (article.url) {
    item.URL = article.url;
    const accessed = dateParts(article.createdAt);
    if (accessed) item.accessed = { 'date-parts': accessed };
  }
  return item;
}

/** A locator no article has, swapped for the paragraph number after formatting. */
const PINPOINT = '987654321';

export interface SourceCitation extends FormattedCitation {
  /** The in-text citation (HTML) pointing at paragraph `paragraph` (its 1-based number). */
  at(paragraph: number): string;
}

const entryHtml = (html: string) => /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1]?.trim() ?? '';

/** One article's citation in `style`: in text, with a pinpoint, and its bibliography entry. */
export function citeArticle(article: CitableArticle, style: CitationStyle): SourceCitation {
  const template = templateOf(style);
  const cite = new Cite([cslItem(article)]);
  const options = { template, lang: 'en-US' };
  const inText = cite.format('citation', { ...options, format: 'html' }).trim();
  const pinpointed = cite.format('citation', { ...options, format: 'html', entry: [{ id: article.id, locator: PINPOINT, label: 'paragraph' }] }).trim();
  return {
    inText,
    text: cite.format('bibliography', { ...options, format: 'text' }).trim(),
    html: entryHtml(cite.format('bibliography', { ...options, format: 'html' })),
    at: (paragraph) => pinpointed.replace(PINPOINT, String(paragraph)),
  };
}

// The four styles list their bibliography alphabetically by its first element (author, else
// title); sorting the formatted entries orders them as citeproc would, without handing
// citeproc thousands of items at once (~2 s per 1,000 here).
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Bibliography entries in the style's order. */
export function sortBibliography(entries: readonly FormattedCitation[]): FormattedCitation[] {
  return [...entries].sort((a, b) => collator.compare(a.text.replace(/^[“"‘']/, ''), b.text.replace(/^[“"‘']/, '')));
}

export type BibliographyFormat = 'bibtex' | 'ris' | 'csl-json';

/** The articles' bibliography as BibTeX, RIS or CSL-JSON, by Citation.js's own output plugins. */
export function bibliographyFile(articles: readonly CitableArticle[], format: BibliographyFormat): string {
  const items = articles.map(cslItem);
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  return new Cite(items).format(format, { format: 'text' });
}
