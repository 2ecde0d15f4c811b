/** Two or three notebooks on disk that swap files through the API, as colleagues would. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { NotebookApi } from '../../../common/api';
import type { ExchangeSummary } from '../../../common/exchange-schema';
import { describeRange } from '../../../common/anchoring/describe-range';
import { inProcessApi, valueOf } from '../../../test-support/in-process-api';
import { tempDir } from '../../../test-support/temp-dir';
import { openNotebook, type OpenNotebook } from '../../open-notebook';

export const ARTICLE_TEXT =
  'Alliances rest on trust. Trust grows from shared work. Shared work needs a common plan. A plan needs people who keep their word.';

export interface Colleague {
  dir: string;
  notebook: OpenNotebook;
  api: NotebookApi;
}

export async function colleague(label: string, { sample = false } = {}): Promise<Colleague> {
  const dir = await tempDir(label);
  const notebook = await openNotebook(dir, { sample, persistSearch: false });
  return { dir, notebook, api: inProcessApi(notebook.handlers) };
}

export const base64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

/** The whole notebook as a bundle's text. */
export async function bundleOf(api: NotebookApi, scope: { articleIds?: string[]; tags?: string[]; claimIds?: string[] } = {}): Promise<string> {
  const result = await valueOf(api.exportReport({ format: 'bundle', scope: { articleIds: [], tags: [], claimIds: [], ...scope } }));
  return result.content;
}

export const importFile = (api: NotebookApi, fileName: string, content: string | Uint8Array): Promise<ExchangeSummary> =>
  valueOf(api.importExchange({ fileName, content: base64(content) }));

/** A highlight target on `phrase` of the article's text. */
export async function targetOf(api: NotebookApi, articleId: string, phrase: string) {
  const text = (await valueOf(api.getArticle({ id: articleId }))).text;
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the article`);
  return describeRange(text, start, start + phrase.length);
}

/** Every record a person sees, in a stable order (when each reader opened an article is theirs alone). */
export async function recordsOf(api: NotebookApi) {
  const articles = (await valueOf(api.listArticles({}))).sort((a, b) => a.id.localeCompare(b.id));
  const annotations = [];
  for (const article of articles) annotations.push(...(await valueOf(api.listAnnotations({ articleId: article.id }))));
  const claims = (await valueOf(api.listClaims({}))).sort((a, b) => a.id.localeCompare(b.id));
  const notes = [];
  for (const meta of (await valueOf(api.listNotes({}))).sort((a, b) => a.id.localeCompare(b.id))) notes.push(await valueOf(api.getNote({ id: meta.id })));
  return {
    articles: articles.map(({ openedAt: _openedAt, ...article }) => article),
    annotations: annotations.sort((a, b) => a.id.localeCompare(b.id)),
    claims,
    notes,
  };
}

/** Every file of a folder and its bytes, to show that a refused import wrote nothing. */
export async function folderBytes(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder)) {
      const path = join(folder, entry);
      if ((await stat(path)).isDirectory()) await walk(path);
      else files.set(relative(dir, path), (await readFile(path)).toString('base64'));
    }
  };
  await walk(dir);
  return files;
}
