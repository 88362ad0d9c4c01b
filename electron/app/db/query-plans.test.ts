/**
 * The calls a person waits for must read the work in front of them, not the years behind it:
 * every statement they run is planned with SQLite's EXPLAIN QUERY PLAN, and a full scan of a
 * table that grows with the history fails the test. The plans are checked as a new database
 * has them (no statistics) and with the statistics of a database after years of use (ANALYZE
 * on the demo, then every table's row count scaled up: the demo alone is small enough that
 * a scan is the planner's honest choice for it).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { MachineConfig } from '../config/machine-config.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { createDispatcher } from '../dispatcher.ts';
import { AppSession } from '../session.ts';
import { PASSPHRASE, tempDir } from '../testing/builders.ts';
import { openTeamDatabase } from './team-db.ts';

const HISTORY = ['visit', 'visit_record', 'consultation', 'contact', 'allocation', 'escalation_entry', 'audit_log', 'panel_meeting', 'panel_attendance', 'generated_document', 'action', 'inset_day'];
/** Partial indexes that hold only the present (current periods, open actions, open follow-ups): scanning them is reading today's work. */
const PRESENT_ONLY = ['allocation_current', 'allocation_current_person', 'action_open', 'action_open_owner', 'contact_follow_up'];
const SQL_WORDS = new Set(['WHERE', 'ON', 'JOIN', 'LEFT', 'INNER', 'ORDER', 'GROUP', 'LIMIT', 'USING', 'UNION', 'INDEXED', 'NOT']);

const TODAY = '2026-11-24';

/** The calls `npm run bench` times on the ten-year county, and the reads of the screens around them. */
function callsOn(urn: string, visitId: string): [string, unknown][] {
  return [
    ['dashboard.get', {}],
    ['dashboard.firstRun', {}],
    ['visits.planner', { yearLabel: '2026-27' }],
    // The schools in the team's scope: the nurse flag, the SPOC list and a visit's own date check.
    ['consultations.withoutNurse', {}],
    ['documents.checkSpocList', { validFrom: TODAY }],
    ['visits.checkDate', { urn, date: '2026-12-10', term: 'autumn', yearLabel: '2026-27' }],
    ['schools.list', { search: '', statuses: ['open'], categories: ['primary'] }],
    ['allocations.check', { proposals: [{ urn, namedId: null, secondaryId: null, from: TODAY }] }],
    ['schools.list', { search: 'a' }],
    ['schools.list', { search: 'st mary' }],
    ['schools.list', { search: '', statuses: ['open'] }],
    ['documents.producible', {}],
    ['documents.list', {}],
    ['documents.list', { urn }],
    ['visits.exportCalendar', { path: path.join(tempDir(), 'year.ics'), from: '2026-09-01', to: '2027-08-31' }],
    ['visits.forSchool', { urn }],
    ['records.visitGet', { visitId }],
    ['schools.get', { urn }],
    ['contacts.forSchool', { urn }],
    ['allocations.schoolHistory', { urn }],
    // A school's story: its first page, a later one, and one kind in a range of dates.
    ['schools.timeline', { urn }],
    ['schools.timeline', { urn, limit: 2, before: { at: '2026-10-08', key: 'visit:x' } }],
    ['schools.timeline', { urn, kinds: ['escalation', 'contact'], from: '2026-09-01', to: TODAY }],
    ['calendar.insetDays', { urn }],
    ['consultations.list', { urn }],
    ['panels.attendance', { from: '2026-09-01', to: TODAY }],
    ['panels.uncovered', {}],
    ['escalations.list', { which: 'open' }],
    ['audit.list', {}],
    ['actions.list', {}],
    ['actions.list', { urn }],
    ['actions.list', { dueBefore: TODAY }],
    // The termly and annual report: a term, and a year filtered to a hub.
    ['reports.build', { year: '2026-27', term: 'autumn' }],
    ['reports.build', { year: '2026-27', hub: 'North', share: true }],
  ];
}

/** Every statement a call prepares, with its plan; a fresh connection, so nothing comes from the statement cache. */
async function plansOf(analyse: boolean): Promise<{ call: string; sql: string; plan: string[] }[]> {
  const dir = tempDir();
  const file = path.join(dir, 'demo.linkdesk');
  const now = () => new Date(`${TODAY}T12:00:00Z`);
  createDemoDatabase(file, PASSPHRASE, 'Plan Reader', now).close();
  const session = new AppSession({ config: new MachineConfig(dir), mode: 'cli', now });
  session.adopt(openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Plan Reader', now }));
  const db = session.database.db;
  if (analyse) {
    db.exec('ANALYZE');
    db.exec("UPDATE sqlite_stat1 SET stat = (CAST(substr(stat, 1, instr(stat || ' ', ' ') - 1) AS INTEGER) * 1000) || substr(stat, instr(stat || ' ', ' '))");
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").get()) db.exec('DELETE FROM sqlite_stat4');
    // Makes the planner read the statistics again.
    db.exec('ANALYZE sqlite_schema');
  }
  const pick = db.prepare("SELECT v.urn, v.id FROM visit v JOIN visit_record r ON r.visit_id = v.id LIMIT 1").get() as { urn: string; id: string };
  const prepared: { call: string; sql: string }[] = [];
  let current = '';
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push({ call: current, sql });
    return prepare(sql);
  }) as typeof db.prepare;
  const dispatch = createDispatcher(session);
  for (const [method, input] of callsOn(pick.urn, pick.id)) {
    current = `${method} ${JSON.stringify(input)}`;
    const result = await dispatch(method, input);
    expect(result, current).toMatchObject({ ok: true });
  }
  db.prepare = prepare;
  const plans = prepared
    .filter(({ sql }) => /^\s*(SELECT|WITH)/i.test(sql))
    .map(({ call, sql }) => ({ call, sql, plan: explain(db, sql) }));
  session.lock();
  return plans;
}

function explain(db: Database.Database, sql: string): string[] {
  const names = [...new Set([...sql.matchAll(/[$@:](\w+)/g)].map((m) => m[1] ?? ''))];
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (names.length ? statement.all(Object.fromEntries(names.map((n) => [n, null]))) : statement.all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null))) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** Table names by the names the plan uses for them: plans name a table by its alias. */
function tablesByAlias(sql: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const table = m[1] ?? '';
    names.set(table, table);
    if (m[2] && !SQL_WORDS.has(m[2].toUpperCase())) names.set(m[2], table);
  }
  return names;
}

/**
 * A scan of a history table, unless it is a count over an index (a few pages), reads only a
 * present-only partial index, or walks an index in the order asked and stops at the LIMIT.
 */
function historyScans(sql: string, plan: string[]): string[] {
  const tables = tablesByAlias(sql);
  const countOnly = /^\s*SELECT\s+(\(SELECT count\(\*\)|count\(\*\))/i.test(sql);
  const orderedPage = /\bLIMIT\b/i.test(sql) && !plan.some((line) => line.includes('TEMP B-TREE FOR ORDER BY'));
  return plan.filter((line) => {
    const scan = /^SCAN (\w+)(.*)$/.exec(line);
    if (!scan || !HISTORY.includes(tables.get(scan[1] ?? '') ?? scan[1] ?? '')) return false;
    const via = scan[2] ?? '';
    if (PRESENT_ONLY.some((index) => via.includes(`INDEX ${index}`))) return false;
    // Walking an index (or, with no WHERE, the table's own key) in the order asked, until the LIMIT.
    if (orderedPage && (/ USING (COVERING )?INDEX /.test(via) || (via === '' && !/\bWHERE\b/i.test(sql)))) return false;
    return !(countOnly && via.startsWith(' USING COVERING INDEX'));
  });
}

describe('the query plans of the calls people wait for', () => {
  for (const analyse of [false, true]) {
    it(`never scan a history table ${analyse ? 'with the statistics of years of use' : 'in a new database'}`, async () => {
      const plans = await plansOf(analyse);
      // The check means something only if it saw the history tables being read.
      const tables = new Set(plans.flatMap((p) => p.plan.flatMap((l) => [...l.matchAll(/(?:SCAN|SEARCH) (\w+)/g)].map((m) => tablesByAlias(p.sql).get(m[1] ?? '') ?? m[1]))));
      expect([...tables]).toEqual(expect.arrayContaining(['visit', 'action', 'allocation', 'generated_document', 'consultation', 'contact', 'panel_meeting', 'escalation_entry', 'audit_log']));
      const offenders = plans.flatMap(({ call, sql, plan }) => historyScans(sql, plan).map((line) => `${call}\n  ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n  ${line}`));
      expect(offenders).toEqual([]);
    }, 120_000);
  }

  it('tells a history scan from an indexed read', () => {
    expect(historyScans('SELECT * FROM visit', ['SCAN visit'])).toEqual(['SCAN visit']);
    expect(historyScans('SELECT * FROM visit v JOIN school s ON s.urn = v.urn', ['SCAN v', 'SEARCH s USING INDEX sqlite_autoindex_school_1 (urn=?)'])).toEqual(['SCAN v']);
    expect(historyScans('SELECT * FROM school s', ['SCAN s'])).toEqual([]);
    expect(historyScans('SELECT * FROM contact c ORDER BY urn', ['SCAN c USING INDEX contact_school'])).toEqual(['SCAN c USING INDEX contact_school']);
    expect(historyScans('SELECT * FROM contact c ORDER BY urn LIMIT 5', ['SCAN c USING INDEX contact_school'])).toEqual([]);
    expect(historyScans('SELECT * FROM contact c ORDER BY at LIMIT 5', ['SCAN c USING INDEX contact_school', 'USE TEMP B-TREE FOR ORDER BY'])).toEqual(['SCAN c USING INDEX contact_school']);
    expect(historyScans('SELECT count(*) FROM visit_record', ['SCAN visit_record USING COVERING INDEX sqlite_autoindex_visit_record_1'])).toEqual([]);
    expect(historyScans('SELECT a.person_id FROM allocation a', ['SCAN allocation USING COVERING INDEX allocation_current_person'])).toEqual([]);
    expect(historyScans('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?', ['SCAN audit_log'])).toEqual([]);
    expect(historyScans('SELECT * FROM audit_log WHERE actor = ? ORDER BY id DESC LIMIT ?', ['SCAN audit_log'])).toEqual(['SCAN audit_log']);
    expect(historyScans('SELECT * FROM visit WHERE id = ?', ['SEARCH visit USING INDEX sqlite_autoindex_visit_1 (id=?)'])).toEqual([]);
  });
});
