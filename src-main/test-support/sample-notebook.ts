/** A fresh notebook (with its sample article) behind the API, for service tests. */
import type { ApiArg, NotebookApi } from '../common/api';
import { describeRange } from '../common/anchoring/describe-range';
import { openNotebook } from '../services/open-notebook';
import { inProcessApi, valueOf } from './in-process-api';
import { tempDir } from './temp-dir';

/** Opens `dir` (a new temporary folder by default) and fetches the sample article. */
export async function openSampleNotebook(dir?: string) {
  const folder = dir ?? (await tempDir());
  const notebook = await openNotebook(folder);
  const api = inProcessApi(notebook.handlers);
  const [meta] = await valueOf(api.listArticles({}));
  const sample = await valueOf(api.getArticle({ id: meta!.id }));
  return { notebook, api, sample, dir: folder };
}

/** Highlights the first occurrence of `phrase` in the article whose canonical text is `text`. */
export async function highlightPhrase(
  api: NotebookApi,
  articleId: string,
  text: string,
  phrase: string,
  extra: Omit<ApiArg<'createAnnotation'>, 'articleId' | 'target'> = {},
) {
  const at = text.indexOf(phrase);
  return valueOf(api.createAnnotation({ articleId, target: describeRange(text, at, at + phrase.length), ...extra }));
}
