/**
 * `linkdesk serve` listens before the rest of LinkDesk has loaded: the address is printed and
 * the browser starts fetching the screens while the services and the API's schemas load (most
 * of a start's work). A call that arrives meanwhile waits for them. main.ts listens here first
 * when no --db is given; commands.ts then connects the dispatcher (or, if listening early failed,
 * listens itself and reports why).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { Dispatch } from '../app/dispatcher.ts';
import type { FileTransfers } from '../app/files/transfers.ts';
import { startHttpServer, type RunningServer } from '../http/server.ts';

export interface Listening {
  server: RunningServer;
  /** Hands the calls waiting, and every later one, to the dispatcher; uploads and downloads to the session's transfers. */
  connect(dispatch: Dispatch, transfers: FileTransfers): void;
}

/**
 * The checkout this command runs from: the nearest folder above this code that holds package.json
 * (the sources are in electron/cli/, the compiled command in dist-cli/).
 */
function packageRoot(): string {
  let dir = import.meta.dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export function portOf(value: string | undefined): number {
  const port = value ? Number(value) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('invalid_input', '--port must be a number from 0 to 65535.');
  return port;
}

export async function listen(port: number, json: boolean): Promise<Listening> {
  let resolveDispatch: (dispatch: Dispatch) => void = () => undefined;
  const connected = new Promise<Dispatch>((resolve) => (resolveDispatch = resolve));
  // No upload or download can come before a database is open, so none comes before this is set.
  let transfers: FileTransfers | undefined;
  const connect = (dispatch: Dispatch, sessionTransfers: FileTransfers): void => {
    transfers = sessionTransfers;
    resolveDispatch(dispatch);
  };
  const server = await startHttpServer({
    dispatch: async (method, input) => (await connected)(method, input),
    staticDir: path.join(packageRoot(), 'dist', 'renderer'),
    port,
    transfers: () => transfers,
  });
  const open = `${server.url}#token=${server.token}`;
  // One JSON line, always: scripts and the e2e tests read it.
  process.stdout.write(`${JSON.stringify({ url: server.url, token: server.token, open })}\n`);
  if (!json) process.stderr.write(`LinkDesk is serving on this computer only. Open ${open}\nPress Ctrl+C to stop.\n`);
  return { server, connect };
}
