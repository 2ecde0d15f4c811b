/**
 * The corruption table: every kind of damage in every place of a notebook folder made through
 * the real services. For each, the notebook opens (or refuses in words, for a newer format),
 * serves what is good, sets aside what is damaged and lists it with words that persist, never
 * writes over the good copy, and opens the same way a second time.
 */
import { cp, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotebookApi } from '../../common/api';
import type { DamagedFile } from '../../common/model';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { highlightPhrase } from '../../test-support/sample-notebook';
import { tempDir } from '../../test-support/temp-dir';
import { openNotebook, type OpenNotebook } from '../open-notebook';

const TEXT = 'Alliances rest on trust. Trust grows from shared work. Shared work needs a common plan.';
const DAY_1 = new Date('2026-11-30T09:00:00Z');
const DAY_2 = new Date('2026-12-01T09:00:00Z');

/** The ways a file is found damaged. `newer`: whole, but from a newer Marginalia. */
const DAMAGE = {
  truncated: (text: string) => text.slice(0, Math.floor(text.length / 2)),
  empty: () => '',
  'NUL-filled': (text: string) => '\0'.repeat(Math.max(text.length, 16)),
  'invalid JSON': () => '{"schemaVersion": 3, "record": {"id": oops}}',
  'schema-violating': () => '{"schemaVersion": 3, "surprise": [1, 2, 3]}',
} as const;
type Damage = keyof typeof DAMAGE;
/** What the Damaged files list says of each: in words, without the file's bytes. */
const REASON: Record<Damage, RegExp> = {
  truncated: /^it breaks off part way — it was cut short while being written$/,
  empty: /^it is empty — a crash or a full disk left it without its contents$/,
  'NUL-filled': /^it holds only zero bytes — a crash or a disk fault wiped its contents$/,
  'invalid JSON': /^it is not valid JSON \(Unexpected token 'o', .*\)$/,
  'schema-violating': /^its contents are not a valid notebook record/,
};
const KINDS = Object.keys(DAMAGE) as Damage[];

interface Fixture {
  dir: string;
  article: string;
  claim: string;
  note: string;
}

let fixture: Fixture;

async function open(dir: string): Promise<{ notebook: OpenNotebook; api: NotebookApi }> {
  const notebook = await openNotebook(dir, { sample: false, now: () => DAY_2, searchThread: 'in-process' });
  // Settled: the files changed since the last session looked at, the search index brought up to date.
  await notebook.caughtUp();
  await notebook.searchIdle();
  return { notebook, api: inProcessApi(notebook.handlers) };
}

/**
 * An article with a highlight, a claim on it, a note and a named colour, made on day 1; then a
 * session on day 2, whose daily snapshot holds them, and a last session that touches nothing.
 */
async function buildFixture(): Promise<Fixture> {
  // Kept for the whole file (tempDir folders go after each test).
  const dir = await mkdtemp(join(tmpdir(), 'marginalia-corruption-fixture-'));
  const first = await openNotebook(dir, { sample: false, now: () => DAY_1, searchThread: 'in-process' });
  const api = inProcessApi(first.handlers);
  const imported = await valueOf(api.importArticle({ format: 'text', content: TEXT, title: 'Alliances' }));
  const highlight = await highlightPhrase(api, imported.id, TEXT, 'Trust grows from shared work');
  const claim = await valueOf(api.createClaim({ annotationId: highlight.id, statement: 'Trust follows shared work' }));
  const note = await valueOf(api.createNote({ title: 'Why trust', body: 'Zeppelin-shaped evidence matters.' }));
  await valueOf(api.updateLegend({ color: 'green', meaning: 'Method' }));
  await first.searchIdle();
  await first.close();
  const second = await open(dir);
  await second.notebook.searchIdle();
  await second.notebook.close();
  return { dir, article: imported.id, claim: claim.id, note: note.id };
}

/** A copy of the fixture to damage. */
async function copyOfFixture(): Promise<string> {
  const dir = await tempDir('corruption');
  await cp(fixture.dir, dir, { recursive: true });
  return dir;
}

async function damage(path: string, kind: Damage | 'newer'): Promise<string> {
  const text = await readFile(path, 'utf8');
  const damaged = kind === 'newer' ? JSON.stringify({ ...JSON.parse(text), schemaVersion: 4 }) : DAMAGE[kind](text);
  await writeFile(path, damaged);
  return damaged;
}

/** What the good records look like through the API, to compare before and after. */
async function served(api: NotebookApi) {
  const articles = (await valueOf(api.listArticles({}))).map((a) => a.id);
  const claims = (await valueOf(api.listClaims({}))).map((c) => ({ id: c.id, statement: c.statement }));
  const notes = await Promise.all((await valueOf(api.listNotes({}))).map(async (n) => (await valueOf(api.getNote({ id: n.id }))).body));
  const legend = (await valueOf(api.getLegend({}))).green;
  return { articles, claims, notes, legend };
}

async function damagedFiles(api: NotebookApi): Promise<DamagedFile[]> {
  return (await valueOf(api.getNotebookStatus({}))).damagedFiles;
}

beforeAll(async () => {
  fixture = await buildFixture();
}, 30_000);

let expectedWhole: Awaited<ReturnType<typeof served>>;
beforeAll(async () => {
  const { notebook, api } = await open(await copyOfFixture());
  expectedWhole = await served(api);
  await notebook.close();
  expect(expectedWhole).toEqual({
    articles: [fixture.article],
    claims: [{ id: fixture.claim, statement: 'Trust follows shared work' }],
    notes: ['Zeppelin-shaped evidence matters.'],
    legend: 'Method',
  });
});

afterAll(async () => {
  await rm(fixture.dir, { recursive: true, force: true });
});

/** The record files: each damaged one is set aside with its record, the rest is served. */
const RECORD_PLACES = [
  { place: 'article record', kind: 'article', path: (f: Fixture) => `articles/${f.article}.json` },
  { place: 'claim', kind: 'claim', path: (f: Fixture) => `claims/${f.claim}.json` },
  { place: 'note', kind: 'note', path: (f: Fixture) => `notes/${f.note}.json` },
] as const;

describe.each(RECORD_PLACES)('a damaged $place file', ({ kind, path }) => {
  it.each(KINDS)('%s: set aside with its record, listed in words, the rest served, and stable', async (how) => {
    const dir = await copyOfFixture();
    const file = path(fixture);
    const bytes = await damage(join(dir, file), how);

    let { notebook, api } = await open(dir);
    const listed = await damagedFiles(api);
    expect(listed).toEqual([expect.objectContaining({ file, movedTo: expect.stringMatching(/^backups\/quarantine\//), reason: expect.stringMatching(REASON[how]) })]);
    expect(listed[0]!.record).toMatchObject({ kind });
    // The damaged file is kept byte for byte; the record is not served from the cache.
    expect(await readFile(join(dir, listed[0]!.movedTo!), 'utf8')).toBe(bytes);
    const now = await served(api);
    expect(now).toEqual({
      articles: kind === 'article' ? [] : expectedWhole.articles,
      claims: kind === 'claim' ? [] : expectedWhole.claims,
      notes: kind === 'note' ? [] : expectedWhole.notes,
      legend: 'Method',
    });
    await notebook.close();

    ({ notebook, api } = await open(dir));
    expect(await damagedFiles(api)).toEqual(listed);
    expect(await served(api)).toEqual(now);
    await notebook.close();
  });
});

describe('a damaged claim', () => {
  it('is restored from the copy Marginalia last saved, through the write path, and stays after a restart', async () => {
    const dir = await copyOfFixture();
    await damage(join(dir, `claims/${fixture.claim}.json`), 'truncated');
    let { notebook, api } = await open(dir);
    const [entry] = await damagedFiles(api);
    expect(entry).toMatchObject({ record: { kind: 'claim', id: fixture.claim, title: 'Trust follows shared work' }, backup: expect.stringMatching(/last-saved\.json$/) });
    const backup = await readFile(join(dir, entry!.backup!), 'utf8');
    const announced: unknown[] = [];
    notebook.feed.subscribe((change) => announced.push(change));

    expect(await valueOf(api.restoreDamagedFile({ id: entry!.id }))).toEqual({ label: 'Restore “Trust follows shared work” from backup' });
    expect((await served(api)).claims).toEqual(expectedWhole.claims);
    expect((await valueOf(api.search({ query: 'follows' }))).results.map((r) => r.id)).toContain(fixture.claim);
    expect(await damagedFiles(api)).toEqual([]);
    expect(announced).toContainEqual(expect.objectContaining({ claims: [expect.objectContaining({ id: fixture.claim })] }));
    expect(announced).toContainEqual(expect.objectContaining({ damagedFiles: [] }));
    // The good copy and the damaged file are both still there.
    expect(await readFile(join(dir, entry!.backup!), 'utf8')).toBe(backup);
    expect(await readFile(join(dir, entry!.movedTo!), 'utf8')).not.toBe('');
    await notebook.close();

    ({ notebook, api } = await open(dir));
    expect(await served(api)).toEqual(expectedWhole);
    expect(await damagedFiles(api)).toEqual([]);
    await notebook.close();
  });

  it('is restored from a snapshot when notebook.json is lost with it', async () => {
    const dir = await copyOfFixture();
    await damage(join(dir, `claims/${fixture.claim}.json`), 'empty');
    await damage(join(dir, 'notebook.json'), 'truncated');
    const { notebook, api } = await open(dir);
    const entry = (await damagedFiles(api)).find((e) => e.record?.kind === 'claim');
    expect(entry?.backup).toBeDefined();
    await valueOf(api.restoreDamagedFile({ id: entry!.id }));
    expect(await served(api)).toEqual(expectedWhole);
    await notebook.close();
  });
});

describe('a damaged notebook.json', () => {
  it.each(KINDS)('%s: set aside, rebuilt from the record files, the legend restored from the newest backup', async (how) => {
    const dir = await copyOfFixture();
    const bytes = await damage(join(dir, 'notebook.json'), how);
    let { notebook, api } = await open(dir);
    expect(await served(api)).toEqual(expectedWhole);
    const listed = await damagedFiles(api);
    expect(listed).toEqual([expect.objectContaining({ file: 'notebook.json', reason: expect.stringMatching(/colour legend was restored from backups\/notebook-2026-12-01\.json/) })]);
    expect(await readFile(join(dir, listed[0]!.movedTo!), 'utf8')).toBe(bytes);
    await notebook.close();
    ({ notebook, api } = await open(dir));
    expect(await served(api)).toEqual(expectedWhole);
    expect(await damagedFiles(api)).toEqual(listed);
    await notebook.close();
  });
});

describe('a file from a newer Marginalia', () => {
  it.each(RECORD_PLACES)('$place: an import bringing the same record is refused in words, and the file is unchanged', async ({ path }) => {
    // A bundle of the whole fixture, as a colleague would send it.
    const source = await open(await copyOfFixture());
    const bundle = await valueOf(source.api.exportReport({ format: 'bundle' }));
    await source.notebook.close();
    const dir = await copyOfFixture();
    const file = path(fixture);
    const bytes = await damage(join(dir, file), 'newer');
    const { notebook, api } = await open(dir);
    const answer = await api.importExchange({ fileName: bundle.fileName, content: Buffer.from(bundle.content, 'utf8').toString('base64') });
    expect(answer).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringMatching(new RegExp(`^${file.replace(/[.]/g, '\\.')} was written by a newer version of Marginalia.*Update Marginalia.*nothing was changed`)) } });
    await notebook.close();
    expect(await readFile(join(dir, file), 'utf8')).toBe(bytes);
  });

  it('notebook.json: refuses to open, says “Update Marginalia”, and changes nothing', async () => {
    const dir = await copyOfFixture();
    const bytes = await damage(join(dir, 'notebook.json'), 'newer');
    const before = await readdir(join(dir, 'backups'));
    await expect(openNotebook(dir, { sample: false })).rejects.toThrow(/newer version of Marginalia.*Update Marginalia/);
    expect(await readFile(join(dir, 'notebook.json'), 'utf8')).toBe(bytes);
    expect(await readdir(join(dir, 'backups'))).toEqual(before);
  });

  it.each(RECORD_PLACES)('$place: left where it is, unchanged, not served, and listed with “Update Marginalia”', async ({ kind, path }) => {
    const dir = await copyOfFixture();
    const file = path(fixture);
    const bytes = await damage(join(dir, file), 'newer');
    for (let session = 0; session < 2; session += 1) {
      const { notebook, api } = await open(dir);
      expect(await damagedFiles(api)).toEqual([expect.objectContaining({ file, movedTo: null, reason: expect.stringMatching(/Update Marginalia/), record: expect.objectContaining({ kind }) })]);
      const now = await served(api);
      expect(kind === 'article' ? now.articles : kind === 'claim' ? now.claims : now.notes).toEqual([]);
      await notebook.close();
      expect(await readFile(join(dir, file), 'utf8')).toBe(bytes);
    }
  });
});

/** Files derived from the records or kept for this machine: rebuilt or done without, nothing lost. */
const DERIVED_PLACES = [
  { place: 'search index', files: async (dir: string) => (await readdir(join(dir, 'search-index'))).map((name) => `search-index/${name}`) },
  { place: 'file stamps', files: async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('file-stamps.')) },
  { place: 'highlight index', files: async () => ['highlights.index'] },
  { place: 'notebook digest', files: async () => ['notebook.digest'] },
  { place: 'history log', files: async () => ['history.log'] },
  { place: 'deletions log', files: async () => ['deletions.log'] },
  // Replayed over notebook.json on open; the record files are the truth (see metadata-journal.ts).
  { place: 'metadata journal', files: async () => ['notebook.journal'] },
  // A shared notebook's; a damaged line makes the next sync compare every record (see sync/test/unsent-damaged.test.ts).
  { place: 'unsent log', files: async () => ['unsent.log'] },
  { place: 'daily backup', files: async (dir: string) => (await readdir(join(dir, 'backups'))).filter((name) => name.endsWith('.json')).map((name) => `backups/${name}`) },
  { place: 'lock', files: async () => ['notebook.lock'] },
];

describe.each(DERIVED_PLACES)('a damaged $place', ({ files }) => {
  it.each(KINDS)('%s: opens with every record served and nothing set aside', async (how) => {
    const dir = await copyOfFixture();
    const names = await files(dir);
    for (const name of names) {
      await writeFile(join(dir, name), DAMAGE[how](await readFile(join(dir, name), 'utf8').catch(() => '{}')));
      // Damaged while Marginalia was closed: a lock written moments ago may be one being written (see folder-lock.ts).
      await utimes(join(dir, name), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    }
    for (let session = 0; session < 2; session += 1) {
      const { notebook, api } = await open(dir);
      expect(await served(api)).toEqual(expectedWhole);
      await notebook.searchIdle();
      expect((await valueOf(api.search({ query: 'zeppelin' }))).results.map((r) => r.id)).toEqual([fixture.note]);
      expect(await damagedFiles(api)).toEqual([]);
      await notebook.close();
    }
  });
});

describe('the damaged files list itself damaged', () => {
  it('is made again from the files kept in backups/quarantine/', async () => {
    const dir = await copyOfFixture();
    await damage(join(dir, `notes/${fixture.note}.json`), 'invalid JSON');
    let { notebook, api } = await open(dir);
    const [entry] = await damagedFiles(api);
    await notebook.close();
    await writeFile(join(dir, 'backups/quarantine/damaged-files.json'), '{"version": 1, "files": [');
    ({ notebook, api } = await open(dir));
    expect(await damagedFiles(api)).toEqual([expect.objectContaining({ file: `${fixture.note}.json`, movedTo: entry!.movedTo, reason: expect.stringMatching(/set aside earlier/) })]);
    await notebook.close();
  });
});

describe('a missing folder', () => {
  it('opens as a new, empty notebook there', async () => {
    const dir = join(await tempDir(), 'not', 'there', 'yet');
    const { notebook, api } = await open(dir);
    expect(await valueOf(api.listArticles({}))).toEqual([]);
    expect(await damagedFiles(api)).toEqual([]);
    await notebook.close();
  });
});
