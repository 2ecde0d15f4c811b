/**
 * The records of a synthetic notebook, the same on every run: N articles of ~20 KB (Zipf words,
 * see ../support/search-corpus.ts) with 10 highlights each, a claim on every 10th article, a
 * note on every 20th, tags on some, and one ~50 KB article with 1,000 highlights, the newest,
 * for the reader's painting row. Both the real store and the single-file baseline are filled
 * from this one generator, so they hold the same notebook.
 */
import { isDeepStrictEqual } from 'node:util';
import { canonicalText } from '../../src-main/common/anchoring/canonical-text';
import type { ArticleDoc } from '../../src-main/common/article-doc';
import type { Annotation, Claim, Note } from '../../src-main/common/model';
import { HIGHLIGHT_COLORS } from '../../src-main/common/highlight-colors';
import { textToDoc } from '../../src-main/common/text-to-doc';
import type { ArticleRecord } from '../../src-main/store/notebook-files';
import { buildArticle, describeHighlights } from '../support/article';
import { seededRandom, type Random } from '../support/random';
import { buildSearchArticle, buildVocabulary, type Vocabulary } from '../support/search-corpus';

export const ARTICLE_SIZE = 20_000;
export const HIGHLIGHTS_PER_ARTICLE = 10;
export const BIG_ARTICLE_HIGHLIGHTS = 1_000;
export const BIG_ARTICLE_TITLE = 'A thousand highlights (scale bench)';
const TAGS = ['region/east-asia', 'region/europe', 'topic/defence', 'topic/trade', 'topic/climate', 'method/interview', 'to-read', 'key'];
const START = Date.parse('2024-01-01T00:00:00.000Z');

/** One generated article with what hangs off it. */
export interface GeneratedArticle {
  record: ArticleRecord;
  claims: Claim[];
  notes: Note[];
}

/** Deterministic ids: `art_s00000042`, `ann_s00000042h03`, … */
const id = (prefix: string, n: number, suffix = '') => `${prefix}_s${String(n).padStart(8, '0')}${suffix}`;
const stamp = (n: number) => new Date(START + n * 60_000).toISOString();

function annotationsOn(articleId: string, text: string, n: number, count: number, random: Random): Annotation[] {
  return describeHighlights(text, count, random).map((target, h) => ({
    id: id('ann', n, `h${String(h).padStart(4, '0')}`),
    articleId,
    target,
    color: HIGHLIGHT_COLORS[h % HIGHLIGHT_COLORS.length]!,
    comment: h % 4 === 0 ? `Comment ${h} on article ${n}: worth checking against the other sources.` : '',
    tags: h % 3 === 0 ? [TAGS[(n + h) % TAGS.length]!] : [],
    createdAt: stamp(n),
    updatedAt: stamp(n),
  }));
}

/**
 * The tree `textToDoc` makes of the generated text, built directly: `textToDoc` normalizes
 * (~40 ms an article with canonicalText), minutes at 10,000 articles. The generated text is
 * already normal, which `checkedDoc` verifies on the first article of every build.
 */
function paragraphsDoc(text: string): ArticleDoc {
  return { blocks: text.split('\n\n').map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', text: paragraph }] })) };
}

function checkedDoc(text: string): ArticleDoc {
  const doc = paragraphsDoc(text);
  if (!isDeepStrictEqual(doc, textToDoc(text)) || canonicalText(doc) !== text) throw new Error('The generated text is not canonical: the scale bench must build its tree with textToDoc.');
  return doc;
}

function articleRecord(n: number, title: string, text: string, doc: ArticleDoc, annotations: (articleId: string) => Annotation[]): ArticleRecord {
  const articleId = id('art', n);
  return {
    article: {
      id: articleId,
      title,
      source: `https://example.org/scale/${n}`,
      format: 'text',
      tags: n % 5 === 0 ? [TAGS[n % TAGS.length]!, TAGS[(n + 3) % TAGS.length]!] : [],
      wordCount: text.split(/\s+/).length,
      createdAt: stamp(n),
      updatedAt: stamp(n),
      original: text,
      doc,
    },
    annotations: annotations(articleId),
  };
}

function researchOn(record: ArticleRecord, n: number): Pick<GeneratedArticle, 'claims' | 'notes'> {
  const first = record.annotations[0]!;
  const claims: Claim[] =
    n % 10 === 0
      ? [{ id: id('clm', n), statement: `Claim ${n}: ${first.target.quote.exact.slice(0, 120)}`, tags: [TAGS[n % TAGS.length]!], evidence: [{ annotationId: first.id, articleId: record.article.id }], createdAt: stamp(n), updatedAt: stamp(n) }]
      : [];
  const notes: Note[] =
    n % 20 === 0
      ? [{
          id: id('note', n),
          title: `Note on article ${n}`,
          tags: [TAGS[(n + 1) % TAGS.length]!],
          links: [{ target: { claimId: claims[0]!.id }, relation: 'supports' }],
          body: `# Reading ${n}\n\n${record.annotations.map((a) => `> ${a.target.quote.exact}`).join('\n\n')}`,
          createdAt: stamp(n),
          updatedAt: stamp(n),
        }]
      : [];
  return { claims, notes };
}

/** The articles of a notebook of `count` articles, one at a time (a 50,000-article notebook does not fit in memory at once). */
export function* generateLibrary(count: number): Generator<GeneratedArticle> {
  const random = seededRandom(20_000);
  const vocabulary = buildVocabulary(random);
  for (let n = 0; n < count; n += 1) {
    const { title, text } = buildSearchArticle(vocabulary, random, ARTICLE_SIZE);
    const doc = n === 0 ? checkedDoc(text) : paragraphsDoc(text);
    const record = articleRecord(n, title, text, doc, (articleId) => annotationsOn(articleId, text, n, HIGHLIGHTS_PER_ARTICLE, random));
    yield { record, ...researchOn(record, n) };
  }
  const big = buildArticle(50_000).text;
  const bigDoc = textToDoc(big);
  const canonical = canonicalText(bigDoc);
  const record = articleRecord(count, BIG_ARTICLE_TITLE, big, bigDoc, (articleId) => annotationsOn(articleId, canonical, count, BIG_ARTICLE_HIGHLIGHTS, random));
  yield { record, claims: [], notes: [] };
}

/** The vocabulary the articles were written with (most frequent word first), for search queries. */
export function libraryVocabulary(): Vocabulary {
  return buildVocabulary(seededRandom(20_000));
}

export const bigArticleId = (count: number): string => id('art', count);
