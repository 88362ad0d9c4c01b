/**
 * Start-up, each beside its floor (the same start with nothing of LinkDesk's in it): `linkdesk
 * --help` against bare Node; `linkdesk serve` listening against a bare Node HTTP server; its
 * memory, idle with the demo open, against Node with http and the database driver loaded; and,
 * in Chromium, the unlock page painted and the JavaScript it took, against the same built screens
 * served by a stub that answers with canned replies. Processes are timed from their spawn.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/playwright.config.ts';
import { benchDir, median, ms, printSection, ratio, type Results } from './harness.ts';
import { STUB_SERVER, type StubReplies } from './startup-stub.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'linkdesk.js');
const RUNS = 9;
const BROWSER_RUNS = 5;
/** How long the server sits idle with the demo open before its memory is read. */
const IDLE_MS = 3000;

interface Served {
  child: ChildProcess;
  /** From the spawn to the line that says where it listens. */
  ms: number;
  url: string;
  token: string;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

/** Spawns a server that prints one JSON line {url, token} once it listens. */
function serve(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code} before it listened`)));
    if (!child.stdout) throw new Error('no stdout');
    createInterface({ input: child.stdout }).once('line', (line) => {
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      resolve({ child, ms: performance.now() - start, url, token });
    });
  });
}

async function stop(served: Served): Promise<void> {
  served.child.removeAllListeners('exit');
  const exited = new Promise((resolve) => served.child.once('exit', resolve));
  served.child.kill('SIGTERM');
  await exited;
}

async function call(served: Served, method: string, input: unknown = {}): Promise<unknown> {
  const response = await fetch(new URL(`api/${method}`, served.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-linkdesk-token': served.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** The resident memory of another process, in MB: from /proc on Linux, else from ps; NaN where neither answers. */
async function rssOf(pid: number): Promise<number> {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // Not Linux: ask ps.
  }
  return new Promise((resolve) => {
    const ps = spawn('ps', ['-o', 'rss=', '-p', String(pid)], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    ps.stdout.on('data', (c: Buffer) => (text += c.toString()));
    ps.once('error', () => resolve(Number.NaN));
    ps.once('exit', () => resolve(text.trim() ? Number(text.trim()) / 1024 : Number.NaN));
  });
}

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

/** Node, http and the database driver with an encrypted database open: what any server of the team's file must hold. */
const RSS_FLOOR = `
const http = require('node:http');
const Database = require('better-sqlite3-multiple-ciphers');
const db = new Database(process.argv[1]);
db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma("key='floor'");
db.exec('CREATE TABLE t(x)');
const server = http.createServer((req, res) => res.end('{}')).listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: 'http://127.0.0.1:' + server.address().port + '/', token: '' }));
});`;

const LISTEN_FLOOR = `
const server = require('node:http').createServer((req, res) => res.end()).listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: 'http://127.0.0.1:' + server.address().port + '/', token: '' }));
});`;

interface Painted {
  ms: number;
  scriptBytesGzip: number;
}

/** From spawning the server to the unlock page's heading painted, and the JavaScript fetched on the way. */
async function paintUnlock(browser: Browser, args: string[], env: NodeJS.ProcessEnv, demoPath: string, replies?: StubReplies): Promise<Painted> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
    if (replies && response.url().includes('/api/')) {
      const method = decodeURIComponent(new URL(response.url()).pathname.split('/api/')[1] ?? '');
      void response.json().then((json: unknown) => (replies[method] = json));
    }
  });
  const spawned = performance.now();
  const served = await serve(args, env);
  await context.addInitScript((token) => sessionStorage.setItem('linkdesk.token', token), served.token);
  await page.goto(`${served.url}#/unlock?${new URLSearchParams({ path: demoPath }).toString()}`);
  await page.getByRole('heading', { name: /^Unlock North Hub/ }).waitFor({ timeout: 60_000 });
  // Two animation frames: the heading has been painted, not only laid out.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const painted = performance.now() - spawned;
  const scriptBytesGzip = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
  await context.close();
  await stop(served);
  return { ms: painted, scriptBytesGzip };
}

export async function benchStartup(): Promise<Results> {
  const home = benchDir();
  // No passphrase from the environment: the demo's is known, and serve asks for none.
  const env: NodeJS.ProcessEnv = { ...process.env, LINKDESK_HOME: home, LINKDESK_USER: 'Bench' };
  delete env.LINKDESK_PASSPHRASE;
  // Builds the command line first if a source changed: a build is not a start.
  await run([BIN, '--help'], env);

  const bare: number[] = [];
  const help: number[] = [];
  const listen: number[] = [];
  const listenFloor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(await run(['-e', '0'], env));
    help.push(await run([BIN, '--help'], env));
    const real = await serve([BIN, 'serve', '--json'], env);
    listen.push(real.ms);
    await stop(real);
    const floor = await serve(['-e', LISTEN_FLOOR], env);
    listenFloor.push(floor.ms);
    await stop(floor);
  }

  // The demo is made once (that loads the Word libraries, as making any record does), then reopened.
  const first = await serve([BIN, 'serve', '--json'], env);
  const demo = (await call(first, 'db.openDemo', { userName: 'Bench' })) as { path: string };
  await stop(first);
  const idle = await serve([BIN, 'serve', '--json'], env);
  await call(idle, 'app.info');
  await call(idle, 'db.openDemo', { userName: 'Bench' });
  await call(idle, 'dashboard.get');
  await sleep(IDLE_MS);
  const idleRss = await rssOf(idle.child.pid ?? 0);
  await call(idle, 'db.lock');
  await stop(idle);
  const floorServer = await serve(['-e', RSS_FLOOR, path.join(home, 'floor.db')], { ...env, NODE_PATH: path.join(ROOT, 'node_modules') });
  await sleep(IDLE_MS);
  const floorRss = await rssOf(floorServer.child.pid ?? 0);
  await stop(floorServer);

  const results: Results = {
    node_bare_ms: median(bare),
    cli_help_ms: median(help),
    serve_floor_ms: median(listenFloor),
    serve_listen_ms: median(listen),
  };
  if (!Number.isNaN(idleRss)) Object.assign(results, { idle_rss_mb: idleRss, idle_rss_floor_mb: floorRss });
  const rows = [
    { name: 'node -e 0 (the floor)', value: ms(results.node_bare_ms ?? 0) },
    { name: 'linkdesk --help', value: ms(results.cli_help_ms ?? 0), note: `+${ms((results.cli_help_ms ?? 0) - (results.node_bare_ms ?? 0))} (goal: under 300 ms more)` },
    { name: 'a bare Node HTTP server listening (the floor)', value: ms(results.serve_floor_ms ?? 0) },
    { name: 'linkdesk serve listening', value: ms(results.serve_listen_ms ?? 0), note: 'goal: within 500 ms' },
    { name: 'memory: node + http + the driver, idle (the floor)', value: `${floorRss.toFixed(0)} MB` },
    { name: 'memory: serve, idle with the demo open', value: `${idleRss.toFixed(0)} MB`, note: 'goal: under 100 MB' },
  ];

  const executablePath = process.env.LINKDESK_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath) || !fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    rows.push({ name: 'unlock page painted', value: 'skipped', note: `needs Chromium at ${executablePath} (LINKDESK_CHROMIUM) and npm run build:renderer` });
  } else {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const replies: StubReplies = {};
      await paintUnlock(browser, [BIN, 'serve', '--json'], env, demo.path, replies);
      const stubArgs = ['-e', STUB_SERVER, path.join(ROOT, 'dist', 'renderer'), JSON.stringify(replies)];
      const real: Painted[] = [];
      const stub: Painted[] = [];
      for (let i = 0; i < BROWSER_RUNS; i++) {
        real.push(await paintUnlock(browser, [BIN, 'serve', '--json'], env, demo.path));
        stub.push(await paintUnlock(browser, stubArgs, env, demo.path));
      }
      Object.assign(results, {
        unlock_painted_ms: median(real.map((r) => r.ms)),
        unlock_painted_floor_ms: median(stub.map((r) => r.ms)),
        first_screen_js_kb_gzip: median(real.map((r) => r.scriptBytesGzip)) / 1024,
      });
      rows.push(
        { name: 'unlock page painted, stub server (the floor)', value: ms(results.unlock_painted_floor_ms ?? 0) },
        { name: 'unlock page painted, linkdesk serve', value: ms(results.unlock_painted_ms ?? 0), note: `${ratio((results.unlock_painted_ms ?? 0) / (results.unlock_painted_floor_ms ?? 1))} (goal: within 1.5 s)` },
        { name: "the unlock page's JavaScript", value: `${(results.first_screen_js_kb_gzip ?? 0).toFixed(1)} KB`, note: 'gzip (goal: under 150 KB)' },
      );
    } finally {
      await browser.close();
    }
  }
  printSection(`Start-up (medians: ${RUNS} runs of each process, ${BROWSER_RUNS} in Chromium; each beside its floor)`, rows);
  fs.rmSync(home, { recursive: true, force: true });
  return results;
}
