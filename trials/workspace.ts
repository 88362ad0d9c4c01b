/**
 * The databases and files every run starts from, built once and kept in a temp folder named
 * by a hash of what shapes them (the migrations, the demo, these builders, the sizes), so a
 * second `npm run trials` starts at once and a schema change builds afresh.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../shared/errors.ts';
import type { PersonSummary } from '../shared/domain/people.ts';
import type { SchoolSummary } from '../shared/domain/schools.ts';
import { MachineConfig } from '../electron/app/config/machine-config.ts';
import { createDispatcher } from '../electron/app/dispatcher.ts';
import { keyringPathFor } from '../electron/app/access/keyring.ts';
import { AppSession } from '../electron/app/session.ts';
import { commandLine, LEAVER, OLD_PASSPHRASE, ROOT, runOrThrow } from './child.ts';
import { ALLOCATIONS_FROM, writeAllocationsFile, writeHubsFile, writeNationalFile, writePeopleFile } from './inputs.ts';

export interface Sizes {
  /** GIAS rows imported by the GIAS trial (its result is also the allocation trial's start). */
  giasRows: number;
  /** GIAS rows in the large database that backup, restore and rekey work on. */
  largeRows: number;
  peopleRows: number;
  allocationRows: number;
}

export const FULL_SIZES: Sizes = { giasRows: 5000, largeRows: 20000, peopleRows: 2000, allocationRows: 3000 };
export const TEST_SIZES: Sizes = { giasRows: 600, largeRows: 2000, peopleRows: 200, allocationRows: 200 };

export interface Workspace {
  dir: string;
  sizes: Sizes;
  /** The demo team (`linkdesk demo`). */
  demo: string;
  /** The demo team with per-person access (its `.access` file beside it): the runner's passphrase, and the leaver's. */
  perPerson: string;
  /** The demo team after the GIAS trial's import. */
  demoWithGias: string;
  /** The demo team with a national-size register: tens of megabytes. */
  large: string;
  /** `linkdesk backup` of the large database, for the restore trial. */
  largeBackup: string;
  largeBackupSha256: string;
  giasFile: string;
  peopleFile: string;
  allocationsFile: string;
  /** URN and Hub for the schools the allocation file names (none has a hub after the GIAS import). */
  hubsFile: string;
}

const SHAPING = ['electron/app/db/migrations', 'electron/app/demo', 'electron/app/testing/gias-files.ts', 'trials/inputs.ts', 'trials/workspace.ts'];

export function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A database and, with per-person access, the access file it cannot be opened without. */
export function copyDatabase(from: string, to: string): void {
  fs.copyFileSync(from, to);
  if (fs.existsSync(keyringPathFor(from))) fs.copyFileSync(keyringPathFor(from), keyringPathFor(to));
}

function cacheKey(sizes: Sizes | null): string {
  const hash = createHash('sha256').update(JSON.stringify(sizes));
  for (const entry of SHAPING) {
    const full = path.join(ROOT, entry);
    const files = fs.statSync(full).isDirectory() ? fs.readdirSync(full).sort().map((f) => path.join(full, f)) : [full];
    for (const file of files) hash.update(file).update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function layout(dir: string, sizes: Sizes): Workspace {
  return {
    dir,
    sizes,
    demo: path.join(dir, 'demo.linkdesk'),
    perPerson: path.join(dir, 'per-person.linkdesk'),
    demoWithGias: path.join(dir, 'demo-gias.linkdesk'),
    large: path.join(dir, 'large.linkdesk'),
    largeBackup: path.join(dir, 'large-backup.linkdesk'),
    largeBackupSha256: fs.existsSync(path.join(dir, 'large-backup.linkdesk')) ? sha256Of(path.join(dir, 'large-backup.linkdesk')) : '',
    giasFile: path.join(dir, 'gias.csv'),
    peopleFile: path.join(dir, 'people.csv'),
    allocationsFile: path.join(dir, 'allocations.csv'),
    hubsFile: path.join(dir, 'hubs.csv'),
  };
}

/** Builds into a folder aside and renames it, so a second harness running at the same time never sees half of it. */
async function cached(key: string, log: (line: string) => void, build: (dir: string) => Promise<void>): Promise<string> {
  const root = path.join(os.tmpdir(), 'linkdesk-trials-cache');
  const dir = path.join(root, key);
  if (fs.existsSync(path.join(dir, 'ready'))) return dir;
  log(`Building the trial databases in ${dir} (once) ...`);
  const building = path.join(root, `building-${process.pid}-${Date.now()}`);
  fs.mkdirSync(building, { recursive: true });
  try {
    await build(building);
    fs.writeFileSync(path.join(building, 'ready'), new Date().toISOString());
    fs.renameSync(building, dir);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    // Another harness finished first: use its copy.
    if (!fs.existsSync(path.join(dir, 'ready'))) throw error;
  }
  return dir;
}

/** The demo team alone (for the fuzzer): `linkdesk demo`. */
export async function prepareDemo(log: (line: string) => void = () => undefined): Promise<string> {
  const dir = await cached(`demo-${cacheKey(null)}`, log, async (building) => {
    await runOrThrow(commandLine(['demo', '--db', path.join(building, 'demo.linkdesk')]), 'linkdesk demo');
  });
  return path.join(dir, 'demo.linkdesk');
}

export async function prepareWorkspace(sizes: Sizes, log: (line: string) => void = () => undefined): Promise<Workspace> {
  const dir = await cached(cacheKey(sizes), log, async (building) => {
    const ws = layout(building, sizes);
    await runOrThrow(commandLine(['demo', '--db', ws.demo]), 'linkdesk demo');
    const largeGias = path.join(building, 'gias-large.csv');
    writeNationalFile(ws.giasFile, sizes.giasRows);
    writeNationalFile(largeGias, sizes.largeRows);
    for (const [target, file] of [[ws.demoWithGias, ws.giasFile], [ws.large, largeGias]] as const) {
      fs.copyFileSync(ws.demo, target);
      await runOrThrow(commandLine(['import-gias', file, '--db', target]), `linkdesk import-gias (${path.basename(file)})`);
    }
    fs.rmSync(largeGias);
    copyDatabase(ws.demo, ws.perPerson);
    // The runner (LINKDESK_USER) keeps the team passphrase as their own; the leaver gets the new one.
    await runOrThrow(commandLine(['access', 'enable', '--db', ws.perPerson]), 'linkdesk access enable');
    await runOrThrow(commandLine(['access', 'add', '--db', ws.perPerson, '--person', LEAVER]), 'linkdesk access add');
    await runOrThrow(commandLine(['backup', '--db', ws.large, '--out', ws.largeBackup]), 'linkdesk backup');
    writePeopleFile(ws.peopleFile, sizes.peopleRows);
    const { urns, workers } = await allocationTargets(ws.demoWithGias, sizes.allocationRows);
    writeAllocationsFile(ws.allocationsFile, urns, workers);
    writeHubsFile(ws.hubsFile, urns);
  });
  return layout(dir, sizes);
}

/** Open schools from the GIAS import (not the demo's, which have their own history) and the active workers. */
async function allocationTargets(file: string, count: number): Promise<{ urns: string[]; workers: string[] }> {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-trial-config-'));
  const session = new AppSession({ config: new MachineConfig(configDir), mode: 'cli' });
  const dispatch = createDispatcher(session);
  try {
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = (await dispatch(method, input)) as Result<T>;
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    };
    await call('db.unlock', { path: file, passphrase: OLD_PASSPHRASE, userName: 'Trial Builder' });
    const schools = await call<{ rows: SchoolSummary[] }>('schools.list', { statuses: ['open'], sort: 'urn' });
    const people = await call<PersonSummary[]>('people.list', {});
    const urns = schools.rows.map((s) => s.urn).filter((urn) => Number(urn) < 990000).slice(0, count);
    // Workers still in post on the allocation's day (the demo has a leaver at Christmas).
    const workers = people
      .filter((p) => p.active && p.email && p.connections === 0 && (!p.activeTo || p.activeTo >= ALLOCATIONS_FROM))
      .map((p) => p.email ?? '');
    return { urns, workers };
  } finally {
    session.lock();
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}
