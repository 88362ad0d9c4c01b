import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsultationInput, KEY_AREAS, UpdateConsultationInput, VisitRecordInput } from '../../../shared/domain/records.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { saveYear } from '../calendar/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { selectVisit } from '../visits/repo.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import { dashboard } from '../dashboard/service.ts';
import { updateSettings } from '../team/service.ts';
import { consultations, recordConsultation, schoolsWithoutNurseThisTerm, updateConsultation, writeVisitRecord } from './service.ts';

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

describe('attendance in a visit record', () => {
  it('keeps each child’s attendance and says back a persistently absent child above 90% and a severely absent one', () => {
    const db = setUp();
    const { visit } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100600', yearLabel: '2026-27', term: 'autumn', date: '2026-11-12' }));
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'pro_forma_sent', on: '2026-10-29' }));
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: '2026-11-12' }));
    const { record, warnings } = writeVisitRecord(db.writeContext, VisitRecordInput.parse({
      visitId: visit.id, schoolAttendees: 'DSL', teamAttendees: 'SPOC', exclusionThresholdDays: 5, managedMovesInternal: 0, managedMovesExternal: 0,
      children: [{ ...child('JB', '4'), attendancePercent: 92.5 }, { ...child('KT', '4'), attendancePercent: 88 }, { ...child('AL', '5'), category: 'suspension', attendancePercent: 38.5 }],
    }));
    expect(record.children.map((c) => [c.category, c.attendancePercent])).toEqual([['persistent_absence', 92.5], ['persistent_absence', 88], ['suspension', 38.5]]);
    expect(warnings).toEqual([
      'JB Y4 is recorded as persistently absent, but attendance of 92.5% is not persistently absent (missing less than 10% of possible sessions).',
      'AL Y5: attendance of 38.5% is severe absence (missing 50% or more of possible sessions).',
    ]);
  });
});

describe('Early Help Consultations', () => {
  /** What the form sends. */
  const typed = (urn: string, role: 'school_nurse' | 'dsl', date = '2026-11-20') => ({
    urn, date, requestedBy: 'DSL', attendees: [{ name: 'Pat Lead', role: 'dsl' }, { name: 'Sam Nurse', role }],
    notes: Object.fromEntries(KEY_AREAS.map((a) => [a, a === 'attendance' ? 'Two pupils with EBSA' : ''])), children: [{ initials: 'KT', yearGroup: '6' }], actions: 'Share the EBSA toolkit', notesSharedOn: '2026-11-21',
  });
  const consultation = (urn: string, role: 'school_nurse' | 'dsl', date = '2026-11-20') => ConsultationInput.parse(typed(urn, role, date));

  it('records a consultation and flags schools with no school nurse consultation this term', () => {
    const db = setUp();
    expect(schoolsWithoutNurseThisTerm(db.db, '2026-11-23').schools.map((s) => s.urn)).toEqual(['100601', '100600']);
    recordConsultation(db.writeContext, consultation('100600', 'school_nurse'));
    recordConsultation(db.writeContext, consultation('100601', 'dsl'));
    const without = schoolsWithoutNurseThisTerm(db.db, '2026-11-23');
    expect(without.term).toBe('Autumn term 2026-27');
    expect(without.schools.map((s) => s.urn)).toEqual(['100601']);
  });

  it('flags only open schools of the categories the team names for the school nurse team: not nurseries or colleges by default', () => {
    const db = setUp();
    aSchool(db, { urn: '100602', name: 'Acorn Nursery School', establishmentType: 'Local authority nursery school', phase: 'Nursery' });
    aSchool(db, { urn: '100603', name: 'Coastal College', establishmentType: 'Further education', phase: '16 plus' });
    aSchool(db, { urn: '100604', name: 'Oakwood School', establishmentType: 'Community special school', phase: 'Not applicable' });
    const flagged = () => schoolsWithoutNurseThisTerm(db.db, '2026-11-23').schools.map((s) => s.name);
    expect(flagged()).toEqual(['Brindle Primary School', 'Oakwood School', 'Rhyl Primary School']);
    updateSettings(db.writeContext, { schoolNurseCategories: ['nursery', 'special'] });
    expect(flagged()).toEqual(['Acorn Nursery School', 'Oakwood School']);
    updateSettings(db.writeContext, { schoolNurseCategories: [] });
    expect(flagged()).toEqual([]);
  });

  it('updates a saved consultation, such as the day its notes were shared, with an audit row naming what changed', () => {
    const db = setUp();
    const { consultation: saved } = recordConsultation(db.writeContext, { ...consultation('100600', 'dsl'), notesSharedOn: null });
    const audits = () => db.db.prepare("SELECT action, summary FROM audit_log WHERE entity = 'consultation' ORDER BY id").all();
    const update = (changes: object) => updateConsultation(db.writeContext, UpdateConsultationInput.parse({ ...typed('100600', 'dsl'), notesSharedOn: '', ...changes, id: saved.id }));
    expect(update({ notesSharedOn: '2026-11-23' }).consultation).toMatchObject({ id: saved.id, notesSharedOn: '2026-11-23', withSchoolNurse: false, recordedBy: saved.recordedBy });
    // The nurse joined: the school no longer needs a nurse consultation this term.
    expect(schoolsWithoutNurseThisTerm(db.db, '2026-11-23').schools.map((s) => s.urn)).toContain('100600');
    const withNurse = update({ notesSharedOn: '2026-11-23', attendees: [{ name: 'Pat Lead', role: 'dsl' }, { name: 'Sam Nurse', role: 'school_nurse' }] });
    expect(withNurse.consultation.withSchoolNurse).toBe(true);
    expect(schoolsWithoutNurseThisTerm(db.db, '2026-11-23').schools.map((s) => s.urn)).not.toContain('100600');
    // Saving it again unchanged writes nothing.
    update({ notesSharedOn: '2026-11-23', attendees: [{ name: 'Pat Lead', role: 'dsl' }, { name: 'Sam Nurse', role: 'school_nurse' }] });
    expect(audits()).toEqual([
      { action: 'record', summary: null },
      { action: 'update', summary: 'Changed: notesSharedOn' },
      { action: 'update', summary: 'Changed: attendees' },
    ]);
    expect(consultations(db.db, '100600')).toHaveLength(1);
  });

  it('refuses an update that would move a consultation to another school, date it in the future or share its notes before it, and saves nothing', () => {
    const db = setUp();
    const { consultation: saved } = recordConsultation(db.writeContext, consultation('100600', 'dsl'));
    const update = (changes: object) => () => updateConsultation(db.writeContext, UpdateConsultationInput.parse({ ...typed('100600', 'dsl'), id: saved.id, ...changes }));
    expect(update({ urn: '100601' })).toThrow('This consultation was with Rhyl Primary School; it cannot move to another school. Record the consultation again with the right school.');
    expect(update({ date: '2026-12-01', notesSharedOn: '' })).toThrow(/before it happens/);
    expect(update({ notesSharedOn: '2026-11-19' })).toThrow(/cannot be shared before/);
    expect(update({ id: '5b3f0c55-7d5e-4a57-9a4f-3f4b52f7b3a1' })).toThrow(/no such consultation/);
    expect(consultations(db.db, '100600')).toEqual([saved]);
  });

  it('takes an update through the API only with the consultation’s id and a whole, valid consultation', async () => {
    const dispatch = createDispatcher(aSession(() => new Date('2026-11-23T10:00:00Z')));
    await dispatch('db.create', { path: path.join(tempDir(), 'api.linkdesk'), teamName: 'API Team', localAuthority: 'Testshire', passphrase: PASSPHRASE, userName: 'Tess' });
    await dispatch('schools.create', { urn: '100600', name: 'Rhyl Primary School', establishmentType: 'Community school', phase: 'Primary', laCode: '202', laName: 'Camden' });
    const recorded = await dispatch('consultations.record', { ...typed('100600', 'dsl'), notesSharedOn: '' });
    if (!recorded.ok) throw new Error(recorded.error.message);
    const { id } = (recorded.value as { consultation: { id: string } }).consultation;
    expect(await dispatch('consultations.update', typed('100600', 'dsl'))).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'id' }] } } });
    expect(await dispatch('consultations.update', { ...typed('100600', 'dsl'), id, notesSharedOn: '23/11/2026' })).toMatchObject({
      ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'notesSharedOn', message: 'Enter the date as yyyy-mm-dd' }] } },
    });
    expect(await dispatch('consultations.update', { ...typed('100600', 'dsl'), id, extra: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('consultations.update', { ...typed('100600', 'dsl'), id, notesSharedOn: '2026-11-23' })).toMatchObject({ ok: true, value: { consultation: { id, notesSharedOn: '2026-11-23' } } });
  });

  it('refuses a consultation in the future or notes shared before it', () => {
    const db = setUp();
    expect(() => recordConsultation(db.writeContext, consultation('100600', 'dsl', '2026-12-01'))).toThrow(/before it happens/);
    expect(() => recordConsultation(db.writeContext, { ...consultation('100600', 'dsl'), notesSharedOn: '2026-11-19' })).toThrow(/cannot be shared before/);
  });
});
