/**
 * What one running LinkDesk holds: at most one open team database, the per-machine config,
 * and the clock (injectable, so tests and e2e can move time).
 */
import { AppError } from '../../shared/errors.ts';
import type { AppInfo, BackupOutcome, SessionInfo } from '../../shared/api.ts';
import type { ImportProgress } from '../../shared/domain/imports.ts';
import type { MachineConfig } from './config/machine-config.ts';
import { backupFolderOf, dailyBackupDue, takeAutomaticBackup } from './db/backups.ts';
import type { TeamDatabase } from './db/team-db.ts';
import { AppLog } from './log/app-log.ts';
import { openWithSystem, type OpenFile } from './documents/open-file.ts';
import { FileTransfers } from './files/transfers.ts';

/** See lockIfIdle: the renderer warns, then locks itself; this lock is the backstop. */
export const IDLE_GRACE_MS = 60_000;

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
  /** Browser mode's uploads and downloads, in a private temporary folder; emptied when the database locks. */
  readonly transfers: FileTransfers;
  private current: TeamDatabase | null = null;
  private lastActivity = 0;
  /** The long task running now (an import), for the progress bar; one at a time. */
  progress: ImportProgress | null = null;
  /** The outcome of the latest automatic or "back up now" backup, for the settings screen. */
  lastBackup: BackupOutcome | null = null;
  /** The daily backup started after opening, if one was due (tests wait for it). */
  dailyBackup: Promise<void> | null = null;

  constructor(options: { config: MachineConfig; mode: TransportMode; now?: () => Date; openFile?: OpenFile; log?: AppLog; transfersFolder?: string }) {
    this.config = options.config;
    this.log = options.log ?? new AppLog(options.config.logFile);
    this.mode = options.mode;
    this.now = options.now ?? (() => new Date());
    this.openFile = options.openFile ?? openWithSystem;
    this.transfers = new FileTransfers({ accepting: () => this.hasDatabase, ...(options.transfersFolder ? { parent: options.transfersFolder } : {}) });
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
    if (this.current !== db) this.lock();
    this.current = db;
    this.touch();
    this.startDailyBackup(db);
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
   * Locks when nobody has used the app for the team's idle time (and a minute's grace: the
   * renderer pings at most once a minute, and its own lock, after its warning, keeps what was
   * typed, which this lock, reloading the window, would not). The renderer locks itself
   * too; this covers a browser tab closed with the database open, or a renderer that died.
   */
  lockIfIdle(): boolean {
    if (!this.current?.isOpen) return false;
    const minutes = this.current.team().settings.idleLockMinutes;
    if (this.now().getTime() - this.lastActivity < minutes * 60_000 + IDLE_GRACE_MS) return false;
    this.lock();
    return true;
  }

  /** Checks for idleness every `everyMs` until the returned stop function is called. */
  startIdleLock(everyMs = 30_000): () => void {
    const timer = setInterval(() => this.lockIfIdle(), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Closes the database, first backing it up if anything changed since it opened (or since
   * its last backup). A backup that fails is remembered and logged, and never stops the close.
   */
  lock(): void {
    const db = this.current;
    this.current = null;
    // A staff list or an export waiting in the temporary folder goes with the database.
    this.transfers.clear();
    if (!db?.isOpen) return;
    try {
      if (db.changedSinceBackup) this.backUp(db, 'close');
    } catch {
      // Recorded in lastBackup by backUp; closing matters more.
    } finally {
      db.close();
    }
  }

  /**
   * One automatic backup, its outcome remembered. Automatic ones are skipped when the team
   * turned them off; "back up now" always runs and rethrows a failure for the screen.
   */
  backUp(db: TeamDatabase, trigger: BackupOutcome['trigger']): BackupOutcome | null {
    const at = this.now();
    try {
      if (trigger !== 'now' && !db.team().settings.backupsEnabled) return null;
      const written = takeAutomaticBackup(db, at);
      this.lastBackup = { database: db.path, at: at.toISOString(), trigger, ok: true, path: written.path };
    } catch (error) {
      const failure = error instanceof AppError ? error : new AppError('internal', 'The backup could not be written or did not pass its check.');
      // The code only: messages name folders.
      console.error(`[linkdesk] ${trigger} backup failed: ${failure.code}`);
      this.lastBackup = { database: db.path, at: at.toISOString(), trigger, ok: false, message: failure.message, code: failure.code };
      if (trigger === 'now') throw failure;
    }
    return this.lastBackup;
  }

  /**
   * At most daily: on opening, when the newest backup is over a day old. It waits for the
   * page key (derived in the background) so the copy gets its full check.
   */
  private startDailyBackup(db: TeamDatabase): void {
    this.dailyBackup = null;
    let due: boolean;
    try {
      const settings = db.team().settings;
      due = settings.backupsEnabled && dailyBackupDue(db.path, backupFolderOf(db.path, settings), this.now());
    } catch {
      return;
    }
    if (!due) return;
    this.dailyBackup = db.pageHmacKey().then(
      () => {
        if (this.current === db && db.isOpen) this.backUp(db, 'daily');
      },
      () => undefined,
    );
  }
}
