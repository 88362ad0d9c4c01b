/**
 * Files that cross the browser in browser mode: an import's file uploaded by the browser's file
 * chooser, and an export offered as a download. Both live in one private temporary folder
 * (0700, each file 0600) for as short a time as they are needed:
 * - an upload until the import that reads it is done (the preview and the import read the same
 *   copy), until another file is chosen for the same purpose, until the database locks, or an
 *   hour at most;
 * - a download until it has been fetched once, or ten minutes at most.
 * Each sits in a folder of its own under a random id, with the file's own (made safe) name, so
 * the readers' messages name the file the person chose. A folder left by a LinkDesk that was
 * killed is removed by the next one to start.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acceptsName, describeExtensions, OPEN_PURPOSES, type DownloadTicket, type UploadedFile, type UploadPurpose } from '../../../shared/domain/files.ts';
import { AppError } from '../../../shared/errors.ts';
import { safeName } from '../documents/file-names.ts';
import { BANK_HOLIDAY_LIMITS, DOCX_TEMPLATE_LIMITS, formatBytes, GIAS_LIMITS, overLimit, SPREADSHEET_LIMITS, TERM_DATES_LIMITS } from '../imports/limits.ts';

/** The same size limits as the readers: a file the reader would refuse is refused as it arrives. */
export const UPLOAD_LIMITS: Record<UploadPurpose, number> = {
  gias: GIAS_LIMITS.fileBytes,
  people: SPREADSHEET_LIMITS.fileBytes,
  connections: SPREADSHEET_LIMITS.fileBytes,
  allocations: SPREADSHEET_LIMITS.fileBytes,
  hubs: SPREADSHEET_LIMITS.fileBytes,
  termDates: TERM_DATES_LIMITS.fileBytes,
  bankHolidays: BANK_HOLIDAY_LIMITS.fileBytes,
  template: DOCX_TEMPLATE_LIMITS.fileBytes,
};

const UPLOAD_LIFE_MS = 60 * 60_000;
const DOWNLOAD_LIFE_MS = 10 * 60_000;
const FOLDER_PREFIX = 'linkdesk-transfers-';
const MAX_NAME = 120;

interface Held {
  path: string;
  name: string;
  bytes: number;
  at: number;
}

export interface FileTransfersOptions {
  /** Where the private folder is made; the system's temporary folder unless a test says otherwise. */
  parent?: string;
  now?: () => number;
  /** Uploads are taken only while this is true (a team database is open). */
  accepting?: () => boolean;
}

/** A download being served: its file, and `done` to delete it once sent (or abandoned). */
export interface TakenDownload {
  path: string;
  name: string;
  bytes: number;
  done(): void;
}

const newId = () => randomBytes(32).toString('base64url');

/** The browser's name for a file, reduced to one safe name that keeps its extension. */
export function safeUploadName(given: string): string {
  const base = given.split(/[\\/]/).pop() ?? '';
  const safe = safeName(base);
  if (safe.length <= MAX_NAME) return safe;
  const ext = path.extname(safe).slice(0, 16);
  return `${safe.slice(0, MAX_NAME - ext.length).trim()}${ext}`;
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes the transfer folders of LinkDesks that are no longer running (killed, or the power went). */
export function sweepLeftovers(parent: string): number {
  let removed = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(parent, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const match = new RegExp(`^${FOLDER_PREFIX}(\\d+)-[A-Za-z0-9_-]+$`).exec(entry.name);
    if (!entry.isDirectory() || !match || !processIsGone(Number(match[1]))) continue;
    const full = path.join(parent, entry.name);
    try {
      // Only our own: another account's folder in a shared temporary folder is theirs.
      if (process.getuid && fs.statSync(full).uid !== process.getuid()) continue;
      fs.rmSync(full, { recursive: true, force: true });
      removed++;
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

export class FileTransfers {
  private readonly parent: string;
  private readonly now: () => number;
  private readonly accepting: () => boolean;
  private folder: string | null = null;
  private readonly uploads = new Map<string, Held & { purpose: UploadPurpose }>();
  private readonly downloads = new Map<string, Held>();

  constructor(options: FileTransfersOptions = {}) {
    this.parent = options.parent ?? os.tmpdir();
    this.now = options.now ?? Date.now;
    this.accepting = options.accepting ?? (() => true);
  }

  /** The private folder, made on first use (and the leftovers of killed LinkDesks removed then). */
  get root(): string {
    if (this.folder && fs.existsSync(this.folder)) return this.folder;
    sweepLeftovers(this.parent);
    this.folder = fs.mkdtempSync(path.join(this.parent, `${FOLDER_PREFIX}${process.pid}-`));
    fs.chmodSync(this.folder, 0o700);
    return this.folder;
  }

  /** Holds how many files now (for tests and the leak check). */
  get held(): { uploads: number; downloads: number } {
    this.expire();
    return { uploads: this.uploads.size, downloads: this.downloads.size };
  }

  /**
   * Stores an upload as it streams in, refusing it (and keeping nothing) when it is not a type the
   * purpose accepts, larger than the reader's limit (declared or counted), or empty.
   */
  async receive(purpose: UploadPurpose, givenName: string, body: AsyncIterable<Uint8Array>, declaredBytes?: number): Promise<UploadedFile> {
    if (!this.accepting()) throw new AppError('no_open_database', 'No team database is open. Open it again, then choose the file.');
    this.expire();
    const name = safeUploadName(givenName);
    const type = OPEN_PURPOSES[purpose].type;
    if (!acceptsName(type, name)) {
      throw new AppError('invalid_input', `${name} is not ${describeExtensions(type)} file. Choose ${describeExtensions(type)} file.`, { issues: [{ path: 'path', message: `Choose ${describeExtensions(type)} file` }] });
    }
    const limit = UPLOAD_LIMITS[purpose];
    const tooLarge = () => overLimit(name, `is larger than ${formatBytes(limit)}`, formatBytes(limit), { issues: [{ path: 'path', message: `Choose a file of ${formatBytes(limit)} or less` }] });
    if (declaredBytes !== undefined && declaredBytes > limit) throw tooLarge();
    const id = newId();
    const dir = path.join(this.root, id);
    fs.mkdirSync(dir, { mode: 0o700 });
    const file = path.join(dir, name);
    let bytes = 0;
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      for await (const chunk of body) {
        bytes += chunk.length;
        if (bytes > limit) throw tooLarge();
        fs.writeSync(fd, chunk);
      }
    } catch (error) {
      fs.closeSync(fd);
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    fs.closeSync(fd);
    if (bytes === 0) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new AppError('invalid_input', `${name} is empty.`, { issues: [{ path: 'path', message: 'The file is empty' }] });
    }
    // One file per purpose: choosing another replaces the first.
    for (const [other, held] of this.uploads) if (held.purpose === purpose) this.release(other);
    this.uploads.set(id, { purpose, path: file, name, bytes, at: this.now() });
    return { upload: id, name, bytes };
  }

  /** The private copy of an upload, for the import it was chosen for. */
  resolve(id: string, purpose: UploadPurpose): string {
    this.expire();
    const held = this.uploads.get(id);
    if (!held || held.purpose !== purpose || !fs.existsSync(held.path)) {
      throw new AppError('invalid_input', 'The chosen file is no longer held (it was imported, replaced, or the database was locked). Choose it again.', {
        issues: [{ path: 'path', message: 'Choose the file again' }],
      });
    }
    return held.path;
  }

  release(id: string): void {
    const held = this.uploads.get(id);
    this.uploads.delete(id);
    if (held) fs.rmSync(path.dirname(held.path), { recursive: true, force: true });
  }

  /** A fresh path for an export to be downloaded: write it there (through the one writer), then `offer` it, or `abandon` it. */
  downloadPath(name: string): { path: string; offer(): DownloadTicket; abandon(): void } {
    this.expire();
    const id = newId();
    const dir = path.join(this.root, id);
    fs.mkdirSync(dir, { mode: 0o700 });
    const file = path.join(dir, safeUploadName(name));
    return {
      path: file,
      abandon: () => fs.rmSync(dir, { recursive: true, force: true }),
      offer: () => {
        const bytes = fs.statSync(file).size;
        this.downloads.set(id, { path: file, name: path.basename(file), bytes, at: this.now() });
        return { id, name: path.basename(file), bytes };
      },
    };
  }

  /** A download, once: the id is forgotten now, and the file deleted when `done` is called. */
  take(id: string): TakenDownload | null {
    this.expire();
    const held = this.downloads.get(id);
    if (!held) return null;
    this.downloads.delete(id);
    return { ...held, done: () => fs.rmSync(path.dirname(held.path), { recursive: true, force: true }) };
  }

  /** Forgets and deletes everything: the database locked, or LinkDesk is stopping. */
  clear(): void {
    this.uploads.clear();
    this.downloads.clear();
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
  }

  private expire(): void {
    const now = this.now();
    for (const [id, held] of this.uploads) if (now - held.at > UPLOAD_LIFE_MS) this.release(id);
    for (const [id, held] of this.downloads) {
      if (now - held.at <= DOWNLOAD_LIFE_MS) continue;
      this.downloads.delete(id);
      fs.rmSync(path.dirname(held.path), { recursive: true, force: true });
    }
  }
}
