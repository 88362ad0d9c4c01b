import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyHistory } from '../../audit/chain.ts';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection, type Connection } from '../cipher.ts';
import { migrate } from './index.ts';

const RECORD = { schoolAttendees: 'DSL', teamAttendees: 'SPOC', exclusionThresholdDays: 5, children: [], managedMovesInternal: 0, managedMovesExternal: 0 };

function aDatabaseAt17(): Connection {
  const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
  migrate(db, 17);
  db.exec(`
    INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES
      ('100500', 'St Mary''s C of E Primary School', 'Voluntary aided school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'st mary''s', 'x', 'x');
    INSERT INTO person (id, name, role, active_from, created_at, updated_at) VALUES ('p1', 'Sam Patel', 'fsw', '2026-09-01', 'x', 'x');
    INSERT INTO visit (id, urn, year_label, term, visit_date, status, held_on, created_at, updated_at) VALUES
      ('v1', '100500', '2026-27', 'autumn', '2026-10-06', 'record_written', '2026-10-06', 'x', 'x'),
      ('v2', '100500', '2026-27', 'spring', '2027-01-12', 'agreed', NULL, 'x', 'x');
  `);
  db.prepare("INSERT INTO visit_record (visit_id, data, written_by, written_at) VALUES ('v1', ?, 'Tess', '2026-10-08T15:30:00.000Z')").run(JSON.stringify(RECORD));
  return db;
}

describe('migration 0018: versions of visit records, who held a visit', () => {
  it('makes every record written before it version 1, the same as the current record', () => {
    const db = aDatabaseAt17();
    expect(migrate(db, 18)).toBe(18);
    expect(db.prepare('SELECT visit_id, version, data, written_by, written_at FROM visit_record_version').all()).toEqual([
      { visit_id: 'v1', version: 1, data: JSON.stringify(RECORD), written_by: 'Tess', written_at: '2026-10-08T15:30:00.000Z' },
    ]);
    expect(db.prepare('SELECT version FROM visit_record').pluck().all()).toEqual([1]);
    db.close();
  });

  it('keeps versions numbered from 1, once each, for a real visit; and who held a visit is a worker of the team', () => {
    const db = aDatabaseAt17();
    migrate(db, 18);
    const add = db.prepare("INSERT INTO visit_record_version (visit_id, version, data, written_by, written_at) VALUES (?, ?, '{}', 'Tess', 'x')");
    expect(() => add.run('v1', 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => add.run('v1', 0)).toThrow(/CHECK/);
    expect(() => add.run('no-such-visit', 1)).toThrow(/FOREIGN KEY/);
    add.run('v1', 2);
    db.exec("UPDATE visit SET held_by = 'p1', held_without_pro_forma = 'Short notice' WHERE id = 'v2'");
    expect(() => db.exec("UPDATE visit SET held_by = 'nobody' WHERE id = 'v2'")).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT held_by, held_without_pro_forma FROM visit WHERE id = 'v2'").get()).toEqual({ held_by: 'p1', held_without_pro_forma: 'Short notice' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyHistory(db)).toEqual([]);
    db.close();
  });
});
