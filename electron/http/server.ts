/**
 * Browser mode: the same dispatcher over local HTTP. Loopback only; Host and Origin are
 * checked before anything else (DNS rebinding, other sites' pages), then a per-start token.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../app/dispatcher.ts';
import type { FileTransfers } from '../app/files/transfers.ts';
import { send, sendError, sendResult, TOKEN_HEADER, tokensMatch } from './responses.ts';
import { serveDownload, serveUpload } from './transfers.ts';

export { TOKEN_HEADER };
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface HttpServerOptions {
  dispatch: Dispatch;
  /** The built renderer; null serves the API alone. */
  staticDir: string | null;
  /**
   * Uploads of imports and downloads of exports (the session's); none means neither is served.
   * A function when the server listens before the session exists (`linkdesk serve`).
   */
  transfers?: FileTransfers | (() => FileTransfers | undefined);
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const resolved = path.resolve(staticDir, `.${path.posix.normalize(decoded)}`);
  const inside = resolved === staticDir || resolved.startsWith(staticDir + path.sep);
  let file = inside && fs.existsSync(resolved) && fs.statSync(resolved).isFile() ? resolved : path.join(staticDir, 'index.html');
  if (!fs.existsSync(file)) {
    send(res, 404, 'The renderer is not built. Run npm run build:renderer.', 'text/plain; charset=utf-8');
    return;
  }
  file = path.resolve(file);
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  send(res, 200, fs.readFileSync(file), type, { 'Cache-Control': 'no-cache' });
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const staticDir = options.staticDir ? path.resolve(options.staticDir) : null;
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      const origin = req.headers.origin;
      if (!allowedHosts.has(host) || (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '')))) {
        sendError(res, { code: 'forbidden', message: 'Requests to LinkDesk must come from LinkDesk itself on this computer.' });
        return;
      }
      const url = req.url ?? '/';
      const transfers = typeof options.transfers === 'function' ? options.transfers() : options.transfers;
      if (transfers && url.startsWith('/upload/')) {
        await serveUpload(req, res, { transfers, token, allowedHosts });
        return;
      }
      if (transfers && url.startsWith('/download/')) {
        serveDownload(req, res, transfers);
        return;
      }
      if (url.startsWith('/api/')) {
        if (!tokensMatch(req.headers[TOKEN_HEADER] as string | undefined, token)) {
          sendError(res, { code: 'unauthorized', message: 'This request has no valid LinkDesk token.' });
          return;
        }
        if (req.method !== 'POST') {
          send(res, 405, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'Use POST for API calls.' } }), 'application/json', { Allow: 'POST' });
          return;
        }
        const body = await readBody(req);
        if (body === null) {
          sendError(res, { code: 'invalid_input', message: 'The request is too large.' }, 413);
          return;
        }
        let input: unknown = {};
        try {
          input = body.trim() === '' ? {} : JSON.parse(body);
        } catch {
          sendError(res, { code: 'invalid_input', message: 'The request body is not valid JSON.' });
          return;
        }
        const method = decodeURIComponent(url.slice('/api/'.length).split('?')[0] ?? '');
        sendResult(res, await options.dispatch(method, input));
        return;
      }
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !staticDir) {
        send(res, 404, 'Not found', 'text/plain; charset=utf-8');
        return;
      }
      serveStatic(staticDir, url, res);
    })().catch(() => {
      if (!res.headersSent) sendError(res, { code: 'internal', message: 'The request failed inside LinkDesk.' }, 500);
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
