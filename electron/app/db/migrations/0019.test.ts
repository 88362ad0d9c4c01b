import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyHistory } from '../../audit/chain.ts';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection } from '../cipher.ts';
import { migrate } from './index.ts';

const ESCALATION = `INSERT INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary,
  referral_made, closed_at, recorded_by, recorded_at) VALUES (?, ?, NULL, 1, ?, 'DSL', ?, '[]', 'neglect', 'Hungry', 'not_known', ?, 'Tess', 'x')`;

describe('migration 0019: a school’s escalations by date', () => {
  it('indexes the escalation log by school, keeps every entry and the log’s append-only triggers, and reads a school’s escalations through it', () => {
    const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
    migrate(db, 18);
    db.exec(`INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES
      ('100500', 'Rhyl Primary School', 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'rhyl', 'x', 'x'),
      ('100501', 'Brindle Primary School', 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'brindle', 'x', 'x')`);
    const insert = db.prepare(ESCALATION);
    insert.run('e1', 'x1', '2026-09-21T09:00', '100500', null);
    insert.run('e2', 'x2', '2026-10-01T09:00', '100501', '2026-10-05T10:00');
    const before = db.prepare('SELECT * FROM escalation_entry ORDER BY id').all();

    expect(migrate(db, 19)).toBe(19);
    expect(db.prepare('SELECT * FROM escalation_entry ORDER BY id').all()).toEqual(before);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('100500') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT id FROM escalation_entry e WHERE e.urn = ? ORDER BY e.raised_at DESC LIMIT 5')).toContain('USING INDEX escalation_entry_school (urn=?)');
    expect(plan('SELECT id FROM escalation_entry e WHERE e.urn = ? AND e.closed_at IS NOT NULL ORDER BY e.closed_at DESC LIMIT 5')).toContain('escalation_entry_school_closed');
    expect(() => db.prepare("UPDATE escalation_entry SET summary = 'changed' WHERE id = 'e1'").run()).toThrow(/append-only/);
    expect(verifyHistory(db)).toEqual([]);
  });
});
