// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../src-main/common/api-methods';
import type { NotebookApi } from '../src-main/common/api';
import {
  BAD_TOKEN_MESSAGE,
  REFUSED_MESSAGE,
  TOKEN_KEY,
  UNREACHABLE_MESSAGE,
  createHttpClient,
  createIpcClient,
  takeToken,
} from './notebook-client';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the browser-mode client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('has exactly the contract methods', () => {
    const client = createHttpClient({ getToken: () => 'abc' });
    expect(Object.keys(client).sort()).toEqual([...API_METHODS].sort());
  });

  it('answers unavailable, never throws, when the host cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const client = createHttpClient({ getToken: () => 'abc' });
    await expect(client.listArticles({})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: UNREACHABLE_MESSAGE },
    });
  });

  it('sends each write once the one before is answered, so the host commits them in order; reads and imports do not wait', async () => {
    const pending: { method: string; answer: (body: unknown) => void }[] = [];
    const fetchImpl = vi.fn((url: string) => new Promise<Response>((resolve) => pending.push({ method: url.slice('/api/'.length), answer: (body) => resolve(json(body)) })));
    const client = createHttpClient({ getToken: () => 'abc', fetchImpl: fetchImpl as unknown as typeof fetch });

    const highlight = client.createAnnotation({ articleId: 'art_12345678', target: { quote: { exact: 'a', prefix: '', suffix: '' }, position: { start: 0, end: 1 } } });
    const undo = client.undo({});
    const list = client.listArticles({});
    const imported = client.importArticle({ format: 'text', content: 'Words.' });
    const sent = () => pending.map((p) => p.method).sort();
    await vi.waitFor(() => expect(sent()).toEqual(['createAnnotation', 'importArticle', 'listArticles']));
    const answer = (method: string, value: unknown) => pending.find((p) => p.method === method)!.answer({ ok: true, value });

    answer('createAnnotation', { id: 'ann_1' });
    await vi.waitFor(() => expect(sent()).toContain('undo'));
    answer('undo', null);
    answer('listArticles', []);
    answer('importArticle', {});
    await expect(highlight).resolves.toEqual({ ok: true, value: { id: 'ann_1' } });
    await expect(undo).resolves.toEqual({ ok: true, value: null });
    await Promise.all([list, imported]);
  });

  it('keeps sending writes after one fails', async () => {
    const fetchImpl = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(json({ ok: true, value: null }));
    const client = createHttpClient({ getToken: () => 'abc', fetchImpl });
    const [first, second] = await Promise.all([client.undo({}), client.redo({})]);
    expect(first).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(second).toEqual({ ok: true, value: null });
  });

  it('POSTs the argument as JSON to /api/<method> with the token', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(json({ ok: true, value: { id: 'art_12345678' } }));
    const client = createHttpClient({ getToken: () => 'c0ffee', fetchImpl });
    const answer = await client.deleteArticle({ id: 'art_12345678' });
    expect(answer).toEqual({ ok: true, value: { id: 'art_12345678' } });
    expect(fetchImpl).toHaveBeenCalledWith('/api/deleteArticle', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer c0ffee' },
      body: JSON.stringify({ id: 'art_12345678' }),
    });
  });

  it.each([
    ['a 401', new Response('Unauthorized', { status: 401 }), BAD_TOKEN_MESSAGE],
    ['a 401 with a JSON body', json({ ok: false, error: { code: 'internal', message: 'no' } }, 401), BAD_TOKEN_MESSAGE],
    ['a 403', new Response('Forbidden', { status: 403 }), REFUSED_MESSAGE],
    ['an HTML page', new Response('<html>oops</html>', { status: 200 }), /cannot read \(HTTP 200 for getArticle\)/],
    ['a 502 with no body', new Response(null, { status: 502 }), /HTTP 502/],
    ['JSON of another shape', json({ hello: 'world' }), /cannot read/],
    ['an error without a message', json({ ok: false, error: { code: 'internal' } }, 500), /HTTP 500/],
  ])('turns %s into an unavailable error a person can act on', async (_, response, message) => {
    const client = createHttpClient({ getToken: () => 'abc', fetchImpl: vi.fn().mockResolvedValue(response) });
    const answer = await client.getArticle({ id: 'art_12345678' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('unavailable');
    if (typeof message === 'string') expect(answer.error.message).toBe(message);
    else expect(answer.error.message).toMatch(message);
  });

  it("passes the host's own errors through, whatever the HTTP status", async () => {
    const error = { code: 'invalid_argument', message: 'Invalid argument to getArticle: "id" is required.' };
    const client = createHttpClient({ getToken: () => 'abc', fetchImpl: vi.fn().mockResolvedValue(json({ ok: false, error }, 400)) });
    await expect(client.getArticle({ id: 'art_12345678' })).resolves.toEqual({ ok: false, error });
  });
});

describe('the browser-mode token', () => {
  beforeEach(() => {
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('is taken from the fragment, kept for reloads, and removed from the address bar', () => {
    history.replaceState(null, '', '/?view=1#token=0a1b2c');
    expect(takeToken(window)).toBe('0a1b2c');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('0a1b2c');
    expect(location.hash).toBe('');
    expect(location.search).toBe('?view=1');
  });

  it('comes from sessionStorage after a reload', () => {
    sessionStorage.setItem(TOKEN_KEY, 'feed');
    expect(takeToken(window)).toBe('feed');
  });

  it('is absent when neither has it', () => {
    expect(takeToken(window)).toBeUndefined();
  });
});

describe('the Electron client', () => {
  it('forwards to the preload bridge and turns a rejected call into unavailable', async () => {
    const bridge = {
      listArticles: vi.fn().mockResolvedValue({ ok: true, value: [] }),
      getArticle: vi.fn().mockRejectedValue(new Error('No handler registered')),
    } as unknown as NotebookApi;
    const client = createIpcClient(bridge);
    await expect(client.listArticles({})).resolves.toEqual({ ok: true, value: [] });
    const failed = await client.getArticle({ id: 'art_12345678' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const missing = await client.deleteArticle({ id: 'art_12345678' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
