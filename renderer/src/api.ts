/**
 * The renderer's only way to the application: a typed client over `window.linkdesk`
 * (Electron's preload) or, in browser mode, over local HTTP with the per-start token.
 */
import type { InputOf, MethodName, OutputOf } from '../../shared/api.ts';
import { AppError, isAppErrorShape, type Result } from '../../shared/errors.ts';

declare global {
  interface Window {
    linkdesk?: {
      invoke(method: string, input: unknown): Promise<unknown>;
      /** Electron's native dialogs (see files.ts); absent in browser mode. */
      files?: {
        chooseOpen(input: unknown): Promise<unknown>;
        chooseSave(input: unknown): Promise<unknown>;
        chooseFolder(input: unknown): Promise<unknown>;
      };
    };
  }
}

const TOKEN_KEY = 'linkdesk.token';

/** Browser mode's per-start token, for the other requests of the HTTP transport (uploads). */
export function httpToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Browser mode is opened as `/#token=…`: keep the token for this tab and clear it from the address bar. */
export function captureTokenFromLocation(): void {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
  }
}

async function overHttp(method: string, input: unknown): Promise<unknown> {
  const token = httpToken();
  try {
    const response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-linkdesk-token': token },
      body: JSON.stringify(input ?? {}),
    });
    return await response.json();
  } catch {
    return { ok: false, error: { code: 'internal', message: 'LinkDesk is not answering. Is it still running?' } };
  }
}

/** The value of a Result envelope, or its error thrown as an AppError. */
export function unwrap<T>(raw: unknown): T {
  const result = raw as Result<T>;
  if (result && result.ok === true) return result.value;
  const error = result && !result.ok && isAppErrorShape(result.error) ? result.error : { code: 'internal' as const, message: 'LinkDesk sent an answer it could not read.' };
  throw AppError.fromShape(error);
}

export async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  return unwrap<OutputOf<M>>(window.linkdesk ? await window.linkdesk.invoke(method, input) : await overHttp(method, input));
}
