/**
 * What the preload hands the page: three named bridges and nothing else. No `ipcRenderer`, no
 * channel name, no IPC event (its `sender` is the ipcRenderer), no Node — the page can only
 * make the contract's calls, hear committed changes and hear the menu's commands.
 * `electron` is a recorder here (no Electron binary can run on this machine).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../common/api-methods';
import { FEED_CHANNEL } from '../common/change-feed';
import { MENU_CHANNEL } from '../common/app-menu';

const bridge = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as unknown[][], ipcRenderer: undefined as unknown }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: (...args: unknown[]) => {
      bridge.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    send: () => undefined,
    sendSync: () => undefined,
    postMessage: () => undefined,
  });
  bridge.ipcRenderer = ipcRenderer;
  return {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => void bridge.exposed.set(key, value),
    },
  };
});

await import('./index');
const ipc = bridge.ipcRenderer as EventEmitter;

/** Every value reachable from `value` through own properties (what the page could get at). */
function reachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return [];
  seen.add(value);
  return [value, ...Reflect.ownKeys(value).flatMap((key) => reachable((value as Record<PropertyKey, unknown>)[key], seen))];
}

describe('the preload', () => {
  it('exposes exactly window.notebook, window.notebookFeed and window.appMenu', () => {
    expect([...bridge.exposed.keys()].sort()).toEqual(['appMenu', 'notebook', 'notebookFeed']);
  });

  it('gives window.notebook exactly the contract’s calls, each a function', () => {
    const notebook = bridge.exposed.get('notebook') as Record<string, unknown>;
    expect(Object.keys(notebook).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof notebook[method]).toBe('function');
  });

  it('lets nothing reach ipcRenderer or any of its functions', () => {
    const ipcParts = new Set<unknown>([ipc, ...Object.values(ipc), EventEmitter.prototype.on, EventEmitter.prototype.emit]);
    const leaked = [...bridge.exposed.values()].flatMap((value) => reachable(value)).filter((value) => ipcParts.has(value));
    expect(leaked).toEqual([]);
    const names = [...bridge.exposed.values()].flatMap((value) => reachable(value)).flatMap((value) => Object.keys(value as object));
    for (const raw of ['invoke', 'send', 'sendSync', 'on', 'once', 'emit', 'postMessage', 'removeListener', 'ipcRenderer', 'process', 'require']) expect(names).not.toContain(raw);
  });

  it('sends each call on its own channel with only its argument', async () => {
    const notebook = bridge.exposed.get('notebook') as Record<string, (arg?: unknown) => Promise<unknown>>;
    bridge.invoked.length = 0;
    await notebook.getArticle!({ id: 'art_0123456789' });
    await notebook.listArticles!();
    expect(bridge.invoked).toEqual([
      [ipcChannel('getArticle'), { id: 'art_0123456789' }],
      [ipcChannel('listArticles'), {}],
    ]);
  });

  it('hands the page each committed change without the IPC event, and stops when asked', () => {
    const feed = bridge.exposed.get('notebookFeed') as { subscribe(listener: (...args: unknown[]) => void): () => void };
    const heard: unknown[][] = [];
    const stop = feed.subscribe((...args) => heard.push(args));
    ipc.emit(FEED_CHANNEL, { sender: ipc }, { seq: 1 });
    stop();
    ipc.emit(FEED_CHANNEL, { sender: ipc }, { seq: 2 });
    expect(heard).toEqual([[{ seq: 1 }]]);
    expect(ipc.listenerCount(FEED_CHANNEL)).toBe(0);
  });

  it('hands the page only the menu’s known commands, without the IPC event', () => {
    const menu = bridge.exposed.get('appMenu') as { onCommand(listener: (...args: unknown[]) => void): () => void };
    const heard: unknown[][] = [];
    const stop = menu.onCommand((...args) => heard.push(args));
    ipc.emit(MENU_CHANNEL, { sender: ipc }, 'undo');
    ipc.emit(MENU_CHANNEL, { sender: ipc }, 'rm -rf');
    ipc.emit(MENU_CHANNEL, { sender: ipc }, { toString: () => 'undo' });
    stop();
    ipc.emit(MENU_CHANNEL, { sender: ipc }, 'redo');
    expect(heard).toEqual([['undo']]);
    expect(ipc.listenerCount(MENU_CHANNEL)).toBe(0);
  });
});
