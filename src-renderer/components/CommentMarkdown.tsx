/**
 * A comment's or note's Markdown. The renderer (markdown-it, ~100 KB) is not in the window's
 * startup bundle: it is fetched once the window is painted (`preloadMarkdown`), and until it is
 * in, the source shows as written.
 */
import { Suspense } from 'react';
import { lazyNamed } from './lazy-named';

const MarkdownBody = lazyNamed(() => import('./MarkdownBody'), 'MarkdownBody');

export const preloadMarkdown = MarkdownBody.preload;

export function CommentMarkdown({ source, className = 'comment-body' }: { source: string; className?: string }) {
  return (
    <Suspense fallback={<div className={`${className} markdown-source`}>{source}</div>}>
      <MarkdownBody source={source} className={className} />
    </Suspense>
  );
}
