/**
 * The candidates the search bench compares, behind one small interface: Marginalia's own
 * index (src-main/services/search), MiniSearch and FlexSearch tuned for this use (no stored
 * fields, title and text only), and a plain scan of every article's text as the baseline.
 * Phrase queries on the libraries ask for the words and keep candidates whose text has the
 * phrase, as the app does with its own index.
 */
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { parseQuery } from '../../src-main/services/search/parse-query';
import { runQuery } from '../../src-main/services/search/run-query';
import { SearchIndex } from '../../src-main/services/search/search-index';
import type { DocMeta } from '../../src-main/services/search/search-docs';

export interface BenchArticle {
  id: string;
  title: string;
  text: string;
}

export interface Engine {
  name: string;
  build(articles: readonly BenchArticle[]): void;
  /** Ids of the best matches (at most 20). */
  query(query: string): Promise<string[]>;
  /** Replaces one article with new text. */
  update(article: BenchArticle): void;
  serializedBytes(): Promise<number>;
  /** Reads the saved form back, as opening a notebook does; answers the time in ms. */
  reload?(): number;
  /** Takes a snapshot to save (the part of a save that holds up the process); answers ms. */
  snapshot?(): number;
}

const LIMIT = 20;
const phraseOf = (query: string) => /^"(.*)"$/.exec(query)?.[1];

/** Keeps ids whose text holds the phrase (case-insensitive), at most LIMIT. */
function verifyPhrase(ids: string[], query: string, texts: Map<string, string>): string[] {
  const phrase = phraseOf(query);
  if (!phrase) return ids.slice(0, LIMIT);
  const needle = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'i');
  return ids.filter((id) => needle.test(texts.get(id) ?? '')).slice(0, LIMIT);
}

const articleMeta = (article: BenchArticle): DocMeta => ({ kind: 'article', id: article.id, title: article.title, tags: [], updatedAt: '', annotationIds: [] });

export function ownIndex(): Engine {
  let index = new SearchIndex();
  const texts = new Map<string, string>();
  return {
    name: 'Marginalia index',
    build(articles) {
      index = new SearchIndex();
      for (const article of articles) {
        index.put(articleMeta(article), article.text);
        texts.set(article.id, article.text);
      }
    },
    async query(query) {
      const results = await runQuery(index, parseQuery(query), {}, async (id) => texts.get(id) ?? null);
      return results.map((r) => r.id);
    },
    update(article) {
      index.put(articleMeta(article), article.text);
      texts.set(article.id, article.text);
    },
    serializedBytes: async () => index.serialize({}).byteLength,
    snapshot() {
      const started = performance.now();
      index.snapshot({});
      return performance.now() - started;
    },
    reload() {
      const bytes = index.serialize({});
      const started = performance.now();
      index = SearchIndex.deserialize(bytes).index;
      return performance.now() - started;
    },
  };
}

export function miniSearch(): Engine {
  const texts = new Map<string, string>();
  let mini = new MiniSearch<BenchArticle>({ fields: ['title', 'text'], storeFields: [] });
  return {
    name: 'MiniSearch (no stored fields)',
    build(articles) {
      mini = new MiniSearch<BenchArticle>({ fields: ['title', 'text'], storeFields: [], searchOptions: { boost: { title: 3 } } });
      for (const article of articles) {
        mini.add(article);
        texts.set(article.id, article.text);
      }
    },
    async query(query) {
      const words = phraseOf(query) ?? query;
      const ids = mini.search(words, { prefix: !phraseOf(query), combineWith: 'AND' }).map((r) => String(r.id));
      return verifyPhrase(ids, query, texts);
    },
    update(article) {
      mini.discard(article.id);
      mini.add(article);
      texts.set(article.id, article.text);
    },
    serializedBytes: async () => JSON.stringify(mini).length,
  };
}

type FlexDocument = InstanceType<typeof FlexSearch.Document>;
const asDocument = (a: BenchArticle): Record<string, string> => ({ id: a.id, title: a.title, text: a.text });

export function flexSearch(): Engine {
  const texts = new Map<string, string>();
  const create = () =>
    new FlexSearch.Document({
      document: { id: 'id', index: ['title', 'text'] },
      tokenize: 'strict',
      cache: false,
    }) as FlexDocument;
  let flex = create();
  return {
    name: 'FlexSearch (strict, no store)',
    build(articles) {
      flex = create();
      for (const article of articles) {
        flex.add(asDocument(article));
        texts.set(article.id, article.text);
      }
    },
    async query(query) {
      const words = phraseOf(query) ?? query;
      const fields = (await flex.search(words, { limit: 200 })) as unknown as { result: (string | number)[] }[];
      const ids = [...new Set(fields.flatMap((f) => f.result.map(String)))];
      return verifyPhrase(ids, query, texts);
    },
    update(article) {
      flex.update(asDocument(article));
      texts.set(article.id, article.text);
    },
    async serializedBytes() {
      let bytes = 0;
      await flex.export((_key: string, data: unknown) => {
        bytes += typeof data === 'string' ? data.length : JSON.stringify(data ?? '').length;
      });
      return bytes;
    },
  };
}

/** Every article's text tested with a case-insensitive expression: no index at all. */
export function plainScan(): Engine {
  let articles: readonly BenchArticle[] = [];
  return {
    name: 'plain scan (baseline)',
    build(all) {
      articles = all;
    },
    async query(query) {
      const words = (phraseOf(query) ?? query).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const needle = new RegExp(phraseOf(query) ? `\\b${words.replace(/ /g, '\\s+')}\\b` : `\\b${words}`, 'i');
      const ids: string[] = [];
      for (const article of articles) if (needle.test(article.title) || needle.test(article.text)) ids.push(article.id);
      return ids.slice(0, LIMIT);
    },
    update() {},
    serializedBytes: async () => 0,
  };
}
