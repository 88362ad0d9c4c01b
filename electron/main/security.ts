/**
 * The window's security settings as plain data and pure functions, so they are unit-tested
 * without the Electron binary. Only type imports from 'electron' here.
 */
import type { WebPreferences } from 'electron';

/** The renderer is served from this privileged custom scheme, never from file:// or http://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'linkdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Developer tools open only in a development run that asks for them (LINKDESK_DEVTOOLS=1):
 * in a packaged build the variable has no effect, so nobody at a team manager's laptop can
 * reach the renderer's console and the open database through it.
 */
export function devToolsAllowed(isPackaged: boolean, env: Record<string, string | undefined>): boolean {
  return !isPackaged && env.LINKDESK_DEVTOOLS === '1';
}

export function secureWebPreferences(preloadPath: string, options: { devTools: boolean } = { devTools: false }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: options.devTools,
  };
}

function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(frame: { url: string; parent?: unknown } | null | undefined): boolean {
  if (!frame || (frame.parent !== null && frame.parent !== undefined)) return false;
  return originOf(frame.url) === APP_ORIGIN;
}

/** The window never leaves the app: no navigation to any other origin. */
export function isAllowedNavigation(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/** Links to the web (GIAS, council pages) open in the user's browser, and only https ones. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
