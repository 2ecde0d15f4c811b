/**
 * The bridge between the sandboxed renderer and the main process: `window.notebook` is an
 * allowlist of the contract's methods, each one an `invoke` on its own channel;
 * `window.notebookFeed` only lets the page hear committed changes, and `window.appMenu` the
 * menu's commands. Nothing else (no ipcRenderer, no channel strings, no Node) reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { NotebookApi } from '../common/api';
import { buildNotebookApi } from '../common/api-client';
import { ipcChannel } from '../common/api-methods';
import { FEED_CHANNEL, type NotebookChange, type NotebookFeed } from '../common/change-feed';
import { MENU_CHANNEL, isMenuCommand, type AppMenuBridge } from '../common/app-menu';

const notebook = buildNotebookApi((method, arg) => ipcRenderer.invoke(ipcChannel(method), arg)) satisfies NotebookApi;

const appMenu = {
  onCommand(listener) {
    const forward = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(MENU_CHANNEL, forward);
  },
} satisfies AppMenuBridge;

const notebookFeed = {
  subscribe(listener) {
    const forward = (_event: unknown, change: NotebookChange) => listener(change);
    ipcRenderer.on(FEED_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(FEED_CHANNEL, forward);
  },
} satisfies NotebookFeed;

contextBridge.exposeInMainWorld('notebook', notebook);
contextBridge.exposeInMainWorld('notebookFeed', notebookFeed);
contextBridge.exposeInMainWorld('appMenu', appMenu);
