/**
 * The date a page says it was published, as YYYY-MM-DD, from the metadata pages commonly carry.
 * `<time>` elements are not trusted: on most pages they date comments and related links.
 */

const META_NAMES = ['article:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'pubdate', 'publish-date', 'sailthru.date', 'parsely-pub-date'];

interface MetaSource {
  querySelectorAll(selectors: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}

/** A date from a metadata string ("2015-07-24T05:36:09+01:00" → "2015-07-24"), or from a document's meta tags. */
export function publishedDate(source: string | null | undefined | MetaSource): string | undefined {
  if (source === null || source === undefined) return undefined;
  if (typeof source === 'string') return isoDate(source);
  for (const meta of Array.from(source.querySelectorAll('meta[property], meta[name], meta[itemprop]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    if (!META_NAMES.includes(key)) continue;
    const date = isoDate(meta.getAttribute('content') ?? '');
    if (date) return date;
  }
  return undefined;
}

/** The calendar date written at the start of an ISO-like timestamp, when it is a real date. */
function isoDate(text: string): string | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const iso = date.toISOString().slice(0, 10);
  return iso === `${y}-${m}-${d}` && Number(y) > 1900 ? iso : undefined;
}
