/** Small builders for tests: real encrypted databases in throwaway folders. */
import { AppError } from '../../../shared/errors.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { MachineConfig } from '../config/machine-config.ts';
import { createTeamDatabase, openTeamDatabase, type CreateRequest, type TeamDatabase } from '../db/team-db.ts';
import { AppSession } from '../session.ts';

export const PASSPHRASE = 'correct horse battery staple';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** Runs `fn` after the current test (last registered, first run). */
export function onCleanup(fn: () => void): void {
  cleanups.push(fn);
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function aTeamDatabase(overrides: Partial<CreateRequest> = {}): TeamDatabase {
  const db = createTeamDatabase({
    path: path.join(tempDir(), 'team.linkdesk'),
    passphrase: PASSPHRASE,
    user: 'Tess Manager',
    teamName: 'Coastal Dedicated Schools Team',
    localAuthority: 'Seashire County Council',
    ...overrides,
  });
  cleanups.push(() => db.close());
  return db;
}

/** A closed team database file on disk, for the open paths. */
export function aTeamDatabaseFile(overrides: Partial<CreateRequest> = {}): string {
  const db = aTeamDatabase(overrides);
  db.close();
  return db.path;
}

export function aSession(now?: () => Date): AppSession {
  const session = new AppSession({ config: new MachineConfig(tempDir()), mode: 'cli', ...(now ? { now } : {}) });
  cleanups.push(() => session.lock());
  return session;
}

export function bytesOf(file: string): Buffer {
  return fs.readFileSync(file);
}

/**
 * The first page of a table that opening a database never reads (the panels table), for the
 * tests that damage a page on disk: the schema's own pages are read on every open.
 */
export function pageNeverReadOnOpen(file: string): number {
  const db = openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Page Finder' });
  try {
    return db.db.prepare("SELECT pageno FROM dbstat WHERE name = 'panel' ORDER BY pageno LIMIT 1").pluck().get() as number;
  } finally {
    db.close();
  }
}

/** The AppError a piece of work throws; any other outcome fails the test. */
export function refusalOf(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but the work succeeded');
}

export async function asyncRefusalOf(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but the work succeeded');
}
