/**
 * Every call of the contract, fuzzed through the real browser-mode host on a real notebook:
 * random and hostile argument values (wrong types, prototype keys, traversal strings, huge
 * and odd text, deep nesting, the names and enum values of the call's own schema, ids of real
 * records). For every one the host answers — a value, or a typed error with a sentence, never
 * an internal error — and a refused call, or any read, leaves every file of the folder as it was.
 *
 * MARGINALIA_FUZZ_RUNS sets the runs per call (default 20; about 1,000 calls in all),
 * MARGINALIA_FUZZ_SEED replays a failure (fast-check prints the seed and the shrunk argument).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { rawRequest } from '../../../e2e/support/raw-http';
import { describeRange } from '../../common/anchoring/describe-range';
import { apiArgs, type ErrorCode } from '../../common/api';
import { API_METHODS, isWriteMethod, type ApiMethod } from '../../common/api-methods';
import { openNotebook, type OpenNotebook } from '../../services/open-notebook';
import { fingerprint, fingerprintChanges, savedInBackground } from '../../test-support/folder-fingerprint';
import { startBrowserHost, type BrowserHost } from './http-host';

const RUNS = Number(process.env.MARGINALIA_FUZZ_RUNS ?? 20);
const SEED = process.env.MARGINALIA_FUZZ_SEED === undefined ? undefined : Number(process.env.MARGINALIA_FUZZ_SEED);
// `stale`: a fuzzed `baseRev` that is not the record's revision is refused, and writes nothing.
const TYPED_CODES: ErrorCode[] = ['invalid_argument', 'not_found', 'stale', 'storage', 'unavailable', 'cancelled'];

/**
 * Not refusals: "the remote could not be reached" from these two means the notebook was
 * connected (share) and what changed here was committed to its own history, to be sent when
 * the remote answers (README: "Offline, it says so and waits"). Only the sync's own state may
 * change then — `.git/` and `unsent.log` — never a record, the index or the history.
 */
const DEFERRED_BY_DESIGN: ApiMethod[] = ['shareNotebook', 'syncNotebook'];

/**
 * The one internal error allowed, a known bug the fuzzing found (see
 * services/export/citations-prototype-keys.test.ts): an article whose byline or publisher the
 * fuzzing set to "constructor" breaks MLA citations in citeproc-js. Exports write nothing, so
 * the folder checks still apply to these answers.
 */
const isKnownCiteprocBug = (method: string, message: unknown) =>
  (method === 'exportReport' || method === 'previewExport') && /ambigcites|reading 'indexOf'/.test(String(message));


let work = '';
let dir = '';
let notebook: OpenNotebook;
let host: BrowserHost;
/** Ids of real records, so some fuzzed calls reach past validation into the services. */
const realIds: string[] = [];
const internalErrors: { method: string; message: string }[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'marginalia-fuzz-'));
  const renderer = join(work, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html>');
  dir = join(work, 'notebook');
  // PDF exports are printed by a stand-in: the fuzzing is about the host, not about Chromium.
  notebook = await openNotebook(dir, { printPdf: async () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n') });
  host = await startBrowserHost({ handlers: notebook.handlers, feed: notebook.feed, rendererDir: renderer, port: 0, onInternalError: (method, error) => void internalErrors.push({ method, message: String(error) }) });

  const { handlers } = notebook;
  const [sample] = await handlers.listArticles({});
  const article = await handlers.getArticle({ id: sample!.id });
  const text = article.text;
  const at = text.indexOf('Tokyo');
  const highlight = await handlers.createAnnotation(apiArgs.createAnnotation.parse({ articleId: article.id, target: describeRange(text, at, at + 5), tags: ['place'] }));
  const claim = await handlers.createClaim(apiArgs.createClaim.parse({ annotationId: highlight.id }));
  const note = await handlers.createNote(apiArgs.createNote.parse({ title: 'A note', body: 'Its body', tags: ['place'] }));
  realIds.push(article.id, highlight.id, claim.id, note.id);
  await notebook.searchIdle();
  await notebook.flush();
}, 60_000);

afterAll(async () => {
  await host?.close();
  await notebook?.close();
  await rm(work, { recursive: true, force: true });
});

type ZodDef = Record<string, unknown> & { type: string };
const defOf = (schema: unknown): ZodDef | undefined => (schema as { _zod?: { def?: ZodDef } } | undefined)?._zod?.def;

/** The field names and enum values a call's schema knows, at any depth. */
function vocabulary(schema: z.ZodType): { keys: string[]; values: string[] } {
  const keys = new Set<string>();
  const values = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    const def = defOf(node);
    if (!def || seen.has(def)) return;
    seen.add(def);
    if (def.type === 'object') {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        keys.add(key);
        walk(child);
      }
    }
    if (def.type === 'enum') for (const value of Object.values(def.entries as Record<string, unknown>)) if (typeof value === 'string') values.add(value);
    for (const name of ['in', 'out', 'innerType', 'element']) walk(def[name]);
    for (const option of (def.options as unknown[] | undefined) ?? []) walk(option);
  };
  walk(schema);
  return { keys: [...keys], values: [...values] };
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../../etc/passwd',
  '..\\..\\notebook.json',
  '%2e%2e%2fnotebook.json',
  'articles/../notebook.json',
  '\u0000',
  '\ud800',
  '\u202eevil',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<b>x</b>',
  // Nothing listens there: a call that reaches the network is refused at once.
  'http://127.0.0.1:1/notebook.git',
  'https://127.0.0.1:1/page.html',
  'art_',
  '1e309',
  'NaN',
  'x'.repeat(100_000),
  '😀'.repeat(2_000),
  'tag/'.repeat(500),
];

/** Well-formed ids of records that do not exist, one of each kind. */
const MISSING_IDS = ['art_0000000000000000', 'ann_0000000000000000', 'clm_0000000000000000', 'note_0000000000000000'];

/** Text for a string field: real and missing ids, the schema's own words, hostile text, anything. */
function textFor(values: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...realIds, ...MISSING_IDS) },
    { weight: 2, arbitrary: values.length > 0 ? fc.constantFrom(...values) : fc.constant('place') },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
  );
}

/** Text for a field by its name: ids for ids, addresses for addresses, else any text. */
function fieldText(key: string, text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  if (/(^id|Id|^ids)$/.test(key)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...realIds, ...MISSING_IDS) }, { weight: 1, arbitrary: text });
  if (/url|remote/i.test(key)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('http://127.0.0.1:1/notebook.git', 'https://127.0.0.1:1/page.html', 'file:///etc/passwd', 'javascript:alert(1)') }, { weight: 1, arbitrary: text });
  return text;
}

/**
 * Values shaped like the schema (objects with its fields, its enum values, numbers for
 * numbers), with text drawn from `textFor`: what gets past the first checks and into the
 * services, where a refusal has to leave the folder alone too.
 */
function shaped(schema: unknown, text: fc.Arbitrary<string>, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (!def) return fc.constant(null);
  switch (def.type) {
    case 'object': {
      const shape = Object.entries(def.shape as Record<string, unknown>);
      const fields = Object.fromEntries(shape.map(([name, child]) => [name, shaped(child, text, name)]));
      return fc.record(fields, { requiredKeys: shape.filter(([, child]) => !['optional', 'default'].includes(defOf(child)?.type ?? '')).map(([name]) => name) });
    }
    case 'optional':
    case 'default':
      // Mostly left out, so that the calls with every field right are not too rare.
      return fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: shaped(def.innerType, text, key) });
    case 'nullable':
      return fc.oneof(shaped(def.innerType, text, key), fc.constant(null));
    case 'pipe':
      return shaped(def.in, text, key);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => shaped(option, text, key)));
    case 'array':
      return fc.array(shaped(def.element, text, key), { minLength: 1, maxLength: 3 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(fc.integer({ min: -2, max: 2000 }), fc.constantFrom(0.5, 1e308));
    case 'string':
      return fieldText(key, text);
    default:
      return fc.constant(null);
  }
}

/** Hostile values of any type, under the schema's field names and prototype keys. */
function hostile(keys: string[], text: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    { weight: 5, arbitrary: text },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 0.5, 1e308, -0, 2 ** 53 + 2) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const key = fc.oneof(
    { weight: 6, arbitrary: keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('id') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      { weight: 2, arbitrary: fc.dictionary(key, tie('value'), { maxKeys: 5 }) },
    ),
  }));
  return fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }) },
    { weight: 1, arbitrary: value },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_000 }, () => realIds[0])) },
  );
}

function argument(method: ApiMethod): fc.Arbitrary<unknown> {
  const { keys, values } = vocabulary(apiArgs[method]);
  const text = textFor(values);
  return fc.oneof(shaped(apiArgs[method], text), hostile(keys, text));
}

async function post(method: ApiMethod, arg: unknown) {
  return rawRequest({
    port: host.port,
    method: 'POST',
    path: `/api/${method}`,
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(arg) ?? '',
  });
}

describe('API fuzzing through the browser-mode host', () => {
  for (const method of API_METHODS) {
    it(`${method}: always answers, with a typed error when it refuses, and a refusal changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(argument(method), async (arg) => {
          const before = await fingerprint(dir, savedInBackground);

          const response = await post(method, arg);

          expect(response.status).toBe(200);
          const answer = response.json() as { ok: boolean; error?: { code: ErrorCode; message: unknown } };
          if (answer.ok && isWriteMethod(method)) return;
          if (!answer.ok && !isKnownCiteprocBug(method, answer.error?.message)) {
            expect(TYPED_CODES).toContain(answer.error?.code);
            expect(answer.error?.message).toEqual(expect.stringMatching(/\w/));
          }
          await notebook.flush();
          const changes = fingerprintChanges(before, await fingerprint(dir, savedInBackground));
          if (!answer.ok && answer.error?.code === 'unavailable' && DEFERRED_BY_DESIGN.includes(method)) {
            expect(changes.filter((change) => !/ (\.git\/|unsent\.log$)/.test(change))).toEqual([]);
          } else {
            expect(changes).toEqual([]);
          }
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      // A few calls (imports, exports) take a second or more on a busy machine.
    }, 60_000 + RUNS * 2_000);
  }

  it('ends with the host still answering, no bug met and no prototype polluted', async () => {
    const status = await post('getNotebookStatus', {});
    expect(status.json()).toMatchObject({ ok: true, value: { location: dir } });
    expect(internalErrors.filter(({ method, message }) => !isKnownCiteprocBug(method, message))).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
