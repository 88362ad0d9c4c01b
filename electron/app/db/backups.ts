/**
 * Automatic backups: a rolling set of verified, encrypted copies in the team's backup folder
 * (by default a `Backups` folder beside the database), named after the database and the
 * moment, e.g. `north-hub 2026-12-03 0930.linkdesk`. Only files with exactly that name
 * pattern are counted or pruned: nothing else in the folder is ever touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { keyringPathFor } from '../access/keyring.ts';
import type { BackupFile } from '../../../shared/api.ts';
import { DEFAULT_BACKUP_FOLDER_NAME, type TeamSettings } from '../../../shared/domain/team.ts';
import { AppError } from '../../../shared/errors.ts';
import { PRIVATE_FOLDER_MODE, removeQuietly } from './durable.ts';
import { asStorageFailure } from './storage-errors.ts';
import type { TeamDatabase } from './team-db.ts';

const BACKUP_EXTENSION = '.linkdesk';
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupFolderOf(dbPath: string, settings: Pick<TeamSettings, 'backupFolder'>): string {
  return settings.backupFolder || path.join(path.dirname(dbPath), DEFAULT_BACKUP_FOLDER_NAME);
}

function stemOf(dbPath: string): string {
  const base = path.basename(dbPath);
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local time, as the team reads it: `<stem> 2026-12-03 0930.linkdesk`. */
export function backupNameFor(dbPath: string, at: Date): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${stemOf(dbPath)} ${date} ${pad(at.getHours())}${pad(at.getMinutes())}${BACKUP_EXTENSION}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternFor(dbPath: string): RegExp {
  return new RegExp(`^${escapeRegExp(stemOf(dbPath))} (\\d{4})-(\\d{2})-(\\d{2}) (\\d{2})(\\d{2})(?: \\((\\d+)\\))?${escapeRegExp(BACKUP_EXTENSION)}$`);
}

/** The moment an automatic backup was taken, from its name; null for any other name. */
export function takenAtOf(dbPath: string, fileName: string): Date | null {
  const m = patternFor(dbPath).exec(fileName);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const at = new Date(year, month - 1, day, hour, minute);
  return Number.isNaN(at.getTime()) ? null : at;
}

interface Found extends BackupFile {
  order: number;
}

/** This database's automatic backups in `folder`, newest first. */
export function listBackups(dbPath: string, folder: string): BackupFile[] {
  return findBackups(dbPath, folder).map((f) => ({ path: f.path, name: f.name, takenAt: f.takenAt, bytes: f.bytes }));
}

function findBackups(dbPath: string, folder: string): Found[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const pattern = patternFor(dbPath);
  const found: Found[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    const takenAt = takenAtOf(dbPath, name);
    if (!m || !takenAt) continue;
    const file = path.join(folder, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    found.push({ path: file, name, takenAt: takenAt.toISOString(), bytes: stat.size, order: Number(m[6] ?? 1) });
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.order - a.order);
}

/** Removes the oldest automatic backups beyond `keep`; returns the paths removed. */
export function pruneBackups(dbPath: string, folder: string, keep: number): string[] {
  const excess = findBackups(dbPath, folder).slice(keep);
  for (const file of excess) {
    removeQuietly(file.path);
    // Its access file (per-person access) goes with it.
    removeQuietly(keyringPathFor(file.path));
  }
  return excess.map((f) => f.path);
}

/** A daily backup is due when the newest is more than a day old, or there is none. */
export function dailyBackupDue(dbPath: string, folder: string, now: Date): boolean {
  const newest = findBackups(dbPath, folder)[0];
  return !newest || now.getTime() - new Date(newest.takenAt).getTime() >= DAY_MS;
}

function ensureFolder(folder: string, isDefault: boolean): void {
  if (fs.existsSync(folder)) {
    if (!fs.statSync(folder).isDirectory()) throw new AppError('file_not_found', `The backup folder ${folder} is a file, not a folder. Choose another in Settings.`, { path: folder });
    return;
  }
  if (!isDefault) {
    throw new AppError('file_not_found', `The backup folder ${folder} does not exist (a shared drive not connected?). Connect it, or choose another folder in Settings.`, { path: folder });
  }
  try {
    fs.mkdirSync(folder, { mode: PRIVATE_FOLDER_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('file_not_found', `The folder that should hold ${folder} is no longer there. No backup was made.`, { path: folder });
    }
    throw asStorageFailure(error, folder, 'No backup was made; the database itself is unchanged.');
  }
}

/**
 * Takes one automatic backup now, verified, then prunes the oldest beyond the number kept.
 * Throws an AppError that says what went wrong; the database itself is never changed.
 */
export function takeAutomaticBackup(db: TeamDatabase, now: Date): { path: string; bytes: number } {
  const settings = db.team().settings;
  const folder = backupFolderOf(db.path, settings);
  ensureFolder(folder, !settings.backupFolder);
  const wanted = path.join(folder, backupNameFor(db.path, now));
  let target = wanted;
  for (let n = 2; fs.existsSync(target); n++) target = wanted.replace(/\.linkdesk$/, ` (${n}).linkdesk`);
  const written = db.backupNow(target);
  pruneBackups(db.path, folder, settings.backupsToKeep);
  return written;
}
