/** Notebooks that share one remote on a real git server, for the sync tests. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { NotebookApi } from '../../../common/api';
import { startGitHttpServer, type GitHttpServer } from '../../../test-support/git-http-server';
import { inProcessApi } from '../../../test-support/in-process-api';
import { tempDir } from '../../../test-support/temp-dir';
import { openNotebook, type OpenNotebook, type OpenOptions } from '../../open-notebook';
import { memoryCredentials } from '../credentials';
import { canonicalJson } from '../shared-records';

export interface Member {
  name: string;
  dir: string;
  notebook: OpenNotebook;
  api: NotebookApi;
  reopen(): Promise<Member>;
}

/** A notebook opened in `dir` (a new folder by default), signed by `name`. */
export async function member(name: string, dir?: string, options: OpenOptions = {}): Promise<Member> {
  const folder = dir ?? (await tempDir(`sync-${name.toLowerCase()}`));
  const notebook = await openNotebook(folder, { sample: false, persistSearch: false, credentials: memoryCredentials(), ...options });
  const self: Member = {
    name,
    dir: folder,
    notebook,
    api: inProcessApi(notebook.handlers),
    async reopen() {
      await notebook.close();
      return member(name, folder, options);
    },
  };
  return self;
}

/**
 * What a notebook holds, record by record, as text: every record file in its shared form
 * (keys sorted; without when this machine last opened an article), plus the legend.
 */
export async function holdings(who: Member): Promise<string[]> {
  const { dir } = who;
  const lines: string[] = [];
  for (const folder of ['articles', 'claims', 'notes']) {
    for (const name of (await readdir(join(dir, folder))).filter((n) => n.endsWith('.json')).sort()) {
      const file = JSON.parse(await readFile(join(dir, folder, name), 'utf8')) as { article?: { openedAt?: string }; annotations?: { id: string }[] };
      if (file.article) delete file.article.openedAt;
      file.annotations?.sort((a, b) => (a.id < b.id ? -1 : 1));
      lines.push(`${folder}/${name} ${canonicalJson(file)}`);
    }
  }
  const legend = await who.api.getLegend({});
  lines.push(`legend ${canonicalJson(legend)}`);
  return lines;
}

/**
 * A real git server for the tests of one file: started before them, closed after. `remote(label)`
 * makes a new empty remote on it for one test.
 */
export function gitServerForTests(): { remote(label: string): Promise<string> } {
  let server: GitHttpServer | undefined;
  let counter = 0;
  beforeAll(async () => {
    server = await startGitHttpServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return { remote: (label) => server!.createBare(`${label}-${++counter}`) };
}
