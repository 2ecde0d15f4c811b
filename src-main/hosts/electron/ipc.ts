/**
 * Registers one IPC handler per contract method. Calls are accepted only from the main frame
 * of the app's own window showing the app's own page (app://marginalia/, or the dev server in
 * an unpackaged app); every argument is validated by `dispatch` before a service sees it.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiResponse, NotebookHandlers } from '../../common/api';
import { dispatch } from '../../common/api-dispatch';
import { API_METHODS, ipcChannel } from '../../common/api-methods';
import { currentAppPage } from './main-window';

function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | undefined): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame === window.webContents.mainFrame && currentAppPage().isAppUrl(frame.url);
}

export function registerIpc(handlers: NotebookHandlers, appWindow: () => BrowserWindow | undefined): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, arg: unknown): Promise<ApiResponse<unknown>> => {
      if (!isTrustedSender(event, appWindow())) {
        return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'Calls are accepted only from the Marginalia window.' } });
      }
      return dispatch(handlers, method, arg, {
        onInternalError: (name, error) => console.error(`[marginalia] ${name} failed:`, error),
      });
    });
  }
}
