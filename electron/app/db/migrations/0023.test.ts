import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANCELLED_REASON_KINDS, LATE_REASON_KINDS } from '../../../../shared/domain/reason-kinds.ts';
import { verifyTriggers } from '../../audit/chain.ts';
import { purgeEscalation } from '../../retention/repo.ts';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection, type Connection } from '../cipher.ts';
import { ESCALATION_PURGE_TRIGGERS } from './0021-retention.ts';
import { migrate } from './index.ts';

const ENTRY = `INSERT INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary, manager_informed_at,
  manager_informed, late_reason, referral_made, referral_route, recorded_by, recorded_at) VALUES `;

function aDatabaseAt22(): Connection {
  const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
  migrate(db, 22);
  db.exec(`
    INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES
      ('100500', 'Rhyl Primary School', 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'rhyl', 'x', 'x');
    INSERT INTO visit (id, urn, year_label, term, visit_date, status, cancelled_reason, created_at, updated_at) VALUES
      ('v1', '100500', '2025-26', 'autumn', '2025-10-06', 'cancelled', 'Head teacher off sick', 'x', 'x'),
      ('v2', '100500', '2025-26', 'spring', '2026-01-12', 'agreed', NULL, 'x', 'x');
    ${ENTRY} ('e1', 'e1', NULL, 1, '2025-10-03T17:30', 'DSL', '100500', '[]', 'neglect', 'Summary', '2025-10-06T09:00', 'Cara Lead', 'Raised on a Friday evening', 'no', NULL, 'Tess', 'x');
  `);
  return db;
}

describe('migration 0023: the kinds of reason for a cancelled visit and a manager told late', () => {
  it('leaves the cancelled visits and late entries from before it not categorised, and keeps their words', () => {
    const db = aDatabaseAt22();
    expect(verifyTriggers(db)).toEqual([]);
    expect(migrate(db, 23)).toBe(23);
    expect(db.prepare('SELECT id, cancelled_reason, cancelled_reason_kind FROM visit ORDER BY id').all()).toEqual([
      { id: 'v1', cancelled_reason: 'Head teacher off sick', cancelled_reason_kind: null },
      { id: 'v2', cancelled_reason: null, cancelled_reason_kind: null },
    ]);
    expect(db.prepare('SELECT late_reason, late_reason_kind FROM escalation_entry').get()).toEqual({ late_reason: 'Raised on a Friday evening', late_reason_kind: null });
    expect(verifyTriggers(db)).toEqual([]);
    db.close();
  });

  it('takes every kind the screens offer, and the lists are the same as shared/domain/reason-kinds.ts', () => {
    const db = aDatabaseAt22();
    migrate(db, 23);
    for (const kind of CANCELLED_REASON_KINDS) db.prepare("UPDATE visit SET cancelled_reason_kind = ? WHERE id = 'v1'").run(kind);
    const checks = (table: string) => String(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table));
    expect(/cancelled_reason_kind IN \(([^)]*)\)/.exec(checks('visit'))?.[1]?.split(', ').map((k) => k.replace(/'/g, ''))).toEqual([...CANCELLED_REASON_KINDS]);
    expect(/late_reason_kind IN \(([^)]*)\)/.exec(checks('escalation_entry'))?.[1]?.split(', ').map((k) => k.replace(/'/g, ''))).toEqual([...LATE_REASON_KINDS]);
    db.close();
  });

  it('names 0021’s update trigger put back on a schema-23 database: it would let a purge change the kind', () => {
    const db = aDatabaseAt22();
    migrate(db, 23);
    db.exec('DROP TRIGGER escalation_entry_no_update');
    db.exec(ESCALATION_PURGE_TRIGGERS.escalation_entry_no_update);
    expect(verifyTriggers(db)).toMatchObject([{ kind: 'altered_trigger', table: 'escalation_entry', message: expect.stringContaining('escalation_entry_no_update') }]);
    db.close();
  });

  it('takes a kind from the list only; a correction sets one; the log stays append-only and a purge keeps the kind', () => {
    const db = aDatabaseAt22();
    migrate(db, 23);
    db.exec("UPDATE visit SET status = 'cancelled', cancelled_reason_kind = 'school_closure' WHERE id = 'v2'");
    expect(() => db.exec("UPDATE visit SET cancelled_reason_kind = 'snow' WHERE id = 'v2'")).toThrow(/CHECK/);
    db.exec(`${ENTRY} ('e2', 'e1', 'e1', 2, '2025-10-03T17:30', 'DSL', '100500', '[]', 'neglect', 'Summary', '2025-10-06T09:00', 'Cara Lead', 'Raised on a Friday evening', 'no', NULL, 'Tess', 'y')`);
    expect(() => db.exec("UPDATE escalation_entry SET late_reason_kind = 'out_of_hours' WHERE id = 'e2'")).toThrow(/append-only/);
    expect(() => db.exec(`${ENTRY.replace('recorded_at)', 'recorded_at, late_reason_kind)')} ('e3', 'e3', NULL, 1, '2025-11-03T09:00', 'DSL', '100500', '[]', 'neglect', 'S', NULL, NULL, NULL, 'no', NULL, 'Tess', 'x', 'lunch')`)).toThrow(/CHECK/);
    db.exec(`${ENTRY.replace('recorded_at)', 'recorded_at, late_reason_kind)')} ('e3', 'e3', NULL, 1, '2025-11-03T09:00', 'DSL', '100500', '[]', 'neglect', 'S', '2025-11-05T09:00', 'Cara Lead', NULL, 'no', NULL, 'Tess', 'x', 'system_problem')`);

    // A recorded purge blanks the words and keeps the kind, which the reports count; with the purge recorded, the kind still cannot change.
    purgeEscalation(db, 'e3', '2032-09-01', 'Tess');
    expect(db.prepare("SELECT summary, late_reason_kind FROM escalation_entry WHERE id = 'e3'").get()).toEqual({ summary: '', late_reason_kind: 'system_problem' });
    expect(() => db.exec("UPDATE escalation_entry SET late_reason_kind = 'other' WHERE id = 'e3'")).toThrow(/append-only/);
    expect(verifyTriggers(db)).toEqual([]);
    db.close();
  });
});
