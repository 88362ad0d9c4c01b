/** GIAS import at national size against the CSV library's bare parse, and school search over 25,000 schools. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SchoolQuery } from '../shared/domain/schools.ts';
import { createTeamDatabase } from '../electron/app/db/team-db.ts';
import { applyGiasImport } from '../electron/app/schools/gias-import.ts';
import { listSchools } from '../electron/app/schools/service.ts';
import { writeNationalFile } from '../electron/app/testing/gias-files.ts';
import { benchDir, median, ms, printSection, ratio, timeIt, type Results } from './harness.ts';

interface ChildRun {
  ms: number;
  rows: number;
  maxRssMb: number;
}

function child(mode: 'parse' | 'import', file: string): ChildRun {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'gias-child.ts'), mode, file], { encoding: 'utf8' });
  return JSON.parse(out) as ChildRun;
}

export async function benchSchools(): Promise<Results> {
  const dir = benchDir();
  const file = path.join(dir, 'edubasealldata.csv');
  const { bytes } = writeNationalFile(file, 50_000);
  const parses = [child('parse', file), child('parse', file), child('parse', file)];
  const imports = [child('import', file), child('import', file), child('import', file)];
  const parseMs = median(parses.map((r) => r.ms));
  const importMs = median(imports.map((r) => r.ms));
  printSection(`GIAS import: ${imports[0]?.rows.toLocaleString('en-GB')} rows, ${(bytes / 1e6).toFixed(0)} MB, Windows-1252 (median of 3 processes)`, [
    { name: 'parse only with csv-parse (the floor)', value: ms(parseMs), note: `peak RSS ${median(parses.map((r) => r.maxRssMb)).toFixed(0)} MB` },
    { name: 'LinkDesk import: read, plan, insert, audit, commit', value: ms(importMs), note: `peak RSS ${median(imports.map((r) => r.maxRssMb)).toFixed(0)} MB` },
    { name: 'import / parse', value: ratio(importMs / parseMs) },
  ]);

  const db = createTeamDatabase({ path: path.join(dir, 'search.linkdesk'), passphrase: 'benchmark passphrase 2026', user: 'Bench', teamName: 'Bench', localAuthority: 'Benchshire' });
  const half = path.join(dir, 'half.csv');
  writeNationalFile(half, 25_000);
  await applyGiasImport(db.writeContext, half, [], { applyGoodRows: false });
  const total = listSchools(db.db, SchoolQuery.parse({ statuses: [] })).total;
  const searches = ['a', 'pri', 'camden', 'school', '2001', 'nw1', 'st mary', 'zzzz'];
  const times = (search: string) => {
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) runs.push(timeIt(() => listSchools(db.db, SchoolQuery.parse({ search }))));
    return median(runs);
  };
  const perTerm = searches.map((s) => ({ s, t: times(s), n: listSchools(db.db, SchoolQuery.parse({ search: s })).total }));
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  printSection(`School search over ${total.toLocaleString('en-GB')} schools (median of 15; a page of 100 rows and the count of matches)`, [
    ...perTerm.map((p) => ({ name: `"${p.s}"`, value: ms(p.t), note: `${p.n.toLocaleString('en-GB')} matches` })),
    { name: 'worst of these', value: ms(Math.max(...perTerm.map((p) => p.t))) },
  ]);
  return { search_worst_ms_25k: Math.max(...perTerm.map((p) => p.t)) };
}
