/**
 * The floor of "unlock page painted": the same built screens from a stub server in plain Node that
 * answers every API call with the reply LinkDesk gave in a first run. What the browser's own work
 * costs, so the bench can say how much LinkDesk's start adds to it. Run as `node -e STUB_SERVER
 * <dist/renderer> <replies as JSON>`.
 */

/** The whole JSON body LinkDesk answered, by method name. */
export type StubReplies = Record<string, unknown>;

export const STUB_SERVER = `
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const [dir, repliesJson] = process.argv.slice(1);
const replies = JSON.parse(repliesJson);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/')) {
    req.resume();
    const method = decodeURIComponent(url.pathname.slice(5));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(replies[method] ?? { ok: true, value: {} }));
    return;
  }
  const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
  if (!file.startsWith(dir) || !fs.existsSync(file)) { res.statusCode = 404; res.end(); return; }
  res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.end(fs.readFileSync(file));
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: 'http://127.0.0.1:' + server.address().port + '/', token: 'stub' }));
});
`;
