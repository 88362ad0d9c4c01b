import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection, type Connection } from '../cipher.ts';
import { verifyHistory } from '../../audit/chain.ts';
import { auditRowHash, GENESIS_HASH } from '../../audit/chain-hash.ts';
import { assertMigrationsOrdered, LATEST_SCHEMA_VERSION, migrate, MIGRATIONS, schemaVersion } from './index.ts';

function emptyDatabase(): Connection {
  return openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … with no gaps', () => {
    expect(() => assertMigrationsOrdered(MIGRATIONS)).not.toThrow();
    expect(() => assertMigrationsOrdered([MIGRATIONS[1]!])).toThrow(/expected 1/);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 creates the team and setting tables', () => {
    const db = emptyDatabase();
    expect(migrate(db, 1)).toBe(1);
    db.prepare("INSERT INTO team VALUES ('t1', 'North Hub', 'Northshire', '2026-09-01T08:00:00.000Z', 'Tess')").run();
    db.prepare("INSERT INTO setting VALUES ('idleLockMinutes', '10')").run();
    expect(db.prepare('SELECT name FROM team').pluck().get()).toBe('North Hub');
    db.close();
  });

  it('0002 adds the audit log and backfills the creation of an existing team', () => {
    const db = emptyDatabase();
    migrate(db, 1);
    db.prepare("INSERT INTO team VALUES ('t1', 'North Hub', 'Northshire', '2026-09-01T08:00:00.000Z', 'Tess')").run();
    expect(migrate(db, 2)).toBe(2);
    expect(db.prepare('SELECT at, actor, entity, entity_id, action FROM audit_log').all()).toEqual([
      { at: '2026-09-01T08:00:00.000Z', actor: 'Tess', entity: 'team', entity_id: 't1', action: 'create' },
    ]);
    db.close();
  });

  it('0003 adds schools, people and declared connections, with their keys enforced', () => {
    const db = emptyDatabase();
    migrate(db, 2);
    expect(migrate(db, 3)).toBe(3);
    db.pragma('foreign_keys=ON');
    db.prepare(
      "INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES ('100000', 'A School', 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'a school', 'x', 'x')",
    ).run();
    db.prepare("INSERT INTO person (id, name, role, active_from, created_at, updated_at) VALUES ('p1', 'Amy', 'fsw', '2026-09-01', 'x', 'x')").run();
    db.prepare("INSERT INTO declared_connection VALUES ('c1', 'p1', '100000', 'own_child_attends', NULL, '2026-09-01', NULL, 'Tess', 'x')").run();
    expect(() => db.prepare("INSERT INTO declared_connection VALUES ('c2', 'p1', '999999', 'other', NULL, '2026-09-01', NULL, 'Tess', 'x')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES ('12345', 'B', 't', 'p', 'c', 's', '1', 'l', 'manual', 'b', 'x', 'x')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('0004 adds allocations: one current period per school and role, and no period ending before it starts', () => {
    const db = emptyDatabase();
    migrate(db, 3);
    expect(migrate(db, 4)).toBe(4);
    db.prepare(
      "INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES ('100000', 'A School', 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'a school', 'x', 'x')",
    ).run();
    db.prepare("INSERT INTO person (id, name, role, active_from, created_at, updated_at) VALUES ('p1', 'Amy', 'fsw', '2026-09-01', 'x', 'x')").run();
    const insert = db.prepare("INSERT INTO allocation (id, urn, role, person_id, from_date, to_date, allocated_by, allocated_at) VALUES (?, '100000', 'named', 'p1', ?, ?, 'Tess', 'x')");
    insert.run('a1', '2026-09-01', null);
    expect(() => insert.run('a2', '2026-10-01', null)).toThrow(/UNIQUE/);
    expect(() => insert.run('a3', '2026-10-01', '2026-09-30')).toThrow(/CHECK/);
    expect(db.prepare("SELECT value FROM setting WHERE key = 'fairnessPercent'").pluck().get()).toBe('25');
    db.close();
  });

  it('0005 adds the calendar and seeds the England and Wales bank holidays', () => {
    const db = emptyDatabase();
    migrate(db, 4);
    expect(migrate(db, 5)).toBe(5);
    expect(db.prepare("SELECT title FROM bank_holiday WHERE day = '2026-12-28'").pluck().get()).toBe('Boxing Day');
    expect(db.prepare('SELECT count(*) FROM bank_holiday').pluck().get()).toBe(32);
    expect(db.prepare("SELECT value FROM setting WHERE key = 'schoolHolidaysAreWorkingDays'").pluck().get()).toBe('false');
    db.close();
  });

  it('0006 adds termly visits, one per school, year and term', () => {
    const db = emptyDatabase();
    migrate(db, 5);
    expect(migrate(db, 6)).toBe(6);
    db.prepare(
      "INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES ('100000', 'A School', 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'a school', 'x', 'x')",
    ).run();
    const insert = db.prepare("INSERT INTO visit (id, urn, year_label, term, status, created_at, updated_at) VALUES (?, '100000', '2026-27', 'autumn', 'to_be_agreed', 'x', 'x')");
    insert.run('v1');
    expect(() => insert.run('v2')).toThrow(/UNIQUE/);
    db.close();
  });

  it('0007 adds the contact log, tied to a school and a worker', () => {
    const db = emptyDatabase();
    migrate(db, 6);
    expect(migrate(db, 7)).toBe(7);
    db.pragma('foreign_keys=ON');
    expect(() =>
      db.prepare("INSERT INTO contact VALUES ('c1', '999999', '2026-11-23T10:00', 'p1', 'DSL', 'from_school', 'phone', 's', NULL, NULL, NULL, 'Tess', 'x')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('0008 adds visit records and consultations', () => {
    const db = emptyDatabase();
    migrate(db, 7);
    expect(migrate(db, 8)).toBe(8);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('visit_record', 'consultation')").pluck().get()).toBe(2);
    db.close();
  });

  it('0009 adds panels and meetings: one meeting per slot of a panel', () => {
    const db = emptyDatabase();
    migrate(db, 8);
    expect(migrate(db, 9)).toBe(9);
    db.exec("INSERT INTO panel VALUES ('p1', 'Pupil Placement Panel', 'pupil_placement', 'North', 4, NULL, NULL, NULL, 'x')");
    const meeting = db.prepare("INSERT INTO panel_meeting (id, panel_id, slot, date, updated_at) VALUES (?, 'p1', '2026-11-25', '2026-11-25', 'x')");
    meeting.run('m1');
    expect(() => meeting.run('m2')).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO panel VALUES ('p2', 'pupil placement panel', 'other', 'north', 2, NULL, NULL, NULL, 'x')")).toThrow(/UNIQUE/);
    db.close();
  });

  it('0010 adds the escalation log, whose entries can be added but never changed or deleted', () => {
    const db = emptyDatabase();
    migrate(db, 9);
    expect(migrate(db, 10)).toBe(10);
    db.exec("INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES ('100500', 'A School', 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'a school', 'x', 'x')");
    const entry = (id: string, version: number, corrects: string | null) =>
      db.prepare(`INSERT INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary, referral_made, recorded_by, recorded_at)
        VALUES (?, 'e1', ?, ?, '2026-11-24T09:00', 'DSL', '100500', '[]', 'neglect', 's', 'not_known', 'Tess', 'x')`).run(id, corrects, version);
    entry('e1', 1, null);
    expect(() => entry('e4', 2, null)).toThrow(/CHECK/);
    entry('e2', 2, 'e1');
    expect(() => entry('e3', 3, 'e1')).toThrow(/cannot be replaced/);
    expect(() => db.exec("UPDATE escalation_entry SET summary = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM escalation_entry')).toThrow(/append-only/);
    // INSERT OR REPLACE would delete the old row without firing the delete trigger.
    expect(() => db.exec("INSERT OR REPLACE INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary, referral_made, recorded_by, recorded_at) VALUES ('e1', 'e1', NULL, 1, '2026-11-24T09:00', 'DSL', '100500', '[]', 'neglect', 'rewritten', 'not_known', 'Tess', 'x')")).toThrow(/cannot be replaced/);
    expect(db.prepare('SELECT summary FROM escalation_entry WHERE id = ?').pluck().get('e1')).toBe('s');
    db.close();
  });

  it('0012 chains the existing audit rows in order of id, and from then on the log is append-only', () => {
    const db = emptyDatabase();
    migrate(db, 1);
    db.prepare("INSERT INTO team VALUES ('t1', 'North Hub', 'Northshire', '2026-09-01T08:00:00.000Z', 'Tess')").run();
    migrate(db, 11);
    const legacy = db.prepare("INSERT INTO audit_log (at, actor, entity, entity_id, action, summary) VALUES (?, 'Tess', 'settings', 't1', 'update', ?)");
    legacy.run('2026-09-02T08:00:00.000Z', 'Changed: idleLockMinutes');
    legacy.run('2026-09-03T08:00:00.000Z', null);
    expect(migrate(db, 12)).toBe(12);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number; at: string; actor: string; entity: string; entity_id: string | null; action: string; summary: string | null; prev_hash: string; hash: string }[];
    expect(rows.map((r) => [r.id, r.at, r.action, r.summary])).toEqual([
      [1, '2026-09-01T08:00:00.000Z', 'create', 'Team database created'],
      [2, '2026-09-02T08:00:00.000Z', 'update', 'Changed: idleLockMinutes'],
      [3, '2026-09-03T08:00:00.000Z', 'update', null],
    ]);
    rows.forEach((r, i) => {
      expect(r.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash);
      expect(r.hash).toBe(auditRowHash({ id: r.id, at: r.at, actor: r.actor, entity: r.entity, entityId: r.entity_id, action: r.action, summary: r.summary, prevHash: r.prev_hash }));
    });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name LIKE 'audit_log%' AND type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all()).toEqual(['audit_log', 'audit_log_entity']);
    expect(verifyHistory(db)).toEqual([]);
    expect(() => db.exec("UPDATE audit_log SET actor = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => db.exec(`INSERT OR REPLACE INTO audit_log (id, at, actor, entity, action, prev_hash, hash) VALUES (1, 'x', 'x', 'x', 'x', '${GENESIS_HASH}', '${'f'.repeat(64)}')`)).toThrow(/append-only/);
    db.close();
  });

  it('a failing migration rolls back and leaves the version where it was', () => {
    const db = emptyDatabase();
    migrate(db, 1);
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'broken', up: (c: Connection) => c.exec('CREATE TABLE half(x); SELECT nonsense FROM nowhere;') }];
    expect(() => migrate(db, 2, broken)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database from a newer schema', () => {
    const db = emptyDatabase();
    db.pragma(`user_version=${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer LinkDesk/);
    db.close();
  });
});
