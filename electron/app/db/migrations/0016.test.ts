import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyHistory } from '../../audit/chain.ts';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection, type Connection } from '../cipher.ts';
import { migrate } from './index.ts';

const CHILDREN = [
  { child: { initials: 'JB', yearGroup: '4', caseId: null }, category: 'persistent_absence', statutoryIntervention: 'no', earlyHelpReferral: 'yes', action: null, who: null, byWhen: null },
  { child: { initials: 'KT', yearGroup: '6', caseId: null }, category: 'fixed_term_exclusion', statutoryIntervention: 'yes', earlyHelpReferral: 'no', action: 'Refer', who: 'DSL', byWhen: null },
];

function aDatabaseAt15(): Connection {
  const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
  migrate(db, 15);
  db.exec(`
    INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES
      ('100500', 'St Mary''s C of E Primary School', 'Voluntary aided school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'st mary''s', 'x', 'x');
    INSERT INTO visit (id, urn, year_label, term, visit_date, status, held_on, created_at, updated_at) VALUES
      ('v1', '100500', '2026-27', 'autumn', '2026-10-06', 'record_written', '2026-10-06', 'x', 'x'),
      ('v2', '100500', '2026-27', 'spring', '2027-01-12', 'record_written', '2027-01-12', 'x', 'x');
  `);
  const record = db.prepare("INSERT INTO visit_record (visit_id, data, written_by, written_at) VALUES (?, ?, 'Tess', 'x')");
  record.run('v1', JSON.stringify({ exclusionThresholdDays: 5, children: CHILDREN, otherIssues: 'A fixed_term_exclusion word in the notes stays as written' }));
  record.run('v2', JSON.stringify({ exclusionThresholdDays: 5, children: [CHILDREN[0]] }));
  const entry = db.prepare(`INSERT INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary, referral_made, referral_at, referral_reference, closed_at, recorded_by, recorded_at)
    VALUES (?, ?, ?, ?, '2026-11-20T09:00', 'DSL', '100500', '[]', ?, 's', ?, ?, ?, ?, 'Tess', ?)`);
  entry.run('open-1', 'open', null, 1, 'other', 'not_known', null, null, null, 'r1');
  entry.run('open-2', 'open', 'open-1', 2, 'neglect', 'yes', '2026-11-20T11:00', 'IFD-1', null, 'r2');
  entry.run('closed-1', 'closed', null, 1, 'child_protection', 'no', null, null, null, 'r3');
  entry.run('closed-2', 'closed', 'closed-1', 2, 'child_protection', 'no', null, null, '2026-11-22T10:00', 'r4');
  return db;
}

const entries = (db: Connection) => db.prepare('SELECT * FROM escalation_entry ORDER BY id').all() as Record<string, unknown>[];

describe('migration 0016: the words of practice now', () => {
  it('renames the suspension category in visit records, and leaves everything else in them as it was', () => {
    const db = aDatabaseAt15();
    expect(migrate(db, 16)).toBe(16);
    const data = (id: string) => JSON.parse(db.prepare('SELECT data FROM visit_record WHERE visit_id = ?').pluck().get(id) as string) as Record<string, unknown>;
    expect(data('v1')).toEqual({ exclusionThresholdDays: 5, children: [CHILDREN[0], { ...CHILDREN[1], category: 'suspension' }], otherIssues: 'A fixed_term_exclusion word in the notes stays as written' });
    expect(data('v2')).toEqual({ exclusionThresholdDays: 5, children: [CHILDREN[0]] });
    db.close();
  });

  it('keeps every escalation entry as it was, with the route every earlier entry asked about: the school’s referral to the IFD / MASH', () => {
    const db = aDatabaseAt15();
    const before = entries(db);
    migrate(db, 16);
    expect(entries(db)).toEqual(before.map((e) => ({ ...e, referral_route: 'ifd_mash_by_school', referral_route_other: null })));
    expect(db.prepare('SELECT escalation_id, entry_id FROM escalation_open').all()).toEqual([{ escalation_id: 'open', entry_id: 'open-2' }]);
    db.close();
  });

  it('takes the new concern and routes, still refuses any change or deletion, still keeps the open list, and the history check finds nothing wrong', () => {
    const db = aDatabaseAt15();
    migrate(db, 16);
    const add = db.prepare(`INSERT INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary, referral_made, referral_route, referral_route_other, closed_at, recorded_by, recorded_at)
      VALUES (?, ?, ?, ?, '2026-11-23T09:00', 'DSL', '100500', '[]', ?, 's', 'yes', ?, ?, ?, 'Tess', 'x')`);
    add.run('cme-1', 'cme', null, 1, 'missing_education', 'lado', null, null);
    add.run('open-3', 'open', 'open-2', 3, 'neglect', 'other', 'Police', '2026-11-24T09:00');
    expect(() => add.run('x-1', 'x', null, 1, 'truancy', 'lado', null, null)).toThrow(/CHECK/);
    expect(() => add.run('x-2', 'x', null, 1, 'neglect', 'school_nurse', null, null)).toThrow(/CHECK/);
    expect(() => add.run('x-3', 'x', null, 1, 'neglect', 'other', null, null)).toThrow(/CHECK/);
    expect(() => add.run('closed-2b', 'closed', 'closed-1', 3, 'neglect', 'lado', null, null)).toThrow(/cannot be replaced/);
    expect(db.prepare('SELECT escalation_id, entry_id FROM escalation_open ORDER BY escalation_id').all()).toEqual([{ escalation_id: 'cme', entry_id: 'cme-1' }]);
    expect(() => db.exec("UPDATE escalation_entry SET summary = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM escalation_entry')).toThrow(/append-only/);
    expect(() => add.run('orphan-2', 'orphan', 'no-such-entry', 2, 'neglect', 'lado', null, null)).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyHistory(db)).toEqual([]);
    db.close();
  });
});
