/**
 * Files from elsewhere merged into the notebook, one after another: each is checked for size
 * before a byte is read, read as base64, and sent to `importExchange`; the dialog follows
 * along and shows what each merge did. What changed reaches the library, margin, claims and
 * notes through the change feed.
 */
import { EXCHANGE_FILE_ACCEPT, MAX_EXCHANGE_FILE } from '../../../src-main/common/import-limits';
import { describeBytes } from '../../../src-main/common/import-limits';
import { notebook } from '../../notebook-client';
import { exchangeImportStore, updateExchangeImport, type ExchangeImport } from '../../state/exchange-import-store';
import { report } from '../../state/status-store';
import { base64Of } from './read-import-file';

const EXTENSIONS = EXCHANGE_FILE_ACCEPT.split(',');

/** A file the exchange import reads (bundles, annotation files, REFI-QDA projects) rather than an article. */
export const isExchangeFile = (name: string): boolean => EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension));

/** Why a file cannot be sent, before it is read; null when it can. */
export function exchangeFileProblem(file: Pick<File, 'name' | 'size'>): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_EXCHANGE_FILE) {
    const limit = describeBytes(MAX_EXCHANGE_FILE);
    const size = describeBytes(file.size) === limit ? `more than ${limit}` : describeBytes(file.size);
    return `${file.name} is ${size}; a bundle or annotation file can be at most ${limit}. Export a smaller scope (a tag or some articles) and import that.`;
  }
  return null;
}

let queue: Promise<void> = Promise.resolve();
let nextKey = 0;

export function importExchangeFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return queue;
  const items: ExchangeImport[] = files.map((file) => ({ key: `x${nextKey++}`, fileName: file.name, state: 'reading' }));
  const running = exchangeImportStore.getState().imports.some((item) => item.state === 'reading' || item.state === 'importing');
  exchangeImportStore.setState(({ imports }) => ({ open: true, imports: running ? [...imports, ...items] : items }));
  queue = queue.then(async () => {
    for (const [index, file] of files.entries()) await importOne(file, items[index]!.key);
  });
  return queue;
}

async function importOne(file: File, key: string): Promise<void> {
  const problem = exchangeFileProblem(file);
  if (problem) return updateExchangeImport(key, { state: 'failed', error: problem });
  let content: string;
  try {
    content = await base64Of(file);
  } catch (error) {
    return updateExchangeImport(key, { state: 'failed', error: `Marginalia could not read ${file.name} (${error instanceof Error ? error.message : String(error)}).` });
  }
  updateExchangeImport(key, { state: 'importing' });
  const answer = await notebook.importExchange({ fileName: file.name, content });
  if (!answer.ok) {
    updateExchangeImport(key, { state: 'failed', error: answer.error.message });
    report(`${file.name} was not imported.`, 'error');
    return;
  }
  updateExchangeImport(key, { state: 'done', summary: answer.value });
  report(`Imported ${file.name}. Undo takes the whole import back.`);
}
