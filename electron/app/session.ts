/**
 * What one running LinkDesk holds: at most one open team database, the per-machine config,
 * and the clock (injectable, so tests and e2e can move time).
 */
import { AppError } from '../../shared/errors.ts';
import type { AppInfo, SessionInfo } from '../../shared/api.ts';
import type { ImportProgress } from '../../shared/domain/imports.ts';
import type { MachineConfig } from './config/machine-config.ts';
import type { TeamDatabase } from './db/team-db.ts';
import { AppLog } from './log/app-log.ts';
import { openWithSystem, type OpenFile } from './documents/open-file.ts';

export type TransportMode = AppInfo['mode'];

function sessionInfoOf(db: TeamDatabase): SessionInfo {
  const { settings } = db.team();
  return { path: db.path, teamName: settings.teamName, localAuthority: settings.localAuthority, user: db.user, integrityWarnings: db.historyOnOpen };
}

export class AppSession {
  readonly config: MachineConfig;
  readonly mode: TransportMode;
  readonly now: () => Date;
  /** Opens a file in its program: Electron's shell in the app, the system's opener elsewhere. */
  readonly openFile: OpenFile;
  /** Internal errors, in the config folder's linkdesk.log. */
  readonly log: AppLog;
  private current: TeamDatabase | null = null;
  private lastActivity = 0;
  /** The long task running now (an import), for the progress bar; one at a time. */
  progress: ImportProgress | null = null;

  constructor(options: { config: MachineConfig; mode: TransportMode; now?: () => Date; openFile?: OpenFile; log?: AppLog }) {
    this.config = options.config;
    this.log = options.log ?? new AppLog(options.config.logFile);
    this.mode = options.mode;
    this.now = options.now ?? (() => new Date());
    this.openFile = options.openFile ?? openWithSystem;
  }

  get database(): TeamDatabase {
    if (!this.current?.isOpen) {
      throw new AppError('no_open_database', 'No team database is open. Open or create one first.');
    }
    return this.current;
  }

  get hasDatabase(): boolean {
    return this.current?.isOpen ?? false;
  }

  /** Replaces the open database, closing (and unlocking) the previous one. */
  adopt(db: TeamDatabase): SessionInfo {
    if (this.current && this.current !== db) this.current.close();
    this.current = db;
    this.touch();
    this.config.rememberUser(db.user);
    this.config.touchRecent({ path: db.path, teamName: db.team().settings.teamName, lastOpenedAt: this.now().toISOString() });
    return sessionInfoOf(db);
  }

  info(): SessionInfo | null {
    return this.current?.isOpen ? sessionInfoOf(this.current) : null;
  }

  /** Runs a long task, publishing its progress until it ends. */
  async track<T>(task: string, work: (report: (phase: ImportProgress['phase'], bytesRead: number, totalBytes: number) => void) => Promise<T>): Promise<T> {
    if (this.progress && this.progress.phase !== 'done') {
      throw new AppError('invalid_input', `Wait for the ${this.progress.task} running now to finish.`);
    }
    this.progress = { task, phase: 'reading', bytesRead: 0, totalBytes: 0 };
    try {
      return await work((phase, bytesRead, totalBytes) => {
        this.progress = { task, phase, bytesRead, totalBytes };
      });
    } finally {
      this.progress = null;
    }
  }

  /** Someone used the app: a call from the UI, or the renderer's activity ping. */
  touch(): void {
    this.lastActivity = this.now().getTime();
  }

  /**
   * Locks when nobody has used the app for the team's idle time. The renderer locks itself
   * too; this covers a browser tab closed with the database open, or a renderer that died.
   */
  lockIfIdle(): boolean {
    if (!this.current?.isOpen) return false;
    const minutes = this.current.team().settings.idleLockMinutes;
    if (this.now().getTime() - this.lastActivity < minutes * 60_000) return false;
    this.lock();
    return true;
  }

  /** Checks for idleness every `everyMs` until the returned stop function is called. */
  startIdleLock(everyMs = 30_000): () => void {
    const timer = setInterval(() => this.lockIfIdle(), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  lock(): void {
    this.current?.close();
    this.current = null;
  }
}
