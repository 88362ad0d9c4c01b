import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection, type Connection } from '../cipher.ts';
import { migrate } from './index.ts';

function aDatabaseAt16(): Connection {
  const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
  migrate(db, 16);
  db.exec(`
    INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES
      ('100500', 'St Mary''s C of E Primary School', 'Voluntary aided school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'st mary''s', 'x', 'x'),
      ('100501', 'Westfield Academy', 'Academy converter', 'Secondary', 'secondary', 'open', '202', 'Camden', 'manual', 'westfield', 'x', 'x');
    INSERT INTO person (id, name, role, active_from, created_at, updated_at) VALUES ('p-amy', 'Amy', 'fsw', '2025-09-01', 'x', 'x'), ('p-ben', 'Ben', 'fsw', '2025-09-01', 'x', 'x');
    INSERT INTO allocation (id, urn, role, person_id, from_date, to_date, allocated_by, allocated_at) VALUES
      ('a1', '100500', 'named', 'p-ben', '2025-09-01', '2026-08-31', 'Tess', 'x'),
      ('a2', '100500', 'named', 'p-amy', '2026-09-01', NULL, 'Tess', 'x');
    INSERT INTO visit (id, urn, year_label, term, visit_date, status, held_on, created_at, updated_at) VALUES
      ('v1', '100500', '2026-27', 'autumn', '2026-10-06', 'record_written', '2026-10-06', 'x', 'x');
    INSERT INTO visit_record (visit_id, data, written_by, written_at) VALUES ('v1', '{}', 'Tess', '2026-10-07T09:00:00.000Z');
    INSERT INTO record_action (visit_id, position, urn, initials, year_group, action, who, due_on, done) VALUES
      ('v1', 0, '100500', 'JB', '4', 'Offer an Early Help assessment', 'SPOC', '2026-10-23', 0),
      ('v1', 1, '100500', 'JB', '4', 'Second review of the same child', NULL, NULL, 1),
      ('v1', 3, '100500', 'AL', '2', NULL, 'DSL', '2026-11-02', 0);
    INSERT INTO contact (id, urn, at, worker_id, with_whom, direction, channel, summary, follow_up, follow_up_due, follow_up_done_on, recorded_by, recorded_at) VALUES
      ('c1', '100501', '2026-11-02T10:00', 'p-ben', 'DSL', 'from_school', 'phone', 's', 'Send the toolkit', '2026-11-05', '2026-11-04', 'Tess', '2026-11-02T10:05:00.000Z'),
      ('c2', '100501', '2026-11-03T10:00', 'p-ben', 'DSL', 'from_school', 'phone', 's', 'Call back', NULL, NULL, 'Tess', 'x'),
      ('c3', '100501', '2026-11-03T11:00', 'p-ben', 'DSL', 'from_school', 'phone', 's', NULL, NULL, NULL, 'Tess', 'x');
    INSERT INTO consultation (id, urn, held_on, with_school_nurse, data, recorded_by, recorded_at) VALUES
      ('k1', '100500', '2026-11-10', 0, json('{"actions": "- Send the EBSA toolkit\\n\\n* Book a review\\n- Send the EBSA toolkit"}'), 'Tess', 'x'),
      ('k2', '100500', '2026-11-11', 0, json('{"actions": ""}'), 'Tess', 'x');
  `);
  const entry = db.prepare(`INSERT INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary, referral_made, referral_route, referral_at, outcome, closed_at, recorded_by, recorded_at)
    VALUES (?, ?, ?, ?, '2026-11-20T09:00', 'DSL', '100500', '[]', 'neglect', 's', ?, ?, ?, ?, NULL, 'Tess', ?)`);
  entry.run('e1-1', 'e1', null, 1, 'not_known', null, null, null, 'r1');
  entry.run('e1-2', 'e1', 'e1-1', 2, 'yes', 'ifd_mash_by_school', '2026-11-21T10:00', null, 'r2');
  entry.run('e2-1', 'e2', null, 1, 'yes', 'lado', '2026-11-20T10:00', 'LADO advised; no further action', 'r3');
  return db;
}

const rows = (db: Connection) =>
  db.prepare('SELECT source, source_id, source_key, urn, about, text, who, owner_id, due_on, done_on, done_by FROM action ORDER BY source, source_id, source_key').all();

describe('migration 0017: one action list', () => {
  it('copies the visit records’ actions, contact follow-ups, consultation actions and outcomes to chase, each with its owner, due day and "done"', () => {
    const db = aDatabaseAt16();
    expect(migrate(db, 17)).toBe(17);
    expect(rows(db)).toEqual([
      { source: 'consultation', source_id: 'k1', source_key: 'Book a review|0', urn: '100500', about: null, text: 'Book a review', who: null, owner_id: 'p-amy', due_on: '2026-11-24', done_on: null, done_by: null },
      { source: 'consultation', source_id: 'k1', source_key: 'Send the EBSA toolkit|0', urn: '100500', about: null, text: 'Send the EBSA toolkit', who: null, owner_id: 'p-amy', due_on: '2026-11-24', done_on: null, done_by: null },
      { source: 'consultation', source_id: 'k1', source_key: 'Send the EBSA toolkit|1', urn: '100500', about: null, text: 'Send the EBSA toolkit', who: null, owner_id: 'p-amy', due_on: '2026-11-24', done_on: null, done_by: null },
      { source: 'contact', source_id: 'c1', source_key: '', urn: '100501', about: null, text: 'Send the toolkit', who: null, owner_id: 'p-ben', due_on: '2026-11-05', done_on: '2026-11-04', done_by: 'Tess' },
      { source: 'contact', source_id: 'c2', source_key: '', urn: '100501', about: null, text: 'Call back', who: null, owner_id: 'p-ben', due_on: null, done_on: null, done_by: null },
      { source: 'escalation', source_id: 'e1', source_key: 'outcome', urn: '100500', about: null, text: 'Find out the outcome of the referral', who: null, owner_id: 'p-amy', due_on: '2026-11-28', done_on: null, done_by: null },
      { source: 'visit_record', source_id: 'v1', source_key: 'AL|2|0', urn: '100500', about: 'AL Y2', text: '', who: 'DSL', owner_id: 'p-amy', due_on: '2026-11-02', done_on: null, done_by: null },
      { source: 'visit_record', source_id: 'v1', source_key: 'JB|4|0', urn: '100500', about: 'JB Y4', text: 'Offer an Early Help assessment', who: 'SPOC', owner_id: 'p-amy', due_on: '2026-10-23', done_on: null, done_by: null },
      { source: 'visit_record', source_id: 'v1', source_key: 'JB|4|1', urn: '100500', about: 'JB Y4', text: 'Second review of the same child', who: null, owner_id: 'p-amy', due_on: null, done_on: '2026-10-07', done_by: 'Tess' },
    ]);
    db.close();
  });

  it('drops the old table and reads the open actions through partial indexes', () => {
    const db = aDatabaseAt16();
    migrate(db, 17);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'record_action'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE name = 'spoc_now'").pluck().get()).toBe(0);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM action WHERE done_on IS NULL AND due_on <= ? ORDER BY due_on").all('2026-12-01') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX action_open\b/);
    const byOwner = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM action WHERE done_on IS NULL AND owner_id = ?').all('p-amy') as { detail: string }[];
    expect(byOwner.map((p) => p.detail).join(' ')).toMatch(/action_open_owner/);
    // "Done" needs who as well as when.
    expect(() => db.exec("UPDATE action SET done_on = '2026-12-01' WHERE done_on IS NULL")).toThrow(/CHECK constraint/);
    db.close();
  });
});
