/**
 * What a person would do after a crash: open the database (taking over the lock the killed
 * process left, once LinkDesk calls it stale), run the check, and see what it holds. Through
 * the dispatcher, as the app and the command line do.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../shared/errors.ts';
import { MachineConfig } from '../electron/app/config/machine-config.ts';
import { createDispatcher } from '../electron/app/dispatcher.ts';
import { AppSession } from '../electron/app/session.ts';
import { readKeyring } from '../electron/app/access/keyring.ts';
import { fingerprintOf, type Fingerprint } from './repo.ts';

export interface Inspection {
  /** The label of the passphrase that opened it ("old", "new"), or null when none did. */
  openedWith: string | null;
  checkPassed: boolean;
  fingerprint: Fingerprint | null;
  /** What went wrong, in words, for the failure list. */
  problems: string[];
  /** Worth knowing but not a failure (a stale lock taken over). */
  notes: string[];
}

interface ErrorShape {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A passphrase to try; with per-person access, whose it is (the person opening must be named). */
export interface TrialPassphrase {
  label: string;
  passphrase: string;
  user?: string;
}

/** The fingerprint's entry for the access file beside the database: how many people it gives access. */
export const ACCESS_FILE_PEOPLE = 'access file: people';

export async function inspectDatabase(file: string, passphrases: TrialPassphrase[]): Promise<Inspection> {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-trial-config-'));
  const session = new AppSession({ config: new MachineConfig(configDir), mode: 'cli' });
  const dispatch = createDispatcher(session);
  const result: Inspection = { openedWith: null, checkPassed: false, fingerprint: null, problems: [], notes: [] };
  try {
    const errors: string[] = [];
    for (const { label, passphrase, user } of passphrases) {
      const unlock = (takeOverLock: boolean) => dispatch('db.unlock', { path: file, passphrase, userName: user ?? 'Trial Checker', takeOverLock }) as Promise<Result<unknown>>;
      let opened = await unlock(false);
      if (!opened.ok && opened.error.code === 'locked_elsewhere') {
        const error = opened.error as ErrorShape;
        // A killed process cannot remove its lock; LinkDesk must see it as stale, not as someone in the file.
        if (error.details?.stale !== true) result.problems.push(`the killed process's lock was not called stale: ${error.message}`);
        // A take-over that then fails (the wrong passphrase of two) puts the lock back, so the next try takes it over again.
        else if (!result.notes.includes('stale lock taken over')) result.notes.push('stale lock taken over');
        opened = await unlock(true);
      }
      if (opened.ok) {
        result.openedWith = label;
        break;
      }
      errors.push(`${label} passphrase: ${opened.error.code} (${opened.error.message})`);
      if (opened.error.code !== 'wrong_passphrase') break;
    }
    if (result.openedWith === null) {
      result.problems.push(`does not open: ${errors.join('; ')}`);
      return result;
    }
    const check = (await dispatch('db.check', {})) as Result<{ ok: boolean; integrity: string[]; cipherIntegrity: string[] }>;
    if (!check.ok) result.problems.push(`check failed to run: ${check.error.code} (${check.error.message})`);
    else if (!check.value.ok) result.problems.push(`check found: ${[...check.value.integrity, ...check.value.cipherIntegrity].slice(0, 3).join('; ')}`);
    else result.checkPassed = true;
    result.fingerprint = fingerprintOf(session.database.db);
    // Who has access is in the file beside the database, as it stands once opening has settled it (access/opened.ts).
    const keyring = readKeyring(file);
    if (keyring) result.fingerprint[ACCESS_FILE_PEOPLE] = keyring.people.length;
    return result;
  } finally {
    session.lock();
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}

/** Which of the allowed states a fingerprint is, or null (then it holds part of a change). */
export function matchState(actual: Fingerprint, allowed: { label: string; fingerprint: Fingerprint }[]): string | null {
  for (const { label, fingerprint } of allowed) if (sameFingerprint(actual, fingerprint)) return label;
  return null;
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** The tables whose counts differ, for a failure message: "audit_log 120 (before 118, after 121)". */
export function describeDifference(actual: Fingerprint, before: Fingerprint, after: Fingerprint): string {
  const keys = [...new Set([...Object.keys(actual), ...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => actual[k] !== before[k] || actual[k] !== after[k])
    .map((k) => `${k} ${actual[k] ?? '-'} (before ${before[k] ?? '-'}, after ${after[k] ?? '-'})`)
    .join(', ');
}

/** Whether a person's own passphrase opens the database (it must exactly when the access file names them). */
export async function opensAs(file: string, user: string, passphrase: string): Promise<{ opens: boolean; problem: string | null }> {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-trial-config-'));
  const session = new AppSession({ config: new MachineConfig(configDir), mode: 'cli' });
  try {
    const opened = (await createDispatcher(session)('db.unlock', { path: file, passphrase, userName: user, takeOverLock: true })) as Result<unknown>;
    if (opened.ok) return { opens: true, problem: null };
    return { opens: false, problem: opened.error.code === 'wrong_passphrase' ? null : `${user} could not open it: ${opened.error.code} (${opened.error.message})` };
  } finally {
    session.lock();
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}
