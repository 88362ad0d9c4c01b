import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection, type Connection } from '../cipher.ts';
import { migrate } from './index.ts';

function aDatabaseAt12(): Connection {
  const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
  migrate(db, 12);
  db.exec(`
    INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES
      ('100500', 'St Mary''s C of E Primary School', 'Voluntary aided school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'st mary''s c of e primary school 100500 camden nw1 1aa nw11aa', 'x', 'x'),
      ('100501', 'Westfield Academy', 'Academy converter', 'Secondary', 'secondary', 'open', '202', 'Camden', 'manual', 'westfield academy 100501 école town', 'x', 'x');
    INSERT INTO visit (id, urn, year_label, term, visit_date, status, held_on, created_at, updated_at) VALUES
      ('v1', '100500', '2026-27', 'autumn', '2026-10-06', 'record_written', '2026-10-06', 'x', 'x');
    INSERT INTO visit_record (visit_id, data, written_by, written_at) VALUES ('v1', json('{"children": [
      {"child": {"initials": "JB", "yearGroup": "4", "caseId": null}, "action": "Offer an Early Help assessment", "who": "SPOC", "byWhen": "2026-10-23"},
      {"child": {"initials": "KT", "yearGroup": "6", "caseId": null}, "action": null, "who": null, "byWhen": null},
      {"child": {"initials": "AL", "yearGroup": "2", "caseId": null}, "action": "Refer to the Inclusion Partnership", "who": "DSL", "byWhen": null}
    ]}'), 'Tess', 'x');
  `);
  const entry = db.prepare(`INSERT INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary, referral_made, closed_at, recorded_by, recorded_at)
    VALUES (?, ?, ?, ?, '2026-11-20T09:00', 'DSL', '100500', '[]', 'neglect', 's', 'not_known', ?, 'Tess', 'x')`);
  entry.run('open-1', 'open', null, 1, null);
  entry.run('open-2', 'open', 'open-1', 2, null);
  entry.run('closed-1', 'closed', null, 1, null);
  entry.run('closed-2', 'closed', 'closed-1', 2, '2026-11-22T10:00');
  return db;
}

const found = (db: Connection, match: string) =>
  db.prepare("SELECT printf('%06d', rowid) FROM school_search WHERE school_search MATCH ? ORDER BY rowid").pluck().all(match) as string[];

describe('migration 0013: indexes for the work in front of the user', () => {
  it('turns the records’ actions into rows: those with an action or a date, in their place', () => {
    const db = aDatabaseAt12();
    expect(migrate(db, 13)).toBe(13);
    expect(db.prepare('SELECT visit_id, position, urn, initials, year_group, action, who, due_on, done FROM record_action ORDER BY position').all()).toEqual([
      { visit_id: 'v1', position: 0, urn: '100500', initials: 'JB', year_group: '4', action: 'Offer an Early Help assessment', who: 'SPOC', due_on: '2026-10-23', done: 0 },
      { visit_id: 'v1', position: 2, urn: '100500', initials: 'AL', year_group: '2', action: 'Refer to the Inclusion Partnership', who: 'DSL', due_on: null, done: 0 },
    ]);
    db.close();
  });

  it('lists the open escalations by their latest entry, and keeps the list as entries are added', () => {
    const db = aDatabaseAt12();
    migrate(db, 13);
    expect(db.prepare('SELECT escalation_id, entry_id FROM escalation_open').all()).toEqual([{ escalation_id: 'open', entry_id: 'open-2' }]);
    const entry = db.prepare(`INSERT INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary, referral_made, closed_at, recorded_by, recorded_at)
      VALUES (?, ?, ?, ?, '2026-11-23T09:00', 'DSL', '100500', '[]', 'neglect', 's', 'not_known', ?, 'Tess', 'x')`);
    entry.run('new-1', 'new', null, 1, null);
    entry.run('open-3', 'open', 'open-2', 3, '2026-11-24T09:00');
    entry.run('closed-3', 'closed', 'closed-2', 3, null);
    expect(db.prepare('SELECT escalation_id, entry_id FROM escalation_open ORDER BY escalation_id').all()).toEqual([
      { escalation_id: 'closed', entry_id: 'closed-3' },
      { escalation_id: 'new', entry_id: 'new-1' },
    ]);
    // The log itself stays append-only.
    expect(() => db.exec("UPDATE escalation_entry SET summary = 'x'")).toThrow(/append-only/);
    db.close();
  });

  it('indexes the schools’ search text for substrings and word starts, folding case and accents, and follows every change', () => {
    const db = aDatabaseAt12();
    migrate(db, 13);
    expect(found(db, '"field"')).toEqual(['100501']);
    expect(found(db, '"ecole"')).toEqual(['100501']);
    expect(found(db, '"MARY\'S"')).toEqual(['100500']);
    // Two spaces before every word: a word's first letter or two are trigrams too.
    expect(found(db, '" st"')).toEqual(['100500']);
    expect(found(db, '"  w"')).toEqual(['100501']);
    expect(found(db, '"  e"')).toEqual(['100500', '100501']);
    expect(found(db, '" ec"')).toEqual(['100501']);
    expect(found(db, '" nw" AND "  c"')).toEqual(['100500']);
    db.exec("UPDATE school SET search_text = 'eastfield academy 100501' WHERE urn = '100501'");
    expect(found(db, '"westfield"')).toEqual([]);
    expect(found(db, '"eastfield"')).toEqual(['100501']);
    db.exec(`INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at)
      VALUES ('012345', 'Stanmore Nursery', 'Nursery', 'Nursery', 'nursery', 'open', '202', 'Camden', 'manual', 'stanmore nursery 012345', 'x', 'x')`);
    expect(found(db, '" st"')).toEqual(['012345', '100500']);
    db.exec("DELETE FROM school WHERE urn = '012345'");
    expect(found(db, '" st"')).toEqual(['100500']);
    expect(found(db, '"stanmore"')).toEqual([]);
    db.close();
  });

  it('adds the indexes the dashboard, the planner, the documents and the allocation check read through', () => {
    const db = aDatabaseAt12();
    migrate(db, 13);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining([
      'visit_status_date', 'visit_planner', 'visit_held_on', 'consultation_held_on', 'generated_document_created', 'generated_document_school', 'inset_day_day',
      'school_name_urn', 'allocation_current_person', 'record_action_open',
    ]));
    db.close();
  });
});
