import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { createDispatcher } from '../app/dispatcher.ts';
import { aSession, tempDir } from '../app/testing/builders.ts';
import { startHttpServer, TOKEN_HEADER, type RunningServer } from './server.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw requests, so Host and Origin can be forged as a hostile page or DNS rebinding would. */
function request(server: RunningServer, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'POST', path: options.path, headers: options.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the HTTP transport', () => {
  let server: RunningServer;
  let staticDir: string;

  beforeEach(async () => {
    staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>LinkDesk</title>');
    fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'outside');
    server = await startHttpServer({ dispatch: createDispatcher(aSession()), staticDir });
  });
  afterEach(async () => server.close());

  const host = () => `127.0.0.1:${server.port}`;

  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses an API call without the token with 401, whatever the method', async () => {
    for (const method of ['app.info', 'db.unlock', 'no.such.method']) {
      const reply = await request(server, { path: `/api/${method}`, headers: { host: host() }, body: '{}' });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    const wrong = await request(server, { path: '/api/app.info', headers: { host: host(), [TOKEN_HEADER]: 'x'.repeat(43) }, body: '{}' });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host or Origin with 403 before looking at the token', async () => {
    const withToken = { [TOKEN_HEADER]: server.token };
    const rebinding = await request(server, { path: '/api/app.info', headers: { ...withToken, host: `evil.example:${server.port}` }, body: '{}' });
    expect(rebinding.status).toBe(403);
    const crossSite = await request(server, { path: '/api/app.info', headers: { ...withToken, host: host(), origin: 'https://evil.example' }, body: '{}' });
    expect(crossSite.status).toBe(403);
    const noToken = await request(server, { path: '/api/app.info', headers: { host: 'evil.example' }, body: '{}' });
    expect(noToken.status).toBe(403);
    const page = await request(server, { method: 'GET', path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('answers a call with the token, from its own origin', async () => {
    const reply = await request(server, {
      path: '/api/app.info',
      headers: { host: host(), origin: `http://${host()}`, [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { session: null } });
  });

  it('answers bad JSON with 400, GET with 405, and bad input in the result envelope', async () => {
    const headers = { host: host(), [TOKEN_HEADER]: server.token };
    expect((await request(server, { path: '/api/app.info', headers, body: '{nope' })).status).toBe(400);
    const bad = await request(server, { path: '/api/audit.list', headers, body: '{"limit": "ten"}' });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.parse(bad.body).error.details.issues[0].path).toBe('limit');
    expect((await request(server, { method: 'GET', path: '/api/app.info', headers })).status).toBe(405);
  });

  it('serves the renderer with the strict CSP and never a file outside it', async () => {
    const page = await request(server, { method: 'GET', path: '/', headers: { host: host() } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const escape = await request(server, { method: 'GET', path: '/../secret.txt', headers: { host: host() } });
    expect(escape.body).not.toContain('outside');
    const encoded = await request(server, { method: 'GET', path: '/%2e%2e/secret.txt', headers: { host: host() } });
    expect(encoded.body).not.toContain('outside');
  });
});
