/**
 * The library must stay smooth with 10,000 articles: choosing what to show (filter and sort)
 * and rendering the list. The list is virtualized, so rendering 10,000 should cost about
 * what 100 do; the 100-article runs are the baseline in the same run. `npm run bench`.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { bench, describe } from 'vitest';
import type { ArticleListing } from '../src-main/common/model';
import { ArticleList } from '../src-renderer/features/library/ArticleList';
import { viewArticles } from '../src-main/common/library-view';
import { initialLibraryView, type LibraryView } from '../src-renderer/state/library-view-store';
import { seededRandom } from './support/random';

const WORDS = ['alliance', 'treaty', 'missile', 'command', 'budget', 'talks', 'region', 'defense', 'trade', 'summit', 'report', 'analysis'];
const SOURCES = ['Associated Press', 'Reuters', 'Nikkei Asia', 'Kyodo', 'The Diplomat', 'Pasted text', 'My notes'];

function library(count: number): ArticleListing[] {
  const random = seededRandom(count);
  return Array.from({ length: count }, (_, index) => {
    const day = random.int(1, 28);
    return {
      id: `art_${index.toString(36).padStart(8, '0')}`,
      title: Array.from({ length: random.int(3, 9) }, () => random.pick(WORDS)).join(' '),
      source: random.pick(SOURCES),
      ...(random.int(0, 3) > 0 ? { publishedAt: `20${random.int(10, 24)}-0${random.int(1, 9)}-${String(day).padStart(2, '0')}` } : {}),
      ...(random.int(0, 2) === 0 ? { openedAt: '2024-08-01T10:00:00.000Z' } : {}),
      format: 'text' as const,
      tags: random.int(0, 4) === 0 ? ['region/east-asia'] : [],
      wordCount: random.int(200, 5000),
      createdAt: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString(),
      updatedAt: '2024-08-01T10:00:00.000Z',
      annotationCount: random.int(0, 3) === 0 ? random.int(1, 40) : 0,
    };
  });
}

const small = library(100);
const large = library(10_000);
const byTitle: LibraryView = { ...initialLibraryView, sort: 'title', descending: false };
const filtered: LibraryView = { ...initialLibraryView, sort: 'published', unread: true, annotated: true };

for (const [label, articles] of [
  ['100 articles (baseline)', small],
  ['10,000 articles', large],
] as const) {
  describe(`library list: ${label}`, () => {
    bench('sort by title', () => {
      viewArticles(articles, byTitle, null);
    });
    bench('filter unread + has highlights + tag, sort by date published', () => {
      viewArticles(articles, filtered, 'region');
    });
    bench('render the list (virtualized, React to markup)', () => {
      renderToStaticMarkup(createElement(ArticleList, { articles, openId: null }));
    });
  });
}
