/** How browser mode answers: the security headers on everything, the Result envelope, the transport's own refusals. */
import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import type { AppErrorShape, Result } from '../../shared/errors.ts';

export const TOKEN_HEADER = 'x-linkdesk-token';

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * HTTP statuses are for the transport's own refusals; whatever the dispatcher answers,
 * including an application error, is a 200 carrying the Result envelope (RPC style), so the
 * browser does not log ordinary outcomes such as a wrong passphrase as failed requests.
 */
const TRANSPORT_STATUS: Partial<Record<AppErrorShape['code'], number>> = {
  unauthorized: 401,
  forbidden: 403,
};

export function send(res: http.ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

export function sendResult(res: http.ServerResponse, result: Result<unknown>): void {
  send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
}

/** A refusal by the transport itself, before any dispatch. */
export function sendError(res: http.ServerResponse, error: AppErrorShape, status = TRANSPORT_STATUS[error.code] ?? 400): void {
  send(res, status, JSON.stringify({ ok: false, error }), 'application/json; charset=utf-8');
}

export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
