// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { NotebookChange } from '../src-main/common/change-feed';
import { createHttpFeed, parseEvents } from './notebook-feed';

const change = (seq: number): NotebookChange => ({ seq, label: 'Highlight', articles: [], claims: [], notes: [], history: { undo: null, redo: null } });

/** A streamed response whose chunks the test pushes. */
function streamed() {
  let push!: (text: string) => void;
  let end!: () => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (text) => controller.enqueue(new TextEncoder().encode(text));
      end = () => controller.close();
    },
  });
  return { response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }), push: (text: string) => push(text), end: () => end() };
}

describe('the browser-mode change feed', () => {
  it('splits a stream into events, keeping a half-received one for the next chunk', () => {
    expect(parseEvents(': connected\n\nid: 1\ndata: {"a":1}\n\nid: 2\ndata: {"a"')).toEqual({ events: ['{"a":1}'], rest: 'id: 2\ndata: {"a"' });
  });

  it('delivers each change with the token, and after a drop reconnects and says changes may be missed', async () => {
    const first = streamed();
    const second = streamed();
    const fetchImpl = vi.fn().mockResolvedValueOnce(first.response).mockResolvedValueOnce(second.response);
    const onReconnect = vi.fn();
    const feed = createHttpFeed({ getToken: () => 'c0ffee', fetchImpl, onReconnect });
    const seen: number[] = [];
    const stop = feed.subscribe((c) => seen.push(c.seq));

    first.push(': connected\n\n');
    first.push(`id: 1\ndata: ${JSON.stringify(change(1))}\n\nid: 2\ndata: ${JSON.stringify(change(2)).slice(0, 10)}`);
    first.push(`${JSON.stringify(change(2)).slice(10)}\n\n`);
    await vi.waitFor(() => expect(seen).toEqual([1, 2]));
    expect(fetchImpl).toHaveBeenCalledWith('/api-events', { headers: { Authorization: 'Bearer c0ffee' } });
    expect(onReconnect).not.toHaveBeenCalled();

    first.end();
    await vi.waitFor(() => expect(onReconnect).toHaveBeenCalledTimes(1), { timeout: 3000 });
    second.push(`id: 3\ndata: ${JSON.stringify(change(3))}\n\n`);
    await vi.waitFor(() => expect(seen).toEqual([1, 2, 3]));
    stop();
    second.end();
  });
});
