/**
 * Runs imports one at a time through the notebook client and keeps the report current: each
 * file or address gets its own answer, and one that fails never stops the others. When one
 * matches an article already in the library (same file name or address), the person decides:
 * replace its text (keeping its highlights), import it as a new article, or skip it.
 */
import type { ApiArg } from '../../../src-main/common/api';
import type { ArticleListing, ArticleMeta } from '../../../src-main/common/model';
import { notebook } from '../../notebook-client';
import { loadLibrary, openArticle } from '../../state/library-actions';
import { libraryStore } from '../../state/library-store';
import { report } from '../../state/status-store';
import { importReportStore, updateItem, type ReimportChoice, type ReportItem } from './import-report-store';
import { readImportFile, type FileRead } from './read-import-file';

interface Job {
  name: string;
  /** Reads what to send; for files this is where the size is checked. */
  read: () => Promise<FileRead>;
  matches: (article: ArticleMeta) => boolean;
  send: (arg: ApiArg<'importArticle'>, replaceId?: string) => ReturnType<typeof notebook.importArticle>;
}

let queue: Promise<void> = Promise.resolve();
let nextKey = 0;

export function importFiles(files: File[]): Promise<void> {
  return enqueue(
    files.map((file) => ({
      name: file.name,
      read: () => readImportFile(file),
      matches: (article) => article.fileName === file.name,
      send: (arg, replaceId) => notebook.importArticle(replaceId ? { ...arg, replaceId } : arg),
    })),
  );
}

export function importWebAddress(url: string): Promise<void> {
  return enqueue([
    {
      name: url,
      read: async () => ({ ok: true, arg: { format: 'html', content: url } }),
      matches: (article) => article.url === url,
      send: (_arg, replaceId) => notebook.importUrl(replaceId ? { url, replaceId } : { url }),
    },
  ]);
}

function enqueue(jobs: Job[]): Promise<void> {
  if (jobs.length === 0) return queue;
  const items: ReportItem[] = jobs.map((job) => ({ key: String(nextKey++), name: job.name, state: 'waiting' }));
  const fresh = !importReportStore.getState().items.some((item) => item.state === 'waiting' || item.state === 'working');
  importReportStore.setState(({ items: shown }) => ({ open: true, items: fresh ? items : [...shown, ...items] }));
  queue = queue.then(() => runBatch(jobs, items));
  return queue;
}

async function runBatch(jobs: Job[], items: ReportItem[]): Promise<void> {
  const done: ReportItem[] = [];
  for (const [index, job] of jobs.entries()) {
    const key = items[index]!.key;
    updateItem(key, { state: 'working' });
    const outcome = await runJob(job, key);
    updateItem(key, outcome);
    done.push({ ...items[index]!, ...outcome });
  }
  await loadLibrary();
  // A replaced article that is open shows its new text, with its highlights re-anchored in it.
  const openId = libraryStore.getState().openId;
  if (done.some((item) => item.state === 'replaced' && item.articleId === openId) && openId) {
    await openArticle(openId);
  }
  const imported = done.filter((item) => item.state === 'imported' || item.state === 'replaced');
  report(`Imported ${imported.length} of ${done.length} ${done.length === 1 ? 'item' : 'items'}.`, imported.length < done.length ? 'error' : 'info');
  if (done.length === 1 && imported[0]?.articleId) await openArticle(imported[0].articleId);
}

async function runJob(job: Job, key: string): Promise<Partial<ReportItem>> {
  const read = await job.read();
  if (!read.ok) return { state: 'failed', message: read.message };
  const existing = libraryStore.getState().articles.find(job.matches);
  let replaceId: string | undefined;
  if (existing) {
    updateItem(key, { message: 'Waiting for your answer above.' });
    const choice = await ask(job.name, existing);
    updateItem(key, { message: undefined });
    if (choice === 'skip') return { state: 'skipped', message: `Skipped: “${existing.title}” is already in your library.` };
    if (choice === 'replace') replaceId = existing.id;
  }
  const answer = await job.send(read.arg, replaceId);
  if (!answer.ok) return { state: 'failed', message: answer.error.message };
  const { notice, ...meta } = answer.value;
  // Later files of the batch see this article as already in the library.
  const listed = { ...meta, annotationCount: replaceId && existing ? existing.annotationCount : 0 };
  libraryStore.setState(({ articles }) => ({ articles: [listed, ...articles.filter((article) => article.id !== listed.id)] }));
  return { state: replaceId ? 'replaced' : 'imported', articleId: meta.id, title: meta.title, ...(notice ? { notice } : {}) };
}

async function ask(name: string, existing: ArticleListing): Promise<ReimportChoice> {
  const annotations = await notebook.listAnnotations({ articleId: existing.id });
  const highlights = annotations.ok ? annotations.value.length : existing.annotationCount;
  return new Promise((answer) => {
    importReportStore.setState({
      open: true,
      question: {
        name,
        title: existing.title,
        highlights,
        answer: (choice) => {
          importReportStore.setState({ question: null });
          answer(choice);
        },
      },
    });
  });
}
