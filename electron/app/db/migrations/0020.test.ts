import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyHistory } from '../../audit/chain.ts';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection } from '../cipher.ts';
import { migrate } from './index.ts';

describe('migration 0020: who held each visit; the reports’ indexes', () => {
  it('gives each held visit nobody was named for the school’s named worker on the day it was held, and leaves the rest as they were', () => {
    const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
    migrate(db, 19);
    db.exec(`
      INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES
        ('100500', 'Rhyl Primary School', 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'rhyl', 'x', 'x'),
        ('100501', 'Brindle Primary School', 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'brindle', 'x', 'x');
      INSERT INTO person (id, name, role, active_from, created_at, updated_at) VALUES
        ('p1', 'Sam Patel', 'fsw', '2025-09-01', 'x', 'x'), ('p2', 'Amira Khan', 'fsw', '2025-09-01', 'x', 'x'), ('p3', 'Ben Oduya', 'fsw', '2025-09-01', 'x', 'x');
      -- Sam was Rhyl's named worker to 31 Dec 2026 (inclusive), Amira from 1 Jan 2027; Ben its secondary throughout.
      INSERT INTO allocation (id, urn, role, person_id, from_date, to_date, allocated_by, allocated_at) VALUES
        ('a1', '100500', 'named', 'p1', '2025-09-01', '2026-12-31', 'Tess', 'x'),
        ('a2', '100500', 'named', 'p2', '2027-01-01', NULL, 'Tess', 'x'),
        ('a3', '100500', 'secondary', 'p3', '2025-09-01', NULL, 'Tess', 'x');
      INSERT INTO visit (id, urn, year_label, term, visit_date, status, held_on, held_by, created_at, updated_at) VALUES
        ('v1', '100500', '2026-27', 'autumn', '2026-12-31', 'record_written', '2026-12-31', NULL, 'x', 'x'),
        ('v2', '100500', '2026-27', 'spring', '2027-01-12', 'held', '2027-01-12', NULL, 'x', 'x'),
        ('v3', '100500', '2026-27', 'summer', '2027-05-12', 'held', '2027-05-12', 'p3', 'x', 'x'),
        ('v4', '100501', '2026-27', 'autumn', '2026-10-06', 'held', '2026-10-06', NULL, 'x', 'x'),
        ('v5', '100500', '2025-26', 'summer', '2026-06-10', 'agreed', NULL, NULL, 'x', 'x');
    `);

    expect(migrate(db, 20)).toBe(20);
    expect(db.prepare('SELECT id, held_by FROM visit ORDER BY id').all()).toEqual([
      { id: 'v1', held_by: 'p1' }, // the last day of Sam's allocation still counts as his
      { id: 'v2', held_by: 'p2' },
      { id: 'v3', held_by: 'p3' }, // named by a person: kept
      { id: 'v4', held_by: null }, // no named worker that day: not guessed
      { id: 'v5', held_by: null }, // not held
    ]);
    const plan = (sql: string, ...args: string[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT id FROM visit WHERE year_label = ? AND (? IS NULL OR term = ?)', '2026-27', 'autumn', 'autumn')).toContain('USING INDEX visit_term');
    expect(plan('SELECT urn FROM contact WHERE substr(at, 1, 10) BETWEEN ? AND ?', '2026-09-01', '2026-12-31')).toContain('USING INDEX contact_day');
    expect(plan('SELECT urn FROM escalation_entry WHERE substr(raised_at, 1, 10) BETWEEN ? AND ?', '2026-09-01', '2026-12-31')).toContain('USING INDEX escalation_entry_raised_day');
    // Indexed by the day, not the time, so the log's "newest first" reads still start from the open ones.
    expect(plan('SELECT e.id FROM escalation_open o JOIN escalation_entry e ON e.id = o.entry_id ORDER BY e.raised_at DESC')).not.toContain('escalation_entry_raised_day');
    expect(verifyHistory(db)).toEqual([]);
    db.close();
  });
});
