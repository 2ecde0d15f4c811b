/**
 * The one place the renderer hears the notebook's change feed: `window.notebookFeed` in
 * Electron; in browser mode a streamed GET of `/api-events` with the token (Server-Sent Events
 * read through `fetch`, which can send the Authorization header). The stream reconnects after a
 * drop, and says so, since changes made meanwhile were missed.
 */
import { FEED_PATH, type ChangeListener, type NotebookChange, type NotebookFeed } from '../src-main/common/change-feed';
import { browserToken } from './notebook-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    notebookFeed?: NotebookFeed;
  }
}

/** Waits between reconnection attempts (doubling up to the last). */
const RECONNECT_MS = [500, 1000, 2000, 5000];

export interface HttpFeedOptions {
  getToken: () => string | undefined;
  fetchImpl?: typeof fetch;
  /** Called after the stream came back from a drop: changes may have been missed. */
  onReconnect: () => void;
}

/** Splits a Server-Sent Events stream into the `data` of each event. */
export function parseEvents(buffer: string): { events: string[]; rest: string } {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    return data.length > 0 ? [data.join('\n')] : [];
  });
  return { events, rest };
}

export function createHttpFeed({ getToken, fetchImpl, onReconnect }: HttpFeedOptions): NotebookFeed {
  const listeners = new Set<ChangeListener>();
  let running = false;

  /** Reads the stream until it ends; answers whether it was open at all. */
  async function readOnce(onOpen: () => void): Promise<boolean> {
    const token = getToken();
    const response = await (fetchImpl ?? fetch)(FEED_PATH, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!response.ok || !response.body) return false;
    onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      const parsed = parseEvents(buffer + value);
      buffer = parsed.rest;
      for (const data of parsed.events) {
        const change = JSON.parse(data) as NotebookChange;
        for (const listener of listeners) listener(change);
      }
    }
  }

  async function run(): Promise<void> {
    let attempt = 0;
    let dropped = false;
    while (listeners.size > 0) {
      // After a drop, what changed meanwhile is fetched once the stream is open again.
      const onOpen = () => {
        if (dropped) onReconnect();
        attempt = 0;
      };
      await readOnce(onOpen).catch(() => false);
      if (listeners.size === 0) break;
      dropped = true;
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]));
    }
    running = false;
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!running) {
        running = true;
        void run();
      }
      return () => void listeners.delete(listener);
    },
  };
}

function createFeed(onReconnect: () => void): NotebookFeed {
  if (typeof window !== 'undefined' && window.notebookFeed) return window.notebookFeed;
  return createHttpFeed({ getToken: browserToken, onReconnect });
}

let reconnectHandler: () => void = () => {};

/** What to do when the feed came back after a drop (set by the app at start). */
export function onFeedReconnect(handler: () => void): void {
  reconnectHandler = handler;
}

/** The change feed, as the renderer hears it. */
export const notebookFeed: NotebookFeed = createFeed(() => reconnectHandler());
