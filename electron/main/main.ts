/**
 * Electron lifecycle: single instance, the app:// scheme serving the built renderer with
 * the CSP, permissions denied, the IPC binding, the idle lock and the menu. Everything else
 * lives in electron/app and runs under plain Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, powerMonitor, protocol, session, shell } from 'electron';
import { AppError } from '../../shared/errors.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { MachineConfig } from '../app/config/machine-config.ts';
import { createDispatcher } from '../app/dispatcher.ts';
import { takeSecretsFromEnvironment } from '../app/environment.ts';
import { AppSession, IDLE_GRACE_MS } from '../app/session.ts';
import { bindFileDialogs } from './file-dialogs.ts';
import { bindApiToIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { APP_HOST, APP_SCHEME } from './security.ts';
import { createMainWindow } from './window.ts';

// The app asks for passphrases on screen; one left in the environment would only be inherited
// by the programs shell.openPath starts.
takeSecretsFromEnvironment();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
]);

const rendererDir = path.join(__dirname, '..', 'dist', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  void app.whenReady().then(start);
}

function start(): void {
  const appSession = new AppSession({
    config: new MachineConfig(process.env.LINKDESK_HOME ?? app.getPath('userData')),
    mode: 'electron',
    openFile: async (file) => {
      const problem = await shell.openPath(file);
      if (problem) throw new AppError('internal', `${file} could not be opened: ${problem}`);
    },
  });
  const dispatch = createDispatcher(appSession);
  appSession.log.info(`LinkDesk ${app.getVersion()} started${app.isPackaged ? '' : ' (development)'}`);
  // Logged with its stack (no message: it can hold user data); Electron then reports it as usual.
  process.on('uncaughtExceptionMonitor', (error) => appSession.log.internalError('the main process', error));

  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = path.posix.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative || 'index.html');
    if (url.host !== APP_HOST || !file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  bindApiToIpc(ipcMain, dispatch);
  bindFileDialogs(ipcMain, {
    dialog,
    windowOf: (event) => BrowserWindow.fromWebContents(event.sender),
    startFolder: app.getPath('documents'),
    exists: (file) => fs.existsSync(file),
  });

  const lockNow = (): void => {
    if (!appSession.hasDatabase) return;
    appSession.lock();
    mainWindow?.webContents.reload();
  };
  // The renderer locks after its own idle timer too; this covers a screen lock or sleep.
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);
  setInterval(() => {
    if (!appSession.hasDatabase) return;
    const minutes = appSession.database.team().settings.idleLockMinutes;
    // A minute after the renderer's own lock, which warns first and keeps what was typed (session.ts).
    if (powerMonitor.getSystemIdleTime() * 1000 >= minutes * 60_000 + IDLE_GRACE_MS) lockNow();
    else if (appSession.lockIfIdle()) mainWindow?.webContents.reload();
  }, 30_000).unref();

  Menu.setApplicationMenu(buildMenu({ lock: lockNow }));
  mainWindow = createMainWindow(preloadPath);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('window-all-closed', () => {
    appSession.lock();
    app.quit();
  });
  app.on('before-quit', () => appSession.lock());
}
