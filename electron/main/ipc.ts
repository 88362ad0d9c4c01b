/**
 * Binds the API to one IPC channel. The handler refuses any sender that is not the app's own
 * top-level page, then hands the call to the same dispatcher the HTTP transport uses.
 */
import type { Result } from '../../shared/errors.ts';
import type { Dispatch } from '../app/dispatcher.ts';
import { isTrustedSender } from './security.ts';

export const API_CHANNEL = 'linkdesk:api';
/** The native file dialogs (file-dialogs.ts); here so the preload stays a few lines with nothing bundled. */
export const FILES_CHANNEL = 'linkdesk:files';

export interface InvokeEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export function bindApiToIpc(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  ipcMain.handle(API_CHANNEL, async (event, method, input): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'forbidden', message: 'This window is not allowed to call LinkDesk.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', message: 'The API method must be a name.' } };
    }
    return dispatch(method, input);
  });
}
