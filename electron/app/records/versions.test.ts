import { describe, expect, it } from 'vitest';
import { VisitRecordInput } from '../../../shared/domain/records.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { saveYear } from '../calendar/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { aTeamDatabase, refusalOf } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { selectVisit } from '../visits/repo.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import { visitRecord, visitRecordVersions, writeVisitRecord } from './service.ts';

function aHeldVisit() {
  let clock = new Date('2026-11-12T15:00:00Z');
  const db = aTeamDatabase({ now: () => clock });
  saveYear(db.writeContext, DEMO_YEAR);
  aSchool(db, { urn: '100600', name: 'Rhyl Primary School' });
  const { visit } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100600', yearLabel: '2026-27', term: 'autumn', date: '2026-11-12' }));
  moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'pro_forma_sent', on: '2026-10-29' }));
  moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: '2026-11-12' }));
  return { db, visit, setClock: (iso: string) => (clock = new Date(iso)) };
}

const record = (visitId: string, fields: Record<string, unknown> = {}) =>
  VisitRecordInput.parse({
    visitId, schoolAttendees: 'Ann Lee (DSL)', teamAttendees: 'Sam Patel (SPOC)', exclusionThresholdDays: 5, managedMovesInternal: 0, managedMovesExternal: 0,
    children: [{ child: { initials: 'JB', yearGroup: '4' }, category: 'persistent_absence', statutoryIntervention: 'no', earlyHelpReferral: 'yes', action: 'Offer an Early Help assessment', who: 'Sam Patel (SPOC)', byWhen: '2026-12-04' }],
    ...fields,
  });

describe('versions of a visit record', () => {
  it('keeps every save as a version: the record is the newest, and each earlier one reads back as it was', () => {
    const { db, visit, setClock } = aHeldVisit();
    const first = writeVisitRecord(db.writeContext, record(visit.id)).record;
    expect(first.version).toBe(1);
    setClock('2026-12-03T10:15:00Z');
    const second = writeVisitRecord(db.writeContext, record(visit.id, { otherIssues: 'EBSA training asked for', nextVisitOn: '2027-02-01' })).record;
    expect(second).toMatchObject({ version: 2, otherIssues: 'EBSA training asked for', nextVisitOn: '2027-02-01', writtenAt: '2026-12-03T10:15:00.000Z' });

    expect(visitRecordVersions(db.db, visit.id)).toEqual([
      { version: 2, writtenBy: 'Tess Manager', writtenAt: '2026-12-03T10:15:00.000Z' },
      { version: 1, writtenBy: 'Tess Manager', writtenAt: '2026-11-12T15:00:00.000Z' },
    ]);
    expect(visitRecord(db.db, visit.id)).toEqual(second);
    expect(visitRecord(db.db, visit.id, 1)).toEqual(first);
    expect(visitRecord(db.db, visit.id, 1)).toMatchObject({ otherIssues: null, nextVisitOn: null });
    expect(refusalOf(() => visitRecord(db.db, visit.id, 3))).toMatchObject({ code: 'not_found', message: 'This visit record has no version 3.' });
    const audit = db.db.prepare("SELECT summary FROM audit_log WHERE entity = 'visit-record' ORDER BY id").pluck().all();
    expect(audit).toEqual(['version 1: 1 child reviewed', 'version 2: 1 child reviewed']);
  });

  it('still writes the record’s actions on every save, as the action list reads them', () => {
    const { db, visit } = aHeldVisit();
    writeVisitRecord(db.writeContext, record(visit.id));
    writeVisitRecord(db.writeContext, record(visit.id, { children: [{ child: { initials: 'KT', yearGroup: '6' }, category: 'pex_risk', statutoryIntervention: 'yes', earlyHelpReferral: 'no', action: 'Refer', who: 'Ann Lee (DSL)', byWhen: '2026-12-10' }] }));
    expect(db.db.prepare("SELECT about, who, due_on FROM action WHERE source = 'visit_record' AND source_id = ?").all(visit.id)).toEqual([{ about: expect.stringContaining('KT') as unknown, who: 'Ann Lee (DSL)', due_on: '2026-12-10' }]);
  });

  it('a save that fails leaves no version behind and the record as it was', () => {
    const { db, visit } = aHeldVisit();
    writeVisitRecord(db.writeContext, record(visit.id));
    db.db.exec("CREATE TEMP TRIGGER refuse_actions BEFORE INSERT ON action BEGIN SELECT RAISE(ABORT, 'refused'); END");
    db.db.exec("DELETE FROM action WHERE source = 'visit_record'");
    expect(() => writeVisitRecord(db.writeContext, record(visit.id, { otherIssues: 'lost' }))).toThrow(/refused/);
    expect(visitRecordVersions(db.db, visit.id).map((v) => v.version)).toEqual([1]);
    expect(visitRecord(db.db, visit.id)).toMatchObject({ version: 1, otherIssues: null });
  });

  it('says a damaged stored record is damaged, naming the version, rather than showing part of it', () => {
    const { db, visit } = aHeldVisit();
    writeVisitRecord(db.writeContext, record(visit.id));
    db.db.prepare("UPDATE visit_record_version SET data = '{\"children\": 7}' WHERE visit_id = ?").run(visit.id);
    expect(refusalOf(() => visitRecord(db.db, visit.id, 1))).toMatchObject({ code: 'corrupt_database', message: expect.stringContaining('Version 1 of this visit record cannot be read') });
    expect(visitRecord(db.db, visit.id)?.version).toBe(1);
  });
});

describe('who held a visit', () => {
  it('records the worker who held it, by name on the visit', () => {
    const { db, visit } = aHeldVisit();
    expect(selectVisit(db.db, visit.id)?.heldBy).toBeNull();
    const sam = aPerson(db, { name: 'Sam Patel' });
    const { visit: spring } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100600', yearLabel: '2026-27', term: 'spring', date: '2027-02-01' }));
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: spring.id, to: 'pro_forma_sent', on: '2027-01-18' }));
    const held = moveVisitStatus({ ...db.writeContext, now: () => new Date('2027-02-01T15:00:00Z') }, MoveVisitStatus.parse({ id: spring.id, to: 'held', on: '2027-02-01', heldBy: sam.id }));
    expect(held).toMatchObject({ status: 'held', heldBy: sam.id, heldByName: 'Sam Patel', heldWithoutProForma: null });
  });

  it('marks a visit held without a pro forma only with the reason, and keeps the reason', () => {
    const { db } = aHeldVisit();
    const { visit } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100600', yearLabel: '2026-27', term: 'spring', date: '2027-02-01' }));
    const later = { ...db.writeContext, now: () => new Date('2027-02-01T15:00:00Z') };
    const refusal = refusalOf(() => moveVisitStatus(later, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: '2027-02-01' })));
    expect(refusal).toMatchObject({ code: 'invalid_input', message: 'Say why the visit was held without a pro forma.', details: { issues: [{ path: 'reason' }] } });
    expect(selectVisit(db.db, visit.id)?.status).toBe('agreed');
    const held = moveVisitStatus(later, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: '2027-02-01', reason: 'The DSL asked to meet at short notice' }));
    expect(held).toMatchObject({ status: 'held', heldOn: '2027-02-01', proFormaSentOn: null, heldWithoutProForma: 'The DSL asked to meet at short notice' });
    expect(held.deadlines).not.toBeNull();
  });

  it('refuses someone who is not a worker of the team, and a "held by" on any other move', () => {
    const { db } = aHeldVisit();
    const { visit } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100600', yearLabel: '2026-27', term: 'spring', date: '2027-02-01' }));
    const nobody = '7f6d2c1a-4b3e-4c2d-9a1b-2c3d4e5f6a7b';
    expect(refusalOf(() => moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'pro_forma_sent', on: '2027-01-18', heldBy: nobody }))).details).toEqual({ issues: [{ path: 'heldBy', message: 'Only when the visit is marked held' }] });
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'pro_forma_sent', on: '2027-01-18' }));
    const later = { ...db.writeContext, now: () => new Date('2027-02-01T15:00:00Z') };
    expect(refusalOf(() => moveVisitStatus(later, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: '2027-02-01', heldBy: nobody }))).message).toBe('There is no such worker to have held the visit.');
    expect(selectVisit(db.db, visit.id)?.status).toBe('pro_forma_sent');
  });
});
