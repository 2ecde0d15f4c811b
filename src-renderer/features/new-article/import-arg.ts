import type { ApiArg } from '../../../src-main/common/api';
import type { ArticleFormat } from '../../../src-main/common/model';

export interface NewArticleDraft {
  title: string;
  format: ArticleFormat;
  content: string;
  source: string;
}

/**
 * The `importArticle` argument for what the person typed. Optional fields left blank are
 * omitted (the main side then derives the title from the first line); the text itself is
 * sent exactly as pasted.
 */
export function importArgFrom(draft: NewArticleDraft): ApiArg<'importArticle'> {
  const arg: ApiArg<'importArticle'> = { format: draft.format, content: draft.content };
  const title = draft.title.trim();
  const source = draft.source.trim();
  if (title) arg.title = title;
  if (source) arg.source = source;
  return arg;
}
