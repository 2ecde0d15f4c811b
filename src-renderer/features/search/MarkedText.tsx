/**
 * Text with some ranges wrapped in `<mark>` — the words a search matched. Built as React
 * elements from offsets, never as HTML, so text from the notebook cannot become markup.
 */
import type { MatchRange } from '../../../src-main/common/search-schema';

export function MarkedText({ text, ranges }: { text: string; ranges: readonly MatchRange[] }) {
  const parts: (string | React.JSX.Element)[] = [];
  let at = 0;
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  for (const range of sorted) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start} className="search-match">{text.slice(start, range.end)}</mark>);
    at = range.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
