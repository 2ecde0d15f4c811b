/** A fresh notebook for import tests, emptied of the sample article, with its API and a snapshot of its folder. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { ApiArg } from '../../../common/api';
import { inProcessApi } from '../../../test-support/in-process-api';
import { tempDir } from '../../../test-support/temp-dir';
import { openNotebook, type OpenOptions } from '../../open-notebook';
import { INDEX_DIR } from '../../search/index-file';

export async function emptyNotebook(options: OpenOptions = {}) {
  const dir = await tempDir('import');
  const notebook = await openNotebook(dir, options);
  for (const article of await notebook.handlers.listArticles({})) await notebook.handlers.deleteArticle({ id: article.id });
  await notebook.flush();
  const api = inProcessApi(notebook.handlers);
  /**
   * Every file of the notebook folder with its content: equal snapshots mean nothing changed.
   * Left out: backups, and what the notebook derives and saves in the background whenever it
   * likes (the search index, this machine's file stamps) — on a busy machine a save can land
   * between two snapshots without anything having changed.
   */
  async function snapshot(): Promise<Record<string, string>> {
    await notebook.flush();
    const files: Record<string, string> = {};
    const walk = async (folder: string): Promise<void> => {
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'backups' && entry.name !== INDEX_DIR) await walk(path);
        } else if (!entry.name.startsWith('file-stamps.')) files[path.slice(dir.length)] = await readFile(path, 'utf8');
      }
    };
    await walk(dir);
    return files;
  }
  return { dir, notebook, api, snapshot };
}

/** An `importArticle` argument for a file's bytes, as the renderer sends a picked or dropped file. */
export function fileArg(format: ApiArg<'importArticle'>['format'], fileName: string, bytes: Uint8Array | string): ApiArg<'importArticle'> {
  return { format, fileName, encoding: 'base64', content: Buffer.from(bytes).toString('base64') };
}

/**
 * Everything in stored HTML that could run, load or submit something: elements that execute or
 * embed, event-handler attributes, `javascript:` URLs and any attribute that fetches a resource.
 * Parsed rather than pattern-matched, so words about `<script>` in an article's text are not counted.
 */
export function activeContentIn(html: string): string[] {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  const found: string[] = [];
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const name = element.localName;
    if (/^(script|style|link|iframe|frame|object|embed|form|input|img|video|audio|source|svg|math|base|meta)$/.test(name)) found.push(`<${name}>`);
    for (const { name: attribute, value } of Array.from(element.attributes)) {
      if (/^on/i.test(attribute) || /^(src|srcset|style|action|formaction|background|poster)$/i.test(attribute)) found.push(`${name}[${attribute}]`);
      if (/^\s*javascript:/i.test(value)) found.push(`${name}[${attribute}=javascript:]`);
    }
  }
  return found;
}
