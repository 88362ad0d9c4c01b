/**
 * One measured run in its own process, so its peak memory (maxRSS) is its own:
 *   import       LinkDesk's GIAS import into a new team database
 *   floor        the floor (issue 12): papaparse with iconv-lite decoding and one prepared INSERT
 *                per row, in one transaction, into the same new team database's school table,
 *                the same rows the import adds (the open ones); the table keeps its search index,
 *                filled in one statement before the commit (the cheapest way: its per-row trigger
 *                would cost more than the rest together)
 *   floor-bare   the same into the table without its search index
 *   reimport     the import of the same file again, after a first (untimed) import
 * Prints {ms, cpuMs, rows, written, maxRssMb}: `written` counts the rows the run added to the
 * database's school and audit tables (a re-import of an unchanged file must write none).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { createTeamDatabase } from '../electron/app/db/team-db.ts';
import { applyGiasImport } from '../electron/app/schools/gias-import.ts';

const [mode, file] = process.argv.slice(2);
if (!file || !['import', 'floor', 'floor-bare', 'reimport'].includes(mode ?? '')) throw new Error('usage: gias-child import|floor|floor-bare|reimport FILE');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-bench-'));
const db = createTeamDatabase({ path: path.join(dir, 'national.linkdesk'), passphrase: 'benchmark passphrase 2026', user: 'Bench', teamName: 'Bench Team', localAuthority: 'Benchshire' });

const COLUMNS = {
  urn: 'URN', name: 'EstablishmentName', establishment_type: 'TypeOfEstablishment (name)', phase: 'PhaseOfEducation (name)', status: 'EstablishmentStatus (name)',
  la_code: 'LA (code)', la_name: 'LA (name)', street: 'Street', locality: 'Locality', address3: 'Address3', town: 'Town', county: 'County (name)',
  postcode: 'Postcode', phone: 'TelephoneNum', website: 'SchoolWebsite', head_teacher: 'HeadLastName', pupils: 'NumberOfPupils',
  easting: 'Easting', northing: 'Northing', opened_on: 'OpenDate', closed_on: 'CloseDate',
} as const;

async function floor(withSearchIndex: boolean): Promise<number> {
  db.db.exec(withSearchIndex ? 'DROP TRIGGER school_search_insert' : 'DROP TRIGGER school_search_insert; DROP TRIGGER school_search_update; DROP TRIGGER school_search_delete; DROP TABLE school_search');
  const names = Object.keys(COLUMNS);
  const insert = db.db.prepare(`INSERT INTO school (urn, ${names.slice(1).join(', ')}, category, source, search_text, created_at, updated_at)
    VALUES (${names.map(() => '?').join(', ')}, 'primary', 'gias', ?, ?, ?)`);
  const at = new Date().toISOString();
  const integer = (v: string | undefined) => (v ? Number(v) : null);
  let index: number[] | null = null;
  let rows = 0;
  db.db.exec('BEGIN');
  const parsed = fs.createReadStream(file as string).pipe(iconv.decodeStream('win1252')).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, {}));
  parsed.on('data', (values: string[]) => {
    if (!index) {
      index = Object.values(COLUMNS).map((name) => values.indexOf(name));
      return;
    }
    const v = index.map((i) => values[i] ?? '');
    if (v[4] === 'Closed') return;
    insert.run(...v.slice(0, 16), integer(v[16]), integer(v[17]), integer(v[18]), v[19], v[20], `${v[1]} ${v[0]} ${v[10]} ${v[12]} ${v[12]?.replace(/\s/g, '')}`.toLowerCase(), at, at);
    rows++;
  });
  await new Promise((resolve, reject) => parsed.on('end', resolve).on('error', reject));
  if (withSearchIndex) db.db.exec("INSERT INTO school_search (rowid, text) SELECT CAST(urn AS INTEGER), '  ' || replace(search_text, ' ', '  ') FROM school");
  db.db.exec('COMMIT');
  return rows;
}

const importFile = () => applyGiasImport(db.writeContext, file, [], { applyGoodRows: false });
const rowCount = () => db.db.prepare('SELECT (SELECT count(*) FROM school) + (SELECT count(*) FROM audit_log)').pluck().get() as number;
if (mode === 'reimport') await importFile();
const before = rowCount();
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
let rows: number;
if (mode === 'import' || mode === 'reimport') {
  const { counts } = await importFile();
  rows = counts.added + counts.updated + counts.unchanged;
} else rows = await floor(mode === 'floor');
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const used = process.cpuUsage(cpu);
const written = rowCount() - before;
db.close();
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, rows, written, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
