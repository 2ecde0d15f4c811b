/**
 * Page addresses → a key under which two ways of writing the same page are equal, for matching
 * an annotation file's sources to the notebook's articles. Equal: http and https, upper and
 * lower case in scheme and host, with and without `www.`, a trailing `/`, a `#fragment`, the
 * default port, and `utm_*` tracking parameters. Other query parameters stay, in their order:
 * `?page=2` is another page.
 */

/** The key for `address`, or the address itself, trimmed, when it is not an http(s) URL (a URN, a DOI). */
export function urlMatchKey(address: string): string {
  const trimmed = address.trim();
  if (!URL.canParse(trimmed)) return trimmed;
  const url = new URL(trimmed);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  const host = url.hostname.replace(/^www\./, '');
  const port = url.port === '' ? '' : `:${url.port}`;
  const path = url.pathname.replace(/\/+$/, '');
  const query = [...url.searchParams].filter(([name]) => !/^utm_/i.test(name));
  const search = query.length === 0 ? '' : `?${new URLSearchParams(query).toString()}`;
  return `http://${host}${port}${path}${search}`;
}
