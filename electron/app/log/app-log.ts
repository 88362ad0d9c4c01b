/**
 * LinkDesk's log file, in this computer's settings folder: what went wrong inside LinkDesk,
 * with a time and a stack trace, for whoever supports the team. It holds no personal data:
 * error messages can quote a child's reference, a name or a passphrase, so only the error's
 * class, its code (SQLITE_FULL, ENOSPC), the stack frames and the method or command are
 * written, never a message or an input. Home folders in paths become "~" (they name the
 * user). The file is rotated at a size limit; logging never throws.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOG_FILE_NAME = 'linkdesk.log';

export interface LogLimits {
  /** A file reaching this size is moved aside to `.1` (and `.1` to `.2`...). */
  maxBytes: number;
  /** How many old files are kept beside the current one. */
  keep: number;
}

export const DEFAULT_LOG_LIMITS: LogLimits = { maxBytes: 1_000_000, keep: 2 };

const NAME = /^[A-Za-z_$][\w$.]{0,60}$/;
const CODE = /^[A-Z][A-Z0-9_]{1,40}$/;
/** A V8 stack frame line ("    at fn (file:1:2)"); anything else in a stack is message text. */
const FRAME = /^\s+at \S.*(?::\d+:\d+\)?|\((?:native|<anonymous>)\))$/;

/** An error as class, code, and stack frames: never its message, which can hold user data. */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return `a thrown ${typeof error}`;
  const name = NAME.test(error.name) ? error.name : (error.constructor?.name ?? 'Error');
  const code = (error as { code?: unknown }).code;
  const head = typeof code === 'string' && CODE.test(code) ? `${name} ${code}` : name;
  const home = os.homedir();
  const frames = String(error.stack ?? '')
    .split('\n')
    .filter((line) => FRAME.test(line))
    .map((line) => (home.length > 1 ? line.split(home).join('~') : line).trimEnd());
  const cause = error.cause !== undefined && depth < 3 ? `\n  caused by ${describeError(error.cause, depth + 1)}` : '';
  return [head, ...frames].join('\n') + cause;
}

export class AppLog {
  readonly file: string;
  private readonly limits: LogLimits;

  constructor(file: string, limits: LogLimits = DEFAULT_LOG_LIMITS) {
    this.file = file;
    this.limits = limits;
  }

  /** A plain event; `text` is written by the code (a command or method name), never user input. */
  info(text: string): void {
    this.write('info', text);
  }

  /** Something LinkDesk did not expect, in `where` (an API method or a command). */
  internalError(where: string, error: unknown): void {
    this.write('error', `internal error in ${where}: ${describeError(error)}`);
  }

  private write(level: 'info' | 'error', text: string): void {
    const entry = `${new Date().toISOString()} ${level} [pid ${process.pid}] ${text}\n`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.rotateIfFull(Buffer.byteLength(entry));
      fs.appendFileSync(this.file, entry, { mode: 0o600 });
    } catch {
      // A log that cannot be written (read-only folder, disk full) must not stop the work.
    }
  }

  private rotateIfFull(adding: number): void {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return;
    }
    if (size + adding <= this.limits.maxBytes) return;
    fs.rmSync(`${this.file}.${this.limits.keep}`, { force: true });
    for (let n = this.limits.keep - 1; n >= 1; n--) {
      if (fs.existsSync(`${this.file}.${n}`)) fs.renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`);
    }
    if (this.limits.keep > 0) fs.renameSync(this.file, `${this.file}.1`);
    else fs.rmSync(this.file, { force: true });
  }
}
