/**
 * Per-machine settings that do not belong in any one team database: the recent files and
 * the name the user last gave. Plain JSON with no secrets in it. The log file sits beside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOG_FILE_NAME } from '../log/app-log.ts';

export interface RecentEntry {
  path: string;
  teamName: string;
  lastOpenedAt: string;
}

interface ConfigFile {
  userName: string | null;
  recent: RecentEntry[];
}

const MAX_RECENT = 10;

export function defaultConfigDir(): string {
  if (process.env.LINKDESK_HOME) return process.env.LINKDESK_HOME;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'LinkDesk');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'LinkDesk');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'linkdesk');
}

export class MachineConfig {
  readonly dir: string;
  private readonly file: string;

  constructor(dir: string) {
    this.dir = dir;
    this.file = path.join(dir, 'config.json');
  }

  private read(): ConfigFile {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<ConfigFile>;
      return {
        userName: typeof parsed.userName === 'string' ? parsed.userName : null,
        recent: Array.isArray(parsed.recent) ? parsed.recent.filter((r) => typeof r?.path === 'string') : [],
      };
    } catch {
      return { userName: null, recent: [] };
    }
  }

  private save(config: ConfigFile): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(config, null, 2), { mode: 0o600 });
    fs.renameSync(temporary, this.file);
  }

  get userName(): string | null {
    return this.read().userName;
  }

  rememberUser(userName: string): void {
    this.save({ ...this.read(), userName });
  }

  recent(): RecentEntry[] {
    return this.read().recent;
  }

  touchRecent(entry: RecentEntry): void {
    const config = this.read();
    const others = config.recent.filter((r) => r.path !== entry.path);
    this.save({ ...config, recent: [entry, ...others].slice(0, MAX_RECENT) });
  }

  forgetRecent(filePath: string): void {
    const config = this.read();
    this.save({ ...config, recent: config.recent.filter((r) => r.path !== filePath) });
  }

  get defaultFolder(): string {
    return path.join(os.homedir(), 'LinkDesk');
  }

  get demoPath(): string {
    return path.join(this.dir, 'demo-team.linkdesk');
  }

  /** The log of internal errors (app-log.ts): no personal data in it. */
  get logFile(): string {
    return path.join(this.dir, LOG_FILE_NAME);
  }
}
