/**
 * A comment's Markdown, rendered through the article tree like any article (raw HTML stays
 * text, nothing goes through innerHTML). Loaded on its own with markdown-it (see CommentMarkdown).
 */
import { useMemo } from 'react';
import { markdownToDoc } from '../../src-main/common/markdown-to-doc';
import { ArticleBody } from './article-body/ArticleBody';

export function MarkdownBody({ source, className }: { source: string; className: string }) {
  const doc = useMemo(() => markdownToDoc(source), [source]);
  return <ArticleBody doc={doc} className={className} />;
}
