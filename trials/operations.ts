/**
 * The operations the trials interrupt. Each one says which database it starts from, what one run
 * needs beside it, the command to kill, and what must hold afterwards beyond the database itself.
 */
import fs from 'node:fs';
import { readKeyring } from '../electron/app/access/keyring.ts';
import path from 'node:path';
import { commandLine, driverLine, LEAVER, NEWCOMER, NEW_PASSPHRASE, OLD_PASSPHRASE, RUNNER, runChild } from './child.ts';
import type { Fingerprint } from './repo.ts';
import { ACCESS_FILE_PEOPLE, inspectDatabase, matchState, opensAs, type TrialPassphrase } from './verify.ts';
import { copyDatabase, sha256Of, type Workspace } from './workspace.ts';

export interface RunFiles {
  dir: string;
  db: string;
  /** The backup written (backup) or restored from (restore). */
  other?: string;
  /** The restored-from backup's sha256 before the run: a restore must never change it. */
  otherSha256?: string;
}

export interface States {
  before: Fingerprint;
  after: Fingerprint;
}

export interface Operation {
  name: string;
  what: string;
  base: (ws: Workspace) => string;
  lay: (ws: Workspace, dir: string) => { files: RunFiles; argv: string[] };
  passphrases: TrialPassphrase[];
  /** null when available; otherwise why not (a command another branch adds). */
  available?: () => Promise<string | null>;
  /** A driver saving one thing after another: any whole number of saves may be in. */
  repeated?: boolean;
  /** Checks beyond the database: the backup written, the backup restored from. */
  extra?: (files: RunFiles, states: States) => Promise<string[]>;
}

const OLD = [{ label: 'old', passphrase: OLD_PASSPHRASE }];

/** The runner opens a per-person database with their own passphrase, under their own name. */
const RUNNER_OWN = [{ label: 'old', passphrase: OLD_PASSPHRASE, user: RUNNER }];

function copyBase(base: string, dir: string): string {
  const db = path.join(dir, 'team.linkdesk');
  copyDatabase(base, db);
  return db;
}

/**
 * Who has access is all or nothing too: the person the trial adds or removes opens the database
 * exactly when the access file names them (the fingerprint has already matched the file's count
 * with the audit log's), and the un-killed run did change who has access.
 */
function accessAsTheFileSays(person: string, passphrase: string) {
  return async (files: RunFiles, states: States): Promise<string[]> => {
    const problems: string[] = [];
    if (states.before[ACCESS_FILE_PEOPLE] === states.after[ACCESS_FILE_PEOPLE]) problems.push('the un-killed run did not change who has access');
    const named = readKeyring(files.db)?.people.some((p) => p.name === person) ?? false;
    const { opens, problem } = await opensAs(files.db, person, passphrase);
    if (problem) problems.push(problem);
    else if (opens !== named) problems.push(named ? `the access file names ${person}, but their passphrase does not open the database` : `${person}'s passphrase opens the database, but the access file does not name them`);
    return problems;
  };
}


async function backupIsWholeOrAbsent(files: RunFiles, states: States): Promise<string[]> {
  if (!files.other || !fs.existsSync(files.other)) return [];
  const backup = await inspectDatabase(files.other, OLD);
  const problems = backup.problems.map((p) => `the backup file ${p}`);
  const copied = [{ label: 'before', fingerprint: states.before }, { label: 'after', fingerprint: states.after }];
  if (backup.fingerprint && !matchState(backup.fingerprint, copied)) problems.push('the backup file holds neither the state before nor after the backup');
  return problems;
}

async function restoredFromUnchanged(files: RunFiles): Promise<string[]> {
  if (!files.other || !files.otherSha256) return [];
  if (!fs.existsSync(files.other)) return ['the backup restored from is gone'];
  return sha256Of(files.other) === files.otherSha256 ? [] : ['the backup restored from was changed'];
}

let restoreAvailable: Promise<string | null> | undefined;

/** The restore command is added on another branch; until it lands this trial says so and runs nothing. */
function restoreCommandExists(): Promise<string | null> {
  restoreAvailable ??= runChild(commandLine(['--help'])).then((help) =>
    /^\s+restore\b/m.test(help.stdout) ? null : 'not available: this linkdesk has no restore command',
  );
  return restoreAvailable;
}

export const OPERATIONS: Operation[] = [
  {
    name: 'gias-import',
    what: 'linkdesk import-gias (a national-format GIAS file)',
    base: (ws) => ws.demo,
    lay: (ws, dir) => {
      const db = copyBase(ws.demo, dir);
      return { files: { dir, db }, argv: commandLine(['import-gias', ws.giasFile, '--db', db]) };
    },
    passphrases: OLD,
  },
  {
    name: 'people-import',
    what: 'linkdesk import-people (.csv)',
    base: (ws) => ws.demo,
    lay: (ws, dir) => {
      const db = copyBase(ws.demo, dir);
      return { files: { dir, db }, argv: commandLine(['import-people', ws.peopleFile, '--db', db]) };
    },
    passphrases: OLD,
  },
  {
    name: 'bulk-allocation',
    what: 'linkdesk import-allocations (.csv)',
    base: (ws) => ws.demoWithGias,
    lay: (ws, dir) => {
      const db = copyBase(ws.demoWithGias, dir);
      return { files: { dir, db }, argv: commandLine(['import-allocations', ws.allocationsFile, '--db', db]) };
    },
    passphrases: OLD,
  },
  {
    name: 'hub-import',
    what: 'linkdesk import-hubs (.csv: URN and Hub for schools a GIAS import added)',
    base: (ws) => ws.demoWithGias,
    lay: (ws, dir) => {
      const db = copyBase(ws.demoWithGias, dir);
      return { files: { dir, db }, argv: commandLine(['import-hubs', ws.hubsFile, '--db', db]) };
    },
    passphrases: OLD,
  },
  {
    name: 'visit-save',
    what: 'visits.plan through the dispatcher, one save after another',
    base: (ws) => ws.demo,
    lay: (ws, dir) => {
      const db = copyBase(ws.demo, dir);
      return { files: { dir, db }, argv: driverLine('save-visits.ts', [db]) };
    },
    passphrases: OLD,
    repeated: true,
  },
  {
    name: 'visit-grid',
    what: 'visits.planMany through the dispatcher: a term’s dates for every school still to agree, one transaction',
    base: (ws) => ws.demo,
    lay: (ws, dir) => {
      const db = copyBase(ws.demo, dir);
      return { files: { dir, db }, argv: driverLine('plan-grid.ts', [db]) };
    },
    passphrases: OLD,
  },
  {
    name: 'handover',
    what: 'people.handover of the demo’s leaver: her schools and open actions in one transaction',
    base: (ws) => ws.demo,
    lay: (ws, dir) => {
      const db = copyBase(ws.demo, dir);
      return { files: { dir, db }, argv: driverLine('handover.ts', [db]) };
    },
    passphrases: OLD,
  },
  {
    name: 'access-add',
    what: 'linkdesk access add (a person with their own passphrase, on the demo team with per-person access)',
    base: (ws) => ws.perPerson,
    lay: (ws, dir) => {
      const db = copyBase(ws.perPerson, dir);
      return { files: { dir, db }, argv: commandLine(['access', 'add', '--db', db, '--person', NEWCOMER]) };
    },
    passphrases: RUNNER_OWN,
    extra: accessAsTheFileSays(NEWCOMER, NEW_PASSPHRASE),
  },
  {
    name: 'access-remove',
    what: 'linkdesk access remove (the person out of the access file, then the audit row)',
    base: (ws) => ws.perPerson,
    lay: (ws, dir) => {
      const db = copyBase(ws.perPerson, dir);
      return { files: { dir, db }, argv: commandLine(['access', 'remove', '--db', db, '--person', LEAVER]) };
    },
    passphrases: RUNNER_OWN,
    extra: accessAsTheFileSays(LEAVER, NEW_PASSPHRASE),
  },
  {
    name: 'access-remove-reencrypt',
    what: 'linkdesk access remove --reencrypt (as Settings does by default: the person out, and a new key for everyone left)',
    base: (ws) => ws.perPerson,
    lay: (ws, dir) => {
      const db = copyBase(ws.perPerson, dir);
      return { files: { dir, db }, argv: commandLine(['access', 'remove', '--db', db, '--person', LEAVER, '--reencrypt']) };
    },
    passphrases: RUNNER_OWN,
    extra: accessAsTheFileSays(LEAVER, NEW_PASSPHRASE),
  },
  {
    name: 'backup',
    what: 'linkdesk backup (large database)',
    base: (ws) => ws.large,
    lay: (ws, dir) => {
      const db = copyBase(ws.large, dir);
      const other = path.join(dir, 'backup.linkdesk');
      return { files: { dir, db, other }, argv: commandLine(['backup', '--db', db, '--out', other]) };
    },
    passphrases: OLD,
    extra: backupIsWholeOrAbsent,
  },
  {
    name: 'rekey',
    what: 'linkdesk rekey (large database)',
    base: (ws) => ws.large,
    lay: (ws, dir) => {
      const db = copyBase(ws.large, dir);
      return { files: { dir, db }, argv: commandLine(['rekey', '--db', db]) };
    },
    passphrases: [...OLD, { label: 'new', passphrase: NEW_PASSPHRASE }],
  },
  {
    name: 'restore',
    what: 'linkdesk restore (the demo team from a large backup)',
    base: (ws) => ws.demo,
    lay: (ws, dir) => {
      const db = copyBase(ws.demo, dir);
      const other = path.join(dir, 'backup.linkdesk');
      fs.copyFileSync(ws.largeBackup, other);
      return { files: { dir, db, other, otherSha256: ws.largeBackupSha256 }, argv: commandLine(['restore', '--db', db, '--from', other]) };
    },
    passphrases: OLD,
    available: restoreCommandExists,
    extra: (files) => restoredFromUnchanged(files),
  },
];
