/**
 * The open article's conflict history, under its header: the other versions' title, details,
 * tags and whether their text differs (`getArticle` sends the record's conflicts with it).
 */
import type { z } from 'zod';
import type { ArticleView } from '../../../src-main/common/model';
import type { articleVersionSchema } from '../../../src-main/common/schema';
import { ConflictNotices, type FieldSpec } from '../../components/ConflictNotice';
import { counted } from '../../../src-main/common/counted';

type Version = z.infer<typeof articleVersionSchema>;
type Current = Omit<Version, 'doc'>;

const optional = (value: string | undefined) => (value && value.trim() !== '' ? value : 'None');

const FIELDS: FieldSpec<Current>[] = [
  { label: 'Title', read: (v) => v.title, show: (v) => v.title },
  { label: 'Authors', read: (v) => v.byline, show: (v) => optional(v.byline) },
  { label: 'Publisher', read: (v) => v.siteName, show: (v) => optional(v.siteName) },
  { label: 'Published', read: (v) => v.publishedAt, show: (v) => optional(v.publishedAt) },
  { label: 'Address', read: (v) => v.url, show: (v) => optional(v.url) },
  { label: 'Tags', read: (v) => v.tags, show: (v) => (v.tags.length > 0 ? v.tags.join(', ') : 'No tags') },
  { label: 'Text', read: (v) => v.original, show: (v) => `A different text (${counted(v.wordCount, 'word')})` },
];

export function ArticleConflicts({ view }: { view: ArticleView }) {
  const conflicts = view.conflicts;
  if (!conflicts?.length) return null;
  return (
    <ConflictNotices
      kind="article"
      id={view.id}
      subject={`the article “${view.title}”`}
      versions={conflicts}
      current={view}
      fields={FIELDS}
      className="article-conflicts"
    />
  );
}
