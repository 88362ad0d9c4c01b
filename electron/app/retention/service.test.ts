import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyHistory } from '../audit/chain.ts';
import type { Connection } from '../db/cipher.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { PASSPHRASE, tempDir } from '../testing/builders.ts';
import { updateSettings } from '../team/service.ts';
import { purgeRetention, retentionReview } from './service.ts';

const DEMO_DAY = new Date('2026-11-24T10:00:00Z');
/** Seven years on: every record of the demo is past the default six years. */
const LATER = new Date('2033-12-01T10:00:00Z');

/** What the reports count, read straight from the tables: none of it may move in a purge. */
function counts(db: Connection) {
  const one = (sql: string) => db.prepare(sql).pluck().get();
  return {
    visitRecords: one('SELECT count(*) FROM visit_record'),
    childrenReviewed: one("SELECT sum(json_array_length(data, '$.children')) FROM visit_record"),
    decisions: db.prepare("SELECT json_extract(c.value, '$.category') AS category, json_extract(c.value, '$.earlyHelpReferral') AS eh, count(*) AS n FROM visit_record r, json_each(r.data, '$.children') c GROUP BY 1, 2 ORDER BY 1, 2").all(),
    withAlternativeProvision: one("SELECT count(*) FROM visit_record WHERE json_extract(data, '$.alternativeProvision') IS NOT NULL"),
    consultations: db.prepare('SELECT urn, held_on, with_school_nurse FROM consultation ORDER BY id').all(),
    contacts: db.prepare('SELECT urn, at, channel, direction FROM contact ORDER BY id').all(),
    escalations: db.prepare('SELECT escalation_id, version, concern, raised_at, manager_informed_at, referral_made, referral_route, closed_at FROM escalation_entry ORDER BY id').all(),
    actions: one('SELECT count(*) FROM action'),
  };
}

/** Every child reference the demo holds, as stored. */
function childReferences(db: Connection): string[] {
  const fromRecords = db.prepare("SELECT json_extract(c.value, '$.child.initials') FROM visit_record_version r, json_each(r.data, '$.children') c").pluck().all() as string[];
  const fromConsultations = db.prepare("SELECT json_extract(c.value, '$.initials') FROM consultation r, json_each(r.data, '$.children') c").pluck().all() as string[];
  const fromEscalations = db.prepare("SELECT json_extract(c.value, '$.initials') FROM escalation_entry e, json_each(e.children) c").pluck().all() as string[];
  return [...new Set([...fromRecords, ...fromConsultations, ...fromEscalations])].filter((i) => i !== '[removed]');
}

describe('retention', () => {
  it('reviews nothing due on the demo’s day, and every kind once the period has passed', () => {
    const db = createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => DEMO_DAY);
    expect(retentionReview(db.db, DEMO_DAY).due.map((d) => d.count)).toEqual([0, 0, 0, 0, 0, 0]);
    const later = retentionReview(db.db, LATER);
    expect(later.due.map((d) => [d.kind, d.before])).toEqual([
      ['visit_records', '2027-12-01'], ['consultations', '2027-12-01'], ['contacts', '2027-12-01'], ['escalations', '2027-12-01'], ['documents', '2027-12-01'], ['audit', '2027-12-01'],
    ]);
    for (const d of later.due) expect(d.count, d.kind).toBeGreaterThan(0);
    updateSettings(db.writeContext, { retentionYears: { ...db.team().settings.retentionYears, visit_records: 10 } });
    expect(retentionReview(db.db, LATER).due[0]).toMatchObject({ kind: 'visit_records', years: 10, before: '2023-12-01', count: 0, oldest: null });
  });

  it('purges the children’s references and notes past their period in one audited step, keeps the counts, and the history still verifies', () => {
    const db = createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => DEMO_DAY);
    const before = counts(db.db);
    expect(childReferences(db.db).length).toBeGreaterThan(3);
    const openEscalations = db.db.prepare('SELECT count(*) FROM escalation_open').pluck().get() as number;

    const result = purgeRetention({ ...db.writeContext, now: () => LATER });
    expect(result.purged.every((p) => p.count > 0)).toBe(true);
    expect(counts(db.db)).toEqual(before);
    // An escalation still open is never due, so its children stay until it closes and its period passes.
    const stillOpen = db.db.prepare("SELECT count(*) FROM escalation_entry e JOIN escalation_open o ON o.entry_id = e.id WHERE e.children <> '[]'").pluck().get() as number;
    const left = childReferences(db.db);
    expect(left.length).toBeLessThanOrEqual(stillOpen * 3);
    if (openEscalations === 0) expect(left).toEqual([]);
    expect(db.db.prepare("SELECT count(*) FROM visit_record_version WHERE data LIKE '%Jordan%' OR json_extract(data, '$.purgedOn') IS NULL").pluck().get()).toBe(0);
    expect(db.db.prepare("SELECT count(*) FROM contact WHERE summary <> ''").pluck().get()).toBe(0);
    expect(retentionReview(db.db, LATER).due.filter((d) => d.purgeable).map((d) => d.count)).toEqual([0, 0, 0, 0]);

    // The log's one permitted change went through; any other is refused as before.
    expect(() => db.db.prepare("UPDATE escalation_entry SET summary = 'again'").run()).toThrow(/append-only/);
    expect(() => db.db.prepare('DELETE FROM escalation_purge').run()).toThrow(/append-only/);
    const audit = db.db.prepare("SELECT entity, action, actor FROM audit_log WHERE action = 'purge' ORDER BY id").all() as { entity: string; actor: string }[];
    expect(audit.at(-1)).toEqual({ entity: 'retention', action: 'purge', actor: 'Tess Manager' });
    expect(audit.filter((a) => a.entity === 'escalation')).toHaveLength(result.purged.find((p) => p.kind === 'escalations')?.count ?? -1);
    expect(verifyHistory(db.db)).toEqual([]);
  });

  it('refuses any change to a purged escalation but the purge’s own, and the check names a purge the audit chain does not record', () => {
    const db = createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => DEMO_DAY);
    const closed = db.db.prepare("SELECT escalation_id FROM escalation_entry WHERE closed_at IS NOT NULL LIMIT 1").pluck().get() as string;
    // Without a recorded purge, blanking is refused like any change.
    expect(() => db.db.prepare("UPDATE escalation_entry SET children = '[]', summary = '', raised_by = '', manager_informed = NULL, late_reason = NULL, referral_reference = NULL, advice = NULL, outcome = NULL, change_note = NULL WHERE escalation_id = ?").run(closed)).toThrow(/append-only/);
    // A purge row written behind LinkDesk's back lets the blanking through, but the check sees it.
    db.db.prepare("INSERT INTO escalation_purge VALUES (?, '2033-01-01', 'Someone')").run(closed);
    expect(() => db.db.prepare("UPDATE escalation_entry SET concern = 'other' WHERE escalation_id = ?").run(closed)).toThrow(/append-only/);
    expect(verifyHistory(db.db).map((f) => f.kind)).toEqual(['unrecorded_purge']);
  });
});
