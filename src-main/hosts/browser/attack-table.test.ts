/**
 * Browser mode attacked from outside: the real host in front of a real notebook on a temporary
 * folder. Each attack is refused with the status and error that say why, and leaves the
 * notebook folder exactly as it was (every file's bytes compared), the process's prototypes
 * clean, and no CORS permission granted.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, type RawRequest, type RawResponse } from '../../../e2e/support/raw-http';
import type { ErrorCode } from '../../common/api';
import { openNotebook, type OpenNotebook } from '../../services/open-notebook';
import { fingerprint, fingerprintChanges, savedInBackground } from '../../test-support/folder-fingerprint';
import { startBrowserHost, type BrowserHost } from './http-host';

let work = '';
let notebookDir = '';
let notebook: OpenNotebook;
let host: BrowserHost;
/** The same notebook behind a host with a small body limit, so over-limit bodies stay small. */
let smallHost: BrowserHost;
let sampleId = '';
const internalErrors: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'marginalia-attacks-'));
  const renderer = join(work, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Marginalia</title>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(work, 'secret.txt'), 'secret beside the renderer');
  notebookDir = join(work, 'notebook');
  notebook = await openNotebook(notebookDir);
  const onInternalError = (method: string) => void internalErrors.push(method);
  host = await startBrowserHost({ handlers: notebook.handlers, feed: notebook.feed, rendererDir: renderer, port: 0, onInternalError });
  smallHost = await startBrowserHost({ handlers: notebook.handlers, feed: notebook.feed, rendererDir: renderer, port: 0, maxBodyBytes: 64 * 1024, onInternalError });
  const listed = await notebook.handlers.listArticles({});
  sampleId = listed[0]!.id;
  await notebook.searchIdle();
  await notebook.flush();
}, 60_000);

afterAll(async () => {
  await Promise.all([host?.close(), smallHost?.close()]);
  await notebook?.close();
  await rm(work, { recursive: true, force: true });
});

interface Attack {
  name: string;
  /** The request, given the host it is sent to. */
  request: (target: BrowserHost) => RawRequest;
  status: number;
  code: ErrorCode;
  message?: RegExp;
  /** Sent to the host with a 64 KiB body limit. */
  small?: boolean;
}

const json = { 'content-type': 'application/json' };
const bearer = (target: BrowserHost) => ({ authorization: `Bearer ${target.token}` });
/** A call that would change the notebook if it got through: a new note. */
const plantNote = JSON.stringify({ title: 'Planted by an attacker', body: 'This note must never be written.' });

function call(method: string, body: string | Buffer, headers: (target: BrowserHost) => Record<string, string> = (t) => ({ ...bearer(t), ...json })) {
  return (target: BrowserHost): RawRequest => ({ port: target.port, method: 'POST', path: `/api/${method}`, headers: headers(target), body });
}

function page(path: string, headers: (target: BrowserHost) => Record<string, string> = () => ({})) {
  return (target: BrowserHost): RawRequest => ({ port: target.port, path, headers: headers(target) });
}

const tokenAttacks: Attack[] = [
  { name: 'a write without the token', request: call('createNote', plantNote, () => json), status: 401, code: 'unavailable', message: /token is missing or wrong/ },
  { name: 'an empty bearer', request: call('createNote', plantNote, () => ({ ...json, authorization: 'Bearer ' })), status: 401, code: 'unavailable' },
  { name: 'a wrong token of the right length', request: call('createNote', plantNote, () => ({ ...json, authorization: `Bearer ${'0'.repeat(64)}` })), status: 401, code: 'unavailable' },
  { name: 'the token with its last digit changed', request: call('createNote', plantNote, (t) => ({ ...json, authorization: `Bearer ${t.token.slice(0, -1)}${t.token.endsWith('a') ? 'b' : 'a'}` })), status: 401, code: 'unavailable' },
  { name: 'the token cut short', request: call('createNote', plantNote, (t) => ({ ...json, authorization: `Bearer ${t.token.slice(0, 32)}` })), status: 401, code: 'unavailable' },
  { name: 'the token and more', request: call('createNote', plantNote, (t) => ({ ...json, authorization: `Bearer ${t.token} ${t.token}` })), status: 401, code: 'unavailable' },
  { name: 'the token under Basic', request: call('createNote', plantNote, (t) => ({ ...json, authorization: `Basic ${t.token}` })), status: 401, code: 'unavailable' },
  { name: 'the token in the query string', request: (t) => ({ ...call('createNote', plantNote, () => json)(t), path: `/api/createNote?token=${t.token}` }), status: 401, code: 'unavailable' },
  { name: 'the token in a cookie', request: call('createNote', plantNote, (t) => ({ ...json, cookie: `token=${t.token}` })), status: 401, code: 'unavailable' },
  { name: 'the change feed without the token', request: page('/api-events'), status: 401, code: 'unavailable' },
];

const forgeryAttacks: Attack[] = [
  { name: 'a foreign Host (DNS rebinding)', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, host: `evil.example:${t.port}` })), status: 403, code: 'unavailable', message: /answers only to 127\.0\.0\.1/ },
  { name: 'a rebinding name that resolves to us', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, host: `127.0.0.1.nip.io:${t.port}` })), status: 403, code: 'unavailable' },
  { name: 'Host without the port', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, host: '127.0.0.1' })), status: 403, code: 'unavailable' },
  { name: 'Host on another port', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, host: `127.0.0.1:${t.port + 1}` })), status: 403, code: 'unavailable' },
  { name: 'Host with credentials in it', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, host: `evil.example@127.0.0.1:${t.port}` })), status: 403, code: 'unavailable' },
  { name: 'Host of the IPv6 loopback', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, host: `[::1]:${t.port}` })), status: 403, code: 'unavailable' },
  { name: 'a page request with a foreign Host', request: page('/', (t) => ({ host: `evil.example:${t.port}` })), status: 403, code: 'unavailable' },
  { name: 'a foreign Origin', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, origin: 'https://evil.example' })), status: 403, code: 'unavailable', message: /other sites are refused .*evil\.example/ },
  { name: 'Origin null (a sandboxed frame, a file)', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, origin: 'null' })), status: 403, code: 'unavailable' },
  { name: 'Origin of this host over https', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, origin: `https://127.0.0.1:${t.port}` })), status: 403, code: 'unavailable' },
  { name: 'Origin of another port', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, origin: `http://127.0.0.1:${t.port + 1}` })), status: 403, code: 'unavailable' },
  { name: 'Origin that only starts like ours', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, origin: `http://127.0.0.1:${t.port}.evil.example` })), status: 403, code: 'unavailable' },
  { name: 'a foreign Origin on the change feed', request: page('/api-events', (t) => ({ ...bearer(t), origin: 'https://evil.example' })), status: 403, code: 'unavailable' },
];

const corsAttacks: Attack[] = [
  {
    name: 'a CORS preflight from another site',
    request: (t) => ({ port: t.port, method: 'OPTIONS', path: '/api/createNote', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } }),
    status: 403,
    code: 'unavailable',
  },
  {
    name: 'a CORS preflight with our own Origin (API calls are POST only)',
    request: (t) => ({ port: t.port, method: 'OPTIONS', path: '/api/createNote', headers: { origin: `http://127.0.0.1:${t.port}`, 'access-control-request-method': 'POST' } }),
    status: 405,
    code: 'invalid_argument',
  },
  { name: 'a form post from another site (no preflight)', request: call('createNote', 'title=x', (t) => ({ 'content-type': 'application/x-www-form-urlencoded', origin: `https://evil.example`, host: `127.0.0.1:${t.port}` })), status: 403, code: 'unavailable' },
];

const traversals = [
  '/../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/secret.txt',
  '/..%2fsecret.txt',
  '/%2e%2e%2fsecret.txt',
  '/%252e%252e/secret.txt',
  '/..%5csecret.txt',
  '/..\\secret.txt',
  '/assets/../../secret.txt',
  '/assets/%2e%2e/%2e%2e/notebook/notebook.json',
  '/../notebook/notebook.json',
  '/%2e%2e/notebook/notebook.json',
  '/..%2fnotebook%2farticles%2fart_samplejapanus2plus2.json',
  '/%c0%ae%c0%ae/secret.txt',
  '/%uff0e%uff0e/secret.txt',
  // Full-width full stops (U+FF0E), which some normalisations turn into dots.
  '/%EF%BC%8E%EF%BC%8E/secret.txt',
  '//etc/passwd',
  '/%2fetc%2fpasswd',
  '/index.html%00.js',
  '/%00',
  '/.%2e/secret.txt',
  '/.git/config',
];

const traversalAttacks: Attack[] = traversals.map((path) => ({ name: `the static path ${path}`, request: page(path), status: 404, code: 'not_found' }));

const bodyAttacks: Attack[] = [
  { name: 'a declared body over the limit', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, 'content-length': String(64 * 1024 * 1024 + 1) })), status: 413, code: 'invalid_argument', message: /larger than 64 MiB/ },
  { name: 'a chunked body over the limit', small: true, request: (t) => ({ ...call('createNote', JSON.stringify({ title: 'x', body: 'y'.repeat(100_000) }))(t), chunked: true }), status: 413, code: 'invalid_argument', message: /larger than 65,536 bytes/ },
  { name: 'a body that is cut off', request: call('createNote', plantNote.slice(0, 20)), status: 400, code: 'invalid_argument', message: /not valid JSON/ },
  { name: 'JSON with trailing garbage', request: call('createNote', `${plantNote}}`), status: 400, code: 'invalid_argument' },
  { name: 'JSON with comments', request: call('createNote', `/* x */ ${plantNote}`), status: 400, code: 'invalid_argument' },
  { name: 'single-quoted pseudo-JSON', request: call('createNote', "{'title':'x'}"), status: 400, code: 'invalid_argument' },
  { name: 'bytes that are not UTF-8', request: call('createNote', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), status: 400, code: 'invalid_argument' },
  { name: 'JSON nested 100,000 deep', request: call('createNote', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), status: 200, code: 'invalid_argument' },
  { name: 'a JSON array for the argument', request: call('createNote', '[]'), status: 200, code: 'invalid_argument' },
  { name: 'a JSON string for the argument', request: call('createNote', '"title"'), status: 200, code: 'invalid_argument' },
  { name: 'JSON null for the argument', request: call('createNote', 'null'), status: 200, code: 'invalid_argument' },
  { name: 'a body sent as text/plain', request: call('createNote', plantNote, (t) => ({ ...bearer(t), 'content-type': 'text/plain' })), status: 415, code: 'invalid_argument', message: /must be JSON/ },
  { name: 'a body without a Content-Type', request: call('createNote', plantNote, bearer), status: 415, code: 'invalid_argument' },
  { name: 'a form post', request: call('createNote', 'title=x&body=y', (t) => ({ ...bearer(t), 'content-type': 'application/x-www-form-urlencoded' })), status: 415, code: 'invalid_argument' },
  { name: 'a multipart post', request: call('createNote', '--b\r\n\r\nx\r\n--b--', (t) => ({ ...bearer(t), 'content-type': 'multipart/form-data; boundary=b' })), status: 415, code: 'invalid_argument' },
  { name: 'a JSON look-alike type', request: call('createNote', plantNote, (t) => ({ ...bearer(t), 'content-type': 'application/json-patch+json' })), status: 415, code: 'invalid_argument' },
  { name: 'GET on a write', request: (t) => ({ port: t.port, path: '/api/createNote', headers: bearer(t) }), status: 405, code: 'invalid_argument' },
  { name: 'DELETE on a write', request: (t) => ({ port: t.port, method: 'DELETE', path: `/api/deleteArticle`, headers: { ...bearer(t), ...json }, body: JSON.stringify({ id: sampleId }) }), status: 405, code: 'invalid_argument' },
  { name: 'PUT over a static file', request: (t) => ({ port: t.port, method: 'PUT', path: '/index.html', headers: bearer(t), body: '<script>alert(1)</script>' }), status: 405, code: 'invalid_argument' },
];

const prototypeAttacks: Attack[] = [
  { name: '__proto__ in the argument', request: call('createNote', '{"title":"x","__proto__":{"polluted":"yes"}}'), status: 200, code: 'invalid_argument', message: /unknown field "__proto__"/ },
  { name: 'constructor.prototype in the argument', request: call('createNote', '{"title":"x","constructor":{"prototype":{"polluted":"yes"}}}'), status: 200, code: 'invalid_argument', message: /unknown field "constructor"/ },
  { name: '__proto__ nested in a target', request: call('linkNote', '{"noteId":"note_0123456789","target":{"__proto__":{"polluted":"yes"},"kind":"claim","id":"clm_0123456789"},"relation":"supports"}'), status: 200, code: 'invalid_argument' },
  { name: '__proto__ as the legend colour', request: call('updateLegend', '{"color":"__proto__","meaning":"polluted"}'), status: 200, code: 'invalid_argument' },
  { name: 'constructor as the legend colour', request: call('updateLegend', '{"color":"constructor","meaning":"polluted"}'), status: 200, code: 'invalid_argument' },
  { name: '__proto__ as a call name', request: call('__proto__', '{}'), status: 404, code: 'not_found' },
  { name: 'constructor as a call name', request: call('constructor', '{}'), status: 404, code: 'not_found' },
  { name: 'hasOwnProperty as a call name', request: call('hasOwnProperty', '{}'), status: 404, code: 'not_found' },
  { name: 'toString as a call name', request: call('toString', '{}'), status: 404, code: 'not_found' },
  { name: 'an article id of __proto__', request: call('deleteArticle', '{"id":"__proto__"}'), status: 200, code: 'invalid_argument' },
];

const idAttacks: Attack[] = [
  ...['', 'art_', 'art_../../notebook', 'art_%2e%2e', 'art_..%2f..%2fnotebook', 'ART_SAMPLEJAPANUS2PLUS2', 'art_samplejapanus2plus2/../x', 'art_samplejapanus2plus2\u0000', 'art_samplejapanus2plus2.json', 'note_0123456789', `art_${'a'.repeat(10_000)}`, 'art_ｓａｍｐｌｅ12345678'].map(
    (id): Attack => ({ name: `deleteArticle with the id ${JSON.stringify(id.length > 40 ? `${id.slice(0, 12)}…` : id)}`, request: call('deleteArticle', JSON.stringify({ id })), status: 200, code: 'invalid_argument' }),
  ),
  ...[null, 7, ['art_samplejapanus2plus2'], { id: 'art_samplejapanus2plus2' }, true].map(
    (id): Attack => ({ name: `deleteArticle with the id ${JSON.stringify(id)}`, request: call('deleteArticle', JSON.stringify({ id })), status: 200, code: 'invalid_argument' }),
  ),
  { name: 'deleteArticle of an article that does not exist', request: call('deleteArticle', '{"id":"art_0000000000000000"}'), status: 200, code: 'not_found' },
  { name: 'updateNote of a note that does not exist', request: call('updateNote', '{"id":"note_0000000000000000","title":"x"}'), status: 200, code: 'not_found' },
  { name: 'deleteArticles with one bad id among good ones', request: () => call('deleteArticles', JSON.stringify({ ids: [sampleId, 'art_../x'] }))(host), status: 200, code: 'invalid_argument' },
];

const longInputAttacks: Attack[] = [
  { name: 'a call name of 100,000 characters', request: call('a'.repeat(100_000), '{}'), status: 414, code: 'invalid_argument', message: /address of this request is longer than 16 KiB/ },
  { name: 'a static path of 100,000 characters', request: page(`/${'a'.repeat(100_000)}`), status: 414, code: 'invalid_argument' },
  { name: 'a call name of 10,000 characters', request: call('a'.repeat(10_000), '{}'), status: 404, code: 'not_found', message: /no call named "a{80}…"/ },
  { name: 'a header of 100,000 characters', request: call('createNote', plantNote, (t) => ({ ...bearer(t), ...json, 'x-padding': 'p'.repeat(100_000) })), status: 431, code: 'invalid_argument', message: /headers of this request are larger than 16 KiB/ },
  { name: 'a note title of 1,000,000 characters', request: call('createNote', JSON.stringify({ title: 't'.repeat(1_000_000) })), status: 200, code: 'invalid_argument', message: /title/ },
  { name: 'a tag of 100,000 characters', request: call('createNote', JSON.stringify({ title: 'x', tags: ['t'.repeat(100_000)] })), status: 200, code: 'invalid_argument' },
  { name: '100,000 tags', request: call('createNote', JSON.stringify({ title: 'x', tags: Array.from({ length: 100_000 }, (_, i) => `t${i}`) })), status: 200, code: 'invalid_argument' },
  { name: 'a legend meaning of 100,000 characters', request: call('updateLegend', JSON.stringify({ color: 'yellow', meaning: 'm'.repeat(100_000) })), status: 200, code: 'invalid_argument' },
  { name: 'a search of 1,000,000 characters', request: call('search', JSON.stringify({ query: 'q'.repeat(1_000_000) })), status: 200, code: 'invalid_argument' },
  { name: 'an article of more than 5,000,000 characters', request: call('importArticle', JSON.stringify({ format: 'text', content: 'w'.repeat(5_000_001) })), status: 200, code: 'invalid_argument', message: /longer than 5,000,000/ },
];

const tables: [string, Attack[]][] = [
  ['the token', tokenAttacks],
  ['Host and Origin forgery', forgeryAttacks],
  ['CORS', corsAttacks],
  ['path traversal on static files', traversalAttacks],
  ['bodies and methods', bodyAttacks],
  ['prototype keys', prototypeAttacks],
  ['ids', idAttacks],
  ['over-long inputs', longInputAttacks],
];

function errorOf(response: RawResponse): { code: string; message: string } {
  const body = response.json() as { ok: boolean; error?: { code: string; message: string } };
  expect(body.ok).toBe(false);
  return body.error!;
}

for (const [table, attacks] of tables) {
  describe(`browser mode refuses attacks: ${table}`, () => {
    for (const attack of attacks) {
      it(`${attack.name} → ${attack.status} ${attack.code}`, async () => {
        const target = attack.small ? smallHost : host;
        const before = await fingerprint(notebookDir, savedInBackground);

        const response = await rawRequest(attack.request(target));

        expect(response.status).toBe(attack.status);
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
        const error = errorOf(response);
        expect(error.code).toBe(attack.code);
        expect(error.message).toMatch(attack.message ?? /\w/);
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
        expect(response.text).not.toContain('secret beside the renderer');
        expect(Object.prototype).not.toHaveProperty('polluted');
        await notebook.flush();
        expect(fingerprintChanges(before, await fingerprint(notebookDir, savedInBackground))).toEqual([]);
      });
    }
  });
}

describe('browser mode after the attacks', () => {
  it('still serves the page and answers calls, and met no bug on the way', async () => {
    expect((await rawRequest(page('/')(host))).status).toBe(200);
    const status = await rawRequest(call('getNotebookStatus', '{}')(host));
    expect(status.json()).toMatchObject({ ok: true, value: { location: notebookDir } });
    expect(internalErrors).toEqual([]);
  });
});

describe('browser mode listens on the loopback address only', () => {
  const reachable = (address: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host: address, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });

  it('prints an address on 127.0.0.1', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('accepts connections on 127.0.0.1 and refuses them on every other address of the machine', async () => {
    expect(await reachable('127.0.0.1', host.port)).toBe(true);
    // On Linux all of 127.0.0.0/8 reaches this machine: a server bound to every address
    // (0.0.0.0) would answer on 127.0.0.2 too; one bound to 127.0.0.1 does not.
    const { networkInterfaces } = await import('node:os');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && entry.address !== '127.0.0.1' && !entry.address.startsWith('fe80:'))
      .map((entry) => entry!.address);
    for (const address of ['127.0.0.2', '::1', ...others]) expect(await reachable(address, host.port), address).toBe(false);
  });
});
