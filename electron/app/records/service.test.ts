import { describe, expect, it } from 'vitest';
import { ConsultationInput, KEY_AREAS, VisitRecordInput } from '../../../shared/domain/records.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { saveYear } from '../calendar/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { selectVisit } from '../visits/repo.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import { dashboard } from '../dashboard/service.ts';
import { recordConsultation, schoolsWithoutNurseThisTerm, writeVisitRecord } from './service.ts';

function setUp() {
  const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
  saveYear(db.writeContext, DEMO_YEAR);
  aSchool(db, { urn: '100600', name: 'Rhyl Primary School' });
  aSchool(db, { urn: '100601', name: 'Brindle Primary School' });
  return db;
}

const child = (initials: string, yearGroup: string) => ({
  child: { initials, yearGroup }, category: 'persistent_absence', statutoryIntervention: 'no', earlyHelpReferral: 'yes', action: 'Offer an Early Help assessment', who: 'Amira Khan', byWhen: '2026-12-04',
});

describe('visit records', () => {
  it('writes the record of a held visit with its children by reference, and marks it written', () => {
    const db = setUp();
    const { visit } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100600', yearLabel: '2026-27', term: 'autumn', date: '2026-11-12' }));
    const input = VisitRecordInput.parse({
      visitId: visit.id, schoolAttendees: 'Head, DSL', teamAttendees: 'Amira Khan', exclusionThresholdDays: 5,
      children: [child('JB', '4'), child('Jordan Brown', '5')], managedMovesInternal: 1, managedMovesExternal: 0,
    });
    expect(() => writeVisitRecord(db.writeContext, input)).toThrow(/as held before writing its record/);
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'pro_forma_sent', on: '2026-10-29' }));
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: '2026-11-12' }));
    const { record, warnings } = writeVisitRecord(db.writeContext, input);
    expect(record.children).toHaveLength(2);
    expect(warnings).toEqual(['"Jordan Brown" looks like a name: record children by initials only (for example JB).']);
    expect(selectVisit(db.db, visit.id)?.status).toBe('record_written');
    const actions = dashboard(db.db, '2026-11-30').thisWeek.filter((i) => i.kind === 'action_due');
    expect(actions.map((a) => a.detail)).toEqual(['JB Y4: Offer an Early Help assessment (Amira Khan)', 'Jordan Brown Y5: Offer an Early Help assessment (Amira Khan)']);
    expect(actions[0]?.link).toBe('/visits/100600/2026-27/autumn/record');
  });
});

describe('Early Help Consultations', () => {
  const consultation = (urn: string, role: 'school_nurse' | 'dsl', date = '2026-11-20') =>
    ConsultationInput.parse({
      urn, date, requestedBy: 'DSL', attendees: [{ name: 'Pat Lead', role: 'dsl' }, { name: 'Sam Nurse', role }],
      notes: Object.fromEntries(KEY_AREAS.map((a) => [a, a === 'attendance' ? 'Two pupils with EBSA' : ''])), children: [{ initials: 'KT', yearGroup: '6' }], actions: 'Share the EBSA toolkit', notesSharedOn: '2026-11-21',
    });

  it('records a consultation and flags schools with no school nurse consultation this term', () => {
    const db = setUp();
    expect(schoolsWithoutNurseThisTerm(db.db, '2026-11-23').schools.map((s) => s.urn)).toEqual(['100601', '100600']);
    recordConsultation(db.writeContext, consultation('100600', 'school_nurse'));
    recordConsultation(db.writeContext, consultation('100601', 'dsl'));
    const without = schoolsWithoutNurseThisTerm(db.db, '2026-11-23');
    expect(without.term).toBe('Autumn term 2026-27');
    expect(without.schools.map((s) => s.urn)).toEqual(['100601']);
  });

  it('refuses a consultation in the future or notes shared before it', () => {
    const db = setUp();
    expect(() => recordConsultation(db.writeContext, consultation('100600', 'dsl', '2026-12-01'))).toThrow(/before it happens/);
    expect(() => recordConsultation(db.writeContext, { ...consultation('100600', 'dsl'), notesSharedOn: '2026-11-19' })).toThrow(/cannot be shared before/);
  });
});
