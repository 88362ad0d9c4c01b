/**
 * The scale databases are built once and kept in the temp folder, under a key made from the
 * generator's source and every migration's: change either and the next run builds afresh.
 * A build goes to a temporary name and is renamed when complete, so an interrupted one is never used.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../../electron/app/db/migrations/index.ts';
import { buildCounty } from './county.ts';

const here = import.meta.dirname;
const migrations = path.join(here, '..', '..', 'electron', 'app', 'db', 'migrations');

function sourcesKey(): string {
  const hash = createHash('sha256').update(`schema ${LATEST_SCHEMA_VERSION}\n`);
  const files = [
    ...fs.readdirSync(here).filter((f) => f.endsWith('.ts')).map((f) => path.join(here, f)),
    ...fs.readdirSync(migrations).filter((f) => /^\d{4}-.*\.ts$/.test(f)).map((f) => path.join(migrations, f)),
  ].sort();
  for (const file of files) hash.update(path.basename(file)).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export interface Counties {
  folder: string;
  /** The county after one school year of use (and the current term). */
  county1y: string;
  /** The same county after ten. */
  county10y: string;
}

export function scaleCounties(log: (line: string) => void): Counties {
  const folder = path.join(process.env.LINKDESK_BENCH_CACHE ?? path.join(os.tmpdir(), 'linkdesk-bench-scale'), sourcesKey());
  fs.mkdirSync(folder, { recursive: true });
  const ensure = (name: string, years: number): string => {
    const file = path.join(folder, `${name}.linkdesk`);
    if (fs.existsSync(file)) return file;
    const partial = path.join(folder, `${name}.building-${process.pid}.linkdesk`);
    log(`Building the ${name} scale database (once; kept in ${folder})…`);
    const began = Date.now();
    try {
      buildCounty(partial, years, log);
      fs.renameSync(partial, file);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    log(`  built in ${((Date.now() - began) / 1000).toFixed(0)} s, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);
    return file;
  };
  return { folder, county1y: ensure('county1y', 1), county10y: ensure('county10y', 10) };
}
