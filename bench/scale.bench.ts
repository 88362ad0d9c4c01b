/**
 * The calls a person feels, through the dispatcher, on a county after one year of use and after
 * ten: each with its growth factor (10y / 1y). A cost that follows the work in front of the user
 * stays near 1x; one that follows the history grows towards 10x. Each time includes turning the
 * answer into JSON, as both transports do, and the answer's size is shown beside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { londonInstant } from '../shared/domain/london-time.ts';
import { MachineConfig } from '../electron/app/config/machine-config.ts';
import { openTeamDatabase } from '../electron/app/db/team-db.ts';
import { createDispatcher, type Dispatch } from '../electron/app/dispatcher.ts';
import { AppSession } from '../electron/app/session.ts';
import { benchDir, median, ms, printSection, ratio, type Results } from './harness.ts';
import { scaleCounties } from './scale/cache.ts';
import { CURRENT_YEAR, PASSPHRASE, TODAY, USER } from './scale/county.ts';

const RUNS = 9;

interface Call {
  /** The JSON key's stem, or null for a call only printed. */
  key: string | null;
  label: string;
  calls: (f: Fixtures) => [string, unknown][];
}

interface Fixtures {
  urn: string;
  namedId: string;
  secondaryId: string;
  icsPath: string;
}

const year = `${CURRENT_YEAR}-${String((CURRENT_YEAR + 1) % 100).padStart(2, '0')}`;

const CALLS: Call[] = [
  { key: 'dashboard', label: 'dashboard', calls: () => [['dashboard.get', {}]] },
  { key: 'planner', label: `visit year planner (${year})`, calls: () => [['visits.planner', { yearLabel: year }]] },
  { key: 'allocation_check_one', label: 'one allocation check (one school)', calls: (f) => [['allocations.check', { proposals: [{ urn: f.urn, namedId: f.secondaryId, secondaryId: f.namedId, from: TODAY }] }]] },
  { key: 'search_one_letter', label: 'school search, one letter ("a")', calls: () => [['schools.list', { search: 'a' }]] },
  { key: 'search_word', label: 'school search, a word ("mary")', calls: () => [['schools.list', { search: 'mary' }]] },
  { key: 'documents_list', label: 'documents page (records to make + documents made)', calls: () => [['documents.producible', {}], ['documents.list', {}]] },
  { key: 'calendar_export_year', label: `calendar export, school year ${year}`, calls: (f) => [['visits.exportCalendar', { path: f.icsPath, from: `${CURRENT_YEAR}-09-01`, to: `${CURRENT_YEAR + 1}-08-31`, replace: true }]] },
  { key: 'visits_list', label: "a school's visits", calls: (f) => [['visits.forSchool', { urn: f.urn }]] },
  {
    key: 'school_page', label: "a school's page (school, contacts, allocation history, INSET days)",
    calls: (f) => [['schools.get', { urn: f.urn }], ['contacts.forSchool', { urn: f.urn }], ['allocations.schoolHistory', { urn: f.urn }], ['calendar.insetDays', { urn: f.urn }]],
  },
  { key: 'panels_attendance', label: 'panel attendance, this school year', calls: () => [['panels.attendance', { from: `${CURRENT_YEAR}-09-01`, to: TODAY }]] },
  { key: 'escalations_open', label: 'escalation log (open)', calls: () => [['escalations.list', { which: 'open' }]] },
  // The termly and annual report: each reads its period and the one before, so a year costs about three terms, whatever the history.
  { key: 'report_term', label: `termly report (autumn ${year}, beside summer)`, calls: () => [['reports.build', { year, term: 'autumn' }]] },
  { key: 'report_year', label: `annual report (${year}, beside the year before)`, calls: () => [['reports.build', { year }]] },
];

interface Measured {
  wall: number;
  cpu: number;
  bytes: number;
}

interface County {
  dispatch: Dispatch;
  fixtures: Fixtures;
  close: () => void;
}

function openCounty(file: string): County {
  const dir = benchDir();
  const now = () => londonInstant(`${TODAY}T12:00`);
  const session = new AppSession({ config: new MachineConfig(dir), mode: 'cli', now });
  session.adopt(openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: USER, now }));
  const pick = session.database.db.prepare(
    "SELECT a.urn, a.person_id AS named, b.person_id AS secondary FROM allocation a JOIN allocation b ON b.urn = a.urn AND b.role = 'secondary' AND b.to_date IS NULL WHERE a.role = 'named' AND a.to_date IS NULL ORDER BY a.urn LIMIT 1 OFFSET 17",
  );
  const row = pick.get() as { urn: string; named: string; secondary: string };
  return {
    dispatch: createDispatcher(session),
    fixtures: { urn: row.urn, namedId: row.named, secondaryId: row.secondary, icsPath: path.join(dir, 'year.ics') },
    close: () => {
      session.lock();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A collection before each run, outside its time: a call pays for its own garbage, not the last one's.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

async function once(county: County, call: Call): Promise<{ wall: number; cpu: number; bytes: number }> {
  collect();
  let bytes = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const [method, input] of call.calls(county.fixtures)) {
    const result = await county.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    bytes += JSON.stringify(result.value).length;
  }
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, bytes };
}

/** Both counties open at once and each call run on them in turn, so neither gets the warmer code or the quieter moment. */
async function measureBoth(one: County, ten: County): Promise<Map<string, [Measured, Measured]>> {
  const results = new Map<string, [Measured, Measured]>();
  for (const call of CALLS) {
    for (let i = 0; i < 2; i++) for (const county of [one, ten]) await once(county, call);
    const runs: [{ wall: number; cpu: number; bytes: number }[], { wall: number; cpu: number; bytes: number }[]] = [[], []];
    for (let i = 0; i < RUNS; i++) {
      runs[0].push(await once(one, call));
      runs[1].push(await once(ten, call));
    }
    const summary = (r: { wall: number; cpu: number; bytes: number }[]): Measured => ({ wall: median(r.map((x) => x.wall)), cpu: median(r.map((x) => x.cpu)), bytes: r[0]?.bytes ?? 0 });
    results.set(call.label, [summary(runs[0]), summary(runs[1])]);
  }
  return results;
}

const kb = (bytes: number) => (bytes < 10_000 ? `${bytes} B` : bytes < 10_000_000 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1e6).toFixed(1)} MB`);

export async function benchScale(log: (line: string) => void): Promise<Results> {
  const counties = scaleCounties(log);
  const one = openCounty(counties.county1y);
  const ten = openCounty(counties.county10y);
  let measured: Map<string, [Measured, Measured]>;
  try {
    measured = await measureBoth(one, ten);
  } finally {
    one.close();
    ten.close();
  }
  // The whole process after the calls (the page caches are closed; what the heap kept remains).
  const rssMb = process.memoryUsage().rss / 1e6;
  const results: Results = { scale_rss_mb_after: round(rssMb) };
  const rows = CALLS.map((call) => {
    const [a, b] = measured.get(call.label) ?? [];
    if (!a || !b) throw new Error(`not measured: ${call.label}`);
    if (call.key) {
      results[`${call.key}_ms_county1y`] = round(a.wall);
      results[`${call.key}_ms_county10y`] = round(b.wall);
      results[`${call.key}_cpu_ms_county1y`] = round(a.cpu);
      results[`${call.key}_cpu_ms_county10y`] = round(b.cpu);
      results[`${call.key}_bytes_county10y`] = b.bytes;
    }
    return { name: call.label, value: ms(b.wall), note: `1y ${ms(a.wall)}, growth ${ratio(b.wall / a.wall)} (CPU ${ratio(b.cpu / a.cpu)}); answer ${kb(b.bytes)} (1y ${kb(a.bytes)})` };
  });
  results.scale_db_mb_county1y = round(fs.statSync(counties.county1y).size / 1e6);
  results.scale_db_mb_county10y = round(fs.statSync(counties.county10y).size / 1e6);
  rows.push({ name: 'process memory after these calls, both counties closed (RSS)', value: `${rssMb.toFixed(0)} MB`, note: `files: 1y ${results.scale_db_mb_county1y} MB, 10y ${results.scale_db_mb_county10y} MB` });
  printSection(`Scale: a county of 1,000 schools after ten years of use (median of ${RUNS}; ${os.cpus().length} cores); growth = 10 years / 1 year`, rows);
  return results;
}

const round = (value: number) => Math.round(value * 100) / 100;
