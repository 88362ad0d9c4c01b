import path from 'node:path';
import { app, BrowserWindow, shell } from 'electron';
import { APP_ENTRY_URL, devToolsAllowed, isAllowedNavigation, isExternalLinkAllowed, secureWebPreferences } from './security.ts';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: 'LinkDesk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(path.resolve(preloadPath), { devTools: devToolsAllowed(app.isPackaged, process.env) }),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
