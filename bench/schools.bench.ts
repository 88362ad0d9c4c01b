/** GIAS import at national size against its floor (papaparse + one prepared INSERT), and school search over 25,000 schools. */
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
  cpuMs: number;
  rows: number;
  written: number;
  maxRssMb: number;
}

type Mode = 'import' | 'floor' | 'floor-bare' | 'reimport';

function child(mode: Mode, file: string): ChildRun {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'gias-child.ts'), mode, file], { encoding: 'utf8' });
  return JSON.parse(out) as ChildRun;
}

const RUNS = 5;

export async function benchSchools(): Promise<Results> {
  const dir = benchDir();
  const file = path.join(dir, 'edubasealldata.csv');
  const { bytes } = writeNationalFile(file, 50_000);
  // Taken in turn, so a busy moment of a shared machine falls on all of them alike.
  const runs: Record<Mode, ChildRun[]> = { 'floor-bare': [], floor: [], import: [], reimport: [] };
  for (let i = 0; i < RUNS; i++) for (const mode of Object.keys(runs) as Mode[]) runs[mode].push(child(mode, file));
  const m = (mode: Mode, key: 'ms' | 'cpuMs' | 'maxRssMb') => median(runs[mode].map((r) => r[key]));
  const rows = runs.import[0]?.rows ?? 0;
  if (runs.floor.some((r) => r.rows !== rows)) throw new Error('The floor and the import wrote different numbers of schools.');
  const rss = (mode: Mode) => `peak RSS ${m(mode, 'maxRssMb').toFixed(0)} MB, CPU ${ms(m(mode, 'cpuMs'))}`;
  printSection(`GIAS import: ${rows.toLocaleString('en-GB')} schools added from 50,000 rows, ${(bytes / 1e6).toFixed(0)} MB, Windows-1252 (median of ${RUNS} processes, taken in turn)`, [
    { name: 'floor without a search index: papaparse + iconv-lite, one prepared INSERT', value: ms(m('floor-bare', 'ms')), note: rss('floor-bare') },
    { name: 'floor: the same, the search index filled in one statement', value: ms(m('floor', 'ms')), note: rss('floor') },
    { name: 'LinkDesk import: read, check, compare, add, audit, index, commit', value: ms(m('import', 'ms')), note: rss('import') },
    { name: 'import / floor', value: ratio(m('import', 'ms') / m('floor', 'ms')), note: `CPU ${ratio(m('import', 'cpuMs') / m('floor', 'cpuMs'))}` },
    { name: 'import / floor without a search index', value: ratio(m('import', 'ms') / m('floor-bare', 'ms')), note: `CPU ${ratio(m('import', 'cpuMs') / m('floor-bare', 'cpuMs'))}` },
    { name: 'the same file again (nothing to write)', value: ms(m('reimport', 'ms')), note: `${rss('reimport')}, ${Math.max(...runs.reimport.map((r) => r.written))} rows written` },
  ]);
  const results: Results = {
    gias_import_ms: m('import', 'ms'),
    gias_floor_ms: m('floor', 'ms'),
    gias_floor_bare_ms: m('floor-bare', 'ms'),
    gias_import_ratio: m('import', 'ms') / m('floor', 'ms'),
    gias_import_bare_ratio: m('import', 'ms') / m('floor-bare', 'ms'),
    gias_import_cpu_ms: m('import', 'cpuMs'),
    gias_floor_cpu_ms: m('floor', 'cpuMs'),
    gias_import_cpu_ratio: m('import', 'cpuMs') / m('floor', 'cpuMs'),
    gias_peak_rss_mb: m('import', 'maxRssMb'),
    gias_floor_peak_rss_mb: m('floor', 'maxRssMb'),
    gias_reimport_ms: m('reimport', 'ms'),
    gias_reimport_rows_written: Math.max(...runs.reimport.map((r) => r.written)),
  };

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
  return { ...results, search_worst_ms_25k: Math.max(...perTerm.map((p) => p.t)) };
}
