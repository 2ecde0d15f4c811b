/** Electron entry: the desktop app. Browser mode's entry is `serve.ts`. */
import { startDesktopApp } from './hosts/electron/desktop-app';

startDesktopApp();
