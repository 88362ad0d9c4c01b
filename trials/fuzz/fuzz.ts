/**
 * Runs the fuzz worker over each importer and watches it: a case that takes longer than the
 * timeout is a hang, a worker that dies is a crash (out of memory, say); either way the input is
 * kept, the worker restarts at the next case and the summary counts it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../child.ts';
import { prepareDemo } from '../workspace.ts';
import { IMPORTERS } from './importers.ts';
import type { CaseLine, WorkerJob } from './worker.ts';

export interface Finding {
  importer: string;
  index: number;
  label: string;
  /** Where the input was kept. */
  input: string;
  what: string;
  stack?: string;
}

export interface ImporterResult {
  importer: string;
  cases: number;
  accepted: number;
  refused: number;
  crashes: number;
  /** Refused (or crashed) yet the database file changed. */
  changedOnFailure: number;
  slowestMs: number;
  findings: Finding[];
}

export interface FuzzRequest {
  importers: string[];
  cases: number;
  seed: number;
  /** Only this case (to replay a finding). */
  only?: number;
  timeoutMs: number;
  /** The worker's heap limit: a reader that does not bound its memory dies here instead of taking the machine. */
  heapMb: number;
  findingsDir: string;
  /** Log every case's outcome and message, not only the findings. */
  verbose?: boolean;
  log?: (line: string) => void;
}

interface WorkerEnd {
  lastStarted: CaseLine | null;
  reason: string | null;
}

function runWorker(job: WorkerJob, request: FuzzRequest, onLine: (line: CaseLine) => void): Promise<WorkerEnd> {
  const child = spawn(process.execPath, [`--max-old-space-size=${request.heapMb}`, '--import', 'tsx', path.join(ROOT, 'trials', 'fuzz', 'worker.ts'), JSON.stringify(job)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LINKDESK_HOME: path.join(job.dir, 'home') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  let lastStarted: CaseLine | null = null;
  let hung = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, request.timeoutMs);
  };
  arm();
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: CaseLine;
    try {
      line = JSON.parse(text) as CaseLine;
    } catch {
      return;
    }
    arm();
    lastStarted = line.type === 'start' ? line : null;
    onLine(line);
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const reason = hung
        ? `no answer within ${request.timeoutMs / 1000} s (a hang)`
        : code === 0
          ? null
          : `the process died (exit ${code ?? signal}): ${stderr.trim().split('\n').slice(-6).join(' | ')}`;
      resolve({ lastStarted, reason });
    });
  });
}

function keep(request: FuzzRequest, importer: string, line: CaseLine): string {
  fs.mkdirSync(request.findingsDir, { recursive: true });
  const kept = path.join(request.findingsDir, `${importer}-case-${line.index}${path.extname(line.file)}`);
  if (fs.existsSync(line.file)) fs.copyFileSync(line.file, kept);
  return kept;
}

export async function fuzzImporter(name: string, demo: string, request: FuzzRequest): Promise<ImporterResult> {
  const result: ImporterResult = { importer: name, cases: 0, accepted: 0, refused: 0, crashes: 0, changedOnFailure: 0, slowestMs: 0, findings: [] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `linkdesk-fuzz-${name}-`));
  const count = request.only === undefined ? request.cases : request.only + 1;
  let from = request.only ?? 0;
  try {
    while (from < count) {
      const job: WorkerJob = { importer: name, seed: request.seed, from, count, dir, demo };
      const end = await runWorker(job, request, (line) => {
        if (line.type !== 'done') return;
        if (request.verbose) request.log?.(`  ${name} case ${line.index} (${line.label}): ${line.outcome ?? ''} in ${line.ms ?? 0} ms${line.message ? `: ${line.message}` : ''}`);
        from = line.index + 1;
        result.cases++;
        result.slowestMs = Math.max(result.slowestMs, line.ms ?? 0);
        if (line.outcome === 'accepted') result.accepted++;
        else if (line.outcome === 'refused') result.refused++;
        else result.crashes++;
        if (line.changedOnRefusal) result.changedOnFailure++;
        if (line.outcome === 'crash' || line.changedOnRefusal) {
          const what = line.outcome === 'crash' ? `not an AppError: ${line.message ?? ''}` : `refused ("${line.message ?? ''}") but the database changed`;
          result.findings.push({ importer: name, index: line.index, label: line.label, input: keep(request, name, line), what, ...(line.stack ? { stack: line.stack } : {}) });
        }
      });
      if (end.reason === null) break;
      const last = end.lastStarted;
      if (!last) {
        // Died before any case started: a broken set-up, not a finding about one file.
        throw new Error(`the fuzz worker for ${name} could not start: ${end.reason}`);
      }
      result.cases++;
      result.crashes++;
      result.findings.push({ importer: name, index: last.index, label: last.label, input: keep(request, name, last), what: end.reason });
      request.log?.(`${name}: case ${last.index} (${last.label}): ${end.reason}`);
      from = last.index + 1;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

export async function runFuzz(request: FuzzRequest): Promise<ImporterResult[]> {
  const unknown = request.importers.filter((n) => !IMPORTERS.some((i) => i.name === n));
  if (unknown.length) throw new Error(`No importer called ${unknown.join(', ')}. Importers: ${IMPORTERS.map((i) => i.name).join(', ')}`);
  const demo = await prepareDemo(request.log);
  const results: ImporterResult[] = [];
  for (const name of request.importers) {
    request.log?.(`${name}: ${request.only === undefined ? `${request.cases} cases` : `case ${request.only}`}`);
    results.push(await fuzzImporter(name, demo, request));
  }
  return results;
}
