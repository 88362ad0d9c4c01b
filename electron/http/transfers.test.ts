import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DownloadTicket, UploadedFile } from '../../shared/domain/files.ts';
import { createDispatcher, type Dispatch } from '../app/dispatcher.ts';
import type { AppSession } from '../app/session.ts';
import { aSession, PASSPHRASE, tempDir } from '../app/testing/builders.ts';
import { startHttpServer, TOKEN_HEADER, type RunningServer } from './server.ts';
import { FILE_NAME_HEADER } from './transfers.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A raw request. `declare` sends a Content-Length without the body behind it, as a browser
 * would start a large upload: the answer must come before the body is sent.
 */
function request(server: RunningServer, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; declare?: number }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = { ...(options.headers ?? {}), ...(options.declare ? { 'content-length': String(options.declare) } : {}) };
    const req = http.request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'POST', path: options.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    // The server closes a refused upload's connection: that is the point, not a failure.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (options.declare) req.write(Buffer.alloc(1024));
    else req.end(options.body);
  });
}

describe('browser mode’s uploads and downloads', () => {
  let server: RunningServer;
  let session: AppSession;
  let dispatch: Dispatch;

  beforeEach(async () => {
    session = aSession(() => new Date('2026-11-24T10:00:00Z'));
    dispatch = createDispatcher(session);
    await dispatch('db.create', { path: path.join(tempDir(), 't.linkdesk'), teamName: 'North Hub', localAuthority: 'Seashire', passphrase: PASSPHRASE, userName: 'Tess' });
    server = await startHttpServer({ dispatch, staticDir: null, transfers: session.transfers });
  });
  afterEach(async () => {
    await server.close();
    session.lock();
  });

  const host = () => `127.0.0.1:${server.port}`;
  const own = () => ({ host: host(), origin: `http://${host()}`, [TOKEN_HEADER]: server.token });
  const csv = 'Name,Role,Email,Active from\nAmy Worker,FSW,amy@council.example.gov.uk,01/09/2025\n';
  const upload = (headers: Record<string, string>, body = csv, purpose = 'people') =>
    request(server, { path: `/upload/${purpose}`, headers: { [FILE_NAME_HEADER]: encodeURIComponent('Team’s people.csv'), ...headers }, body });

  it('takes a file from LinkDesk’s own page with the token, for the import it names', async () => {
    const reply = await upload(own());
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body.toString()) as { ok: true; value: UploadedFile };
    expect(result.value).toMatchObject({ name: 'Team’s people.csv', bytes: csv.length });
    expect(await dispatch('people.importFile', { upload: result.value.upload, dryRun: false })).toMatchObject({ ok: true, value: { applied: 1 } });
    expect(session.transfers.held.uploads).toBe(0);
  });

  it('refuses a wrong token, a missing or foreign Origin, and a purpose it does not take, keeping nothing', async () => {
    const wrongToken = await upload({ ...own(), [TOKEN_HEADER]: 'x'.repeat(43) });
    expect(wrongToken.status).toBe(401);
    const noToken = await upload({ host: host(), origin: `http://${host()}` });
    expect(noToken.status).toBe(401);
    const noOrigin = await upload({ host: host(), [TOKEN_HEADER]: server.token });
    expect(noOrigin.status).toBe(403);
    const foreign = await upload({ ...own(), origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const database = await upload(own(), csv, 'database');
    expect(database.status).toBe(404);
    expect(session.transfers.held.uploads).toBe(0);
    expect(fs.existsSync(session.transfers.root) ? fs.readdirSync(session.transfers.root) : []).toEqual([]);
  });

  it('refuses a file declared larger than the reader’s limit before its body arrives, naming the file and the limit', async () => {
    const reply = await request(server, { path: '/upload/people', headers: { ...own(), [FILE_NAME_HEADER]: 'people.xlsx' }, declare: 21 * 1024 * 1024 });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body.toString())).toMatchObject({ ok: false, error: { message: 'people.xlsx is larger than 20 MB (the limit is 20 MB). Nothing was changed.' } });
    expect(session.transfers.held.uploads).toBe(0);
  });

  it('answers a file of the wrong type in words, and takes nothing once the database is locked', async () => {
    const pdf = await request(server, { path: '/upload/people', headers: { ...own(), [FILE_NAME_HEADER]: 'people.pdf' }, body: '%PDF' });
    expect(JSON.parse(pdf.body.toString())).toMatchObject({ ok: false, error: { message: 'people.pdf is not an .xlsx or .csv file. Choose an .xlsx or .csv file.' } });
    await dispatch('db.lock', {});
    const locked = await upload(own());
    expect(JSON.parse(locked.body.toString())).toMatchObject({ ok: false, error: { code: 'no_open_database' } });
  });

  it('gives an export once, as an attachment with its name, then deletes it', async () => {
    const answer = await dispatch('visits.exportCalendar', { download: true, from: '2026-09-01', to: '2027-08-31' });
    const ticket = answer.ok ? (answer.value as { download: DownloadTicket }).download : null;
    expect(ticket?.name).toBe('LinkDesk calendar 2026-09-01 to 2027-08-31.ics');
    const first = await request(server, { method: 'GET', path: `/download/${ticket?.id}`, headers: { host: host(), 'sec-fetch-site': 'same-origin' } });
    expect(first.status).toBe(200);
    expect(first.headers['content-disposition']).toBe(`attachment; filename="LinkDesk calendar 2026-09-01 to 2027-08-31.ics"; filename*=UTF-8''LinkDesk%20calendar%202026-09-01%20to%202027-08-31.ics`);
    expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(first.body.toString()).toMatch(/^BEGIN:VCALENDAR/);
    expect(Number(first.headers['content-length'])).toBe(first.body.length);
    const again = await request(server, { method: 'GET', path: `/download/${ticket?.id}`, headers: { host: host() } });
    expect(again.status).toBe(404);
    expect(session.transfers.held.downloads).toBe(0);
  });

  it('refuses a download asked for by another site’s page or through a foreign Host', async () => {
    const answer = await dispatch('visits.exportCalendar', { download: true, from: '2026-09-01', to: '2027-08-31' });
    const id = answer.ok ? (answer.value as { download: DownloadTicket }).download.id : '';
    expect((await request(server, { method: 'GET', path: `/download/${id}`, headers: { host: host(), 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await request(server, { method: 'GET', path: `/download/${id}`, headers: { host: `evil.example:${server.port}` } })).status).toBe(403);
    // Neither refusal used it up.
    expect(session.transfers.held.downloads).toBe(1);
    expect((await request(server, { method: 'GET', path: '/download/..%2F..%2Fetc%2Fpasswd', headers: { host: host() } })).status).toBe(404);
  });
});
