import { describe, expect, it } from 'vitest';
import type { ArticleListing } from './model';
import { firstOfView, initialLibraryView, SORT_KEYS, sourcesOf, viewArticles, type LibraryView } from './library-view';
import { libraryViewSchema } from './library-view-schema';
import { isLibraryView } from './library-view-defaults';

let next = 0;
function article(fields: Partial<ArticleListing> & { title: string }): ArticleListing {
  next += 1;
  return {
    id: `art_${String(next).padStart(8, '0')}`,
    source: 'Pasted text',
    format: 'text',
    tags: [],
    wordCount: 10,
    createdAt: `2024-07-${String(next).padStart(2, '0')}T09:00:00.000Z`,
    updatedAt: '2024-08-01T09:00:00.000Z',
    annotationCount: 0,
    ...fields,
  };
}

const library = [
  article({ title: 'Part 10: the treaty', siteName: 'Nikkei', publishedAt: '2023-05-01', tags: ['region/east-asia'], annotationCount: 3 }),
  article({ title: 'part 9: the talks', publishedAt: '2024-07-28', openedAt: '2024-08-01T10:00:00.000Z' }),
  article({ title: 'Alliance notes', siteName: 'Associated Press', tags: ['region'], annotationCount: 1, openedAt: '2024-08-02T10:00:00.000Z' }),
  article({ title: 'Zebra crossings', source: 'My notes', tags: ['regional-planning'] }),
];

const titles = (view: Partial<LibraryView>, tag: string | null = null, keep: string | null = null) =>
  viewArticles(library, { ...initialLibraryView, ...view }, tag, keep).map((a) => a.title);

describe('which articles the library shows, in which order', () => {
  it.each<[string, Partial<LibraryView>, string[]]>([
    ['newest added first by default', {}, ['Zebra crossings', 'Alliance notes', 'part 9: the talks', 'Part 10: the treaty']],
    ['oldest added first', { descending: false }, ['Part 10: the treaty', 'part 9: the talks', 'Alliance notes', 'Zebra crossings']],
    ['title A to Z, ignoring case, numbers in numeric order', { sort: 'title', descending: false }, ['Alliance notes', 'part 9: the talks', 'Part 10: the treaty', 'Zebra crossings']],
    ['title Z to A', { sort: 'title', descending: true }, ['Zebra crossings', 'Part 10: the treaty', 'part 9: the talks', 'Alliance notes']],
    ['newest published first, undated last', { sort: 'published', descending: true }, ['part 9: the talks', 'Part 10: the treaty', 'Alliance notes', 'Zebra crossings']],
    ['oldest published first, undated still last', { sort: 'published', descending: false }, ['Part 10: the treaty', 'part 9: the talks', 'Alliance notes', 'Zebra crossings']],
    ['source (publisher, else how it came in) A to Z', { sort: 'source', descending: false }, ['Alliance notes', 'Zebra crossings', 'Part 10: the treaty', 'part 9: the talks']],
    ['only unread', { unread: true }, ['Zebra crossings', 'Part 10: the treaty']],
    ['only with highlights', { annotated: true }, ['Alliance notes', 'Part 10: the treaty']],
    ['only one source', { source: 'Pasted text' }, ['part 9: the talks']],
    ['filters combine', { annotated: true, unread: true }, ['Part 10: the treaty']],
  ])('%s', (_, view, expected) => {
    expect(titles(view)).toEqual(expected);
  });

  it('filters by tag hierarchically: "region" takes region/east-asia, not regional-planning', () => {
    expect(titles({ sort: 'title', descending: false }, 'region')).toEqual(['Alliance notes', 'Part 10: the treaty']);
    expect(titles({}, 'region/east-asia')).toEqual(['Part 10: the treaty']);
  });

  it('keeps the article being read under Unread when asked to', () => {
    expect(titles({ unread: true }, null, library[1]!.id)).toEqual(['Zebra crossings', 'part 9: the talks', 'Part 10: the treaty']);
  });

  it('does not change the list it is given', () => {
    const before = library.map((a) => a.id);
    titles({ sort: 'title' });
    expect(library.map((a) => a.id)).toEqual(before);
  });

  it('lists every source once with its count', () => {
    expect(sourcesOf(library)).toEqual([
      { source: 'Associated Press', count: 1 },
      { source: 'My notes', count: 1 },
      { source: 'Nikkei', count: 1 },
      { source: 'Pasted text', count: 1 },
    ]);
  });
});

describe('the first rows of a view', () => {
  // Many ties on every key (a few titles, dates, sources and tags), so the order among equals counts.
  const many = Array.from({ length: 400 }, (_, i) =>
    article({
      title: ['Alpha', 'beta', 'Gamma 2', 'gamma 10'][(i * 7) % 4]!,
      createdAt: `2024-07-0${1 + ((i * 3) % 5)}T09:00:00.000Z`,
      ...(i % 3 ? { publishedAt: `2023-0${1 + (i % 4)}-01` } : {}),
      ...(i % 5 ? { siteName: ['Nikkei', 'AP'][i % 2]! } : {}),
      ...(i % 4 === 0 ? { openedAt: '2024-08-01T10:00:00.000Z' } : {}),
      tags: i % 6 === 0 ? ['region/east-asia'] : [],
      annotationCount: i % 7 === 0 ? 2 : 0,
    }),
  );
  const counts = new Map(many.map((a) => [a.id, a.annotationCount]));
  const metas = many.map(({ annotationCount: _count, ...meta }) => meta);

  const views: LibraryView[] = SORT_KEYS.flatMap((sort) =>
    [true, false].flatMap((descending) => [
      { ...initialLibraryView, sort, descending },
      { ...initialLibraryView, sort, descending, unread: true, annotated: true },
      { ...initialLibraryView, sort, descending, source: 'AP' },
    ]),
  );
  it.each(views.map((view) => [JSON.stringify(view), view] as const))('are the rows the whole view starts with: %s', (_name, view) => {
    for (const tag of [null, 'region']) {
      for (const limit of [1, 7, 100, 1000]) {
        const first = firstOfView(metas, (id) => counts.get(id) ?? 0, view, tag, limit);
        expect(first).toEqual(viewArticles(many, view, tag).slice(0, limit));
      }
    }
  });
});

describe('isLibraryView (the window reads its saved view without zod)', () => {
  it('accepts and refuses exactly what libraryViewSchema does', () => {
    const good = { sort: 'title', descending: false, source: null, annotated: true, unread: false };
    const samples: unknown[] = [
      good,
      { ...good, source: 'Nikkei' },
      { ...good, extra: 1 },
      ...SORT_KEYS.map((sort) => ({ ...good, sort })),
      { ...good, sort: 'colour' },
      { ...good, sort: undefined },
      { ...good, descending: 'yes' },
      { ...good, source: 3 },
      { ...good, source: undefined },
      { ...good, annotated: null },
      { ...good, unread: 1 },
      { sort: 'added' },
      {},
      [],
      null,
      'title',
      7,
    ];
    for (const sample of samples) expect(isLibraryView(sample), JSON.stringify(sample)).toBe(libraryViewSchema.safeParse(sample).success);
  });
});
