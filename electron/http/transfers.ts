/**
 * Browser mode's two file routes, beside the API:
 * - `POST /upload/<purpose>`: the file the browser's chooser picked, as the raw request body
 *   (its name in `x-linkdesk-file-name`), for an import. Taken only from LinkDesk's own page
 *   (an Origin header naming this server is required, not merely allowed) with the per-start
 *   token, within the reader's size limit, into the session's private temporary folder.
 * - `GET /download/<id>`: an export the API wrote for download, sent once as an attachment and
 *   then deleted. The id is 32 random bytes that only a call with the token could have made,
 *   valid for one fetch within ten minutes; a browser's request from another site is refused
 *   by its Sec-Fetch-Site header.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { isUploadPurpose, TransferId } from '../../shared/domain/files.ts';
import { AppError } from '../../shared/errors.ts';
import type { FileTransfers } from '../app/files/transfers.ts';
import { SECURITY_HEADERS, send, sendError, sendResult, TOKEN_HEADER, tokensMatch } from './responses.ts';

export const FILE_NAME_HEADER = 'x-linkdesk-file-name';

const DOWNLOAD_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ics': 'text/calendar; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The refused request is not read to its end: answer, then close the connection. */
function refuseAndClose(req: http.IncomingMessage, res: http.ServerResponse, error: AppError, status: number): void {
  res.setHeader('Connection', 'close');
  sendError(res, error.toJSON(), status);
  res.on('finish', () => req.socket.destroy());
}

export async function serveUpload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  context: { transfers: FileTransfers; token: string; allowedHosts: ReadonlySet<string> },
): Promise<void> {
  const origin = req.headers.origin;
  if (!origin || !context.allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
    refuseAndClose(req, res, new AppError('forbidden', 'Files are taken only from LinkDesk’s own page.'), 403);
    return;
  }
  if (!tokensMatch(req.headers[TOKEN_HEADER] as string | undefined, context.token)) {
    refuseAndClose(req, res, new AppError('unauthorized', 'This request has no valid LinkDesk token.'), 401);
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    refuseAndClose(req, res, new AppError('invalid_input', 'Send a file with POST.'), 405);
    return;
  }
  const purpose = decodeURIComponent((req.url ?? '').slice('/upload/'.length).split('?')[0] ?? '');
  if (!isUploadPurpose(purpose)) {
    refuseAndClose(req, res, new AppError('not_found', 'LinkDesk takes no file here.'), 404);
    return;
  }
  let name: string;
  try {
    name = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? ''));
  } catch {
    name = '';
  }
  if (!name) {
    refuseAndClose(req, res, new AppError('invalid_input', 'The file came without its name.'), 400);
    return;
  }
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  try {
    sendResult(res, { ok: true, value: await context.transfers.receive(purpose, name, req, Number.isFinite(declared) ? declared : undefined) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Over the limit: the rest of the body is not read, so this is the transport's refusal.
    if (error.details?.limit) refuseAndClose(req, res, error, 413);
    else if (req.complete) sendResult(res, { ok: false, error: error.toJSON() });
    else refuseAndClose(req, res, error, 400);
  }
}

/** `filename` for old browsers (ASCII, no quotes), `filename*` with the real name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function serveDownload(req: http.IncomingMessage, res: http.ServerResponse, transfers: FileTransfers): void {
  if (req.method !== 'GET') {
    send(res, 405, 'Use GET for a download.', 'text/plain; charset=utf-8', { Allow: 'GET' });
    return;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    send(res, 403, 'Downloads are given only to LinkDesk’s own page.', 'text/plain; charset=utf-8');
    return;
  }
  const id = (req.url ?? '').slice('/download/'.length).split('?')[0] ?? '';
  const taken = TransferId.safeParse(id).success ? transfers.take(id) : null;
  if (!taken) {
    send(res, 404, 'This download has been fetched already or has expired. Export the file again.', 'text/plain; charset=utf-8');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': DOWNLOAD_TYPES[path.extname(taken.name).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(taken.bytes),
    'Content-Disposition': contentDisposition(taken.name),
    'Cache-Control': 'no-store',
  });
  const stream = fs.createReadStream(taken.path);
  // Sent or abandoned, the file goes.
  res.on('close', () => {
    stream.destroy();
    taken.done();
  });
  stream.pipe(res);
}
