/**
 * The renderer's only way to the application: a typed client over `window.linkdesk`
 * (Electron's preload) or, in browser mode, over local HTTP with the per-start token.
 */
import type { InputOf, MethodName, OutputOf } from '../../shared/api.ts';
import { AppError, isAppErrorShape, type Result } from '../../shared/errors.ts';

declare global {
  interface Window {
    linkdesk?: { invoke(method: string, input: unknown): Promise<unknown> };
  }
}

const TOKEN_KEY = 'linkdesk.token';

/** Browser mode is opened as `/#token=…`: keep the token for this tab and clear it from the address bar. */
export function captureTokenFromLocation(): void {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
  }
}

async function overHttp(method: string, input: unknown): Promise<unknown> {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
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

export async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const raw = window.linkdesk ? await window.linkdesk.invoke(method, input) : await overHttp(method, input);
  const result = raw as Result<OutputOf<M>>;
  if (result && result.ok === true) return result.value;
  const error = result && !result.ok && isAppErrorShape(result.error) ? result.error : { code: 'internal' as const, message: 'LinkDesk sent an answer it could not read.' };
  throw AppError.fromShape(error);
}
