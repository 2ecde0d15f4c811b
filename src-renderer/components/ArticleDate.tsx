import type { ArticleMeta } from '../../src-main/common/model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "28 Jul 2024". Written by hand rather than with Intl because locales disagree on short
 * month names ("Sept") and the library should read the same everywhere.
 */
export function formatDay(year: number, month: number, day: number): string {
  return `${day} ${MONTHS[month - 1] ?? '?'} ${year}`;
}

/**
 * The date to show for an article: when it was published if known (a calendar date, shown as
 * written), else when it was added (a moment, shown in the local time zone).
 */
export function articleDate(meta: Pick<ArticleMeta, 'publishedAt' | 'createdAt'>): { iso: string; label: string } {
  const published = meta.publishedAt?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (published) {
    const [, year, month, day] = published.map(Number) as [number, number, number, number];
    return { iso: meta.publishedAt!, label: formatDay(year, month, day) };
  }
  const added = new Date(meta.createdAt);
  if (Number.isNaN(added.getTime())) return { iso: meta.createdAt, label: '' };
  return { iso: meta.createdAt, label: formatDay(added.getFullYear(), added.getMonth() + 1, added.getDate()) };
}

/** An article's date as a `<time>` element. */
export function ArticleDate({ meta, className }: { meta: Pick<ArticleMeta, 'publishedAt' | 'createdAt'>; className?: string }) {
  const { iso, label } = articleDate(meta);
  if (!label) return null;
  return (
    <time dateTime={iso} className={className}>
      {label}
    </time>
  );
}
