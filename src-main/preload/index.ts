/**
 * The bridge between the sandboxed renderer and the main process: `window.notebook` is an
 * allowlist of the contract's methods, each one an `invoke` on its own channel. Nothing else
 * (no ipcRenderer, no channel strings, no Node) reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { NotebookApi } from '../common/api';
import { buildNotebookApi } from '../common/api-client';
import { ipcChannel } from '../common/api-methods';

const notebook = buildNotebookApi((method, arg) => ipcRenderer.invoke(ipcChannel(method), arg)) satisfies NotebookApi;

contextBridge.exposeInMainWorld('notebook', notebook);
