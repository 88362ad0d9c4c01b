import { describe, expect, it } from 'vitest';
import { plannedNextVisit, StoredVisitRecord, teamAttendeesOf, versionLabel, VisitRecordInput, whoChoices, yearGroupChoices, yearGroupLabel, yearGroupsFor } from './records.ts';

describe('year groups by the school’s phase', () => {
  it('offers a primary Reception to Year 6, and its first choice is Reception, never Year 7', () => {
    const years = yearGroupsFor({ phase: 'Primary', category: 'primary' });
    expect(years).toEqual(['R', '1', '2', '3', '4', '5', '6']);
    expect(years[0]).toBe('R');
    expect(years.map(yearGroupLabel).join(', ')).toBe('Reception, Year 1, Year 2, Year 3, Year 4, Year 5, Year 6');
  });

  it('offers a secondary Years 7 to 13, a middle school the years either side of 11, a sixth-form centre 12 to 14', () => {
    expect(yearGroupsFor({ phase: 'Secondary', category: 'secondary' })).toEqual(['7', '8', '9', '10', '11', '12', '13']);
    expect(yearGroupsFor({ phase: 'Middle deemed primary', category: 'primary' })).toEqual(['3', '4', '5', '6', '7', '8']);
    expect(yearGroupsFor({ phase: 'Middle deemed secondary', category: 'secondary' })).toEqual(['4', '5', '6', '7', '8', '9']);
    expect(yearGroupsFor({ phase: '16 plus', category: 'secondary' })).toEqual(['12', '13', '14']);
    expect(yearGroupsFor({ phase: 'Nursery', category: 'nursery' })).toEqual(['N', 'R']);
  });

  it('offers every year to all-through and special schools and APCs, which teach any age', () => {
    for (const category of ['all_through', 'special', 'alternative_provision']) {
      const years = yearGroupsFor({ phase: 'Not applicable', category });
      expect(years[0]).toBe('N');
      expect(years).toContain('R');
      expect(years).toContain('13');
    }
  });

  it('keeps a year already recorded that the school’s list no longer offers, in its place', () => {
    const primary = yearGroupsFor({ phase: 'Primary', category: 'primary' });
    expect(yearGroupChoices(primary, '7')).toEqual(['R', '1', '2', '3', '4', '5', '6', '7']);
    expect(yearGroupChoices(primary, 'N')).toEqual(['N', 'R', '1', '2', '3', '4', '5', '6']);
    expect(yearGroupChoices(primary, '4')).toEqual(primary);
  });
});

describe('who is at a visit and who does an action', () => {
  it('fills the team’s attendees with the school’s SPOC and secondary link worker', () => {
    expect(teamAttendeesOf({ spoc: 'Sam Patel', secondary: 'Ravi Shah' })).toBe('Sam Patel (SPOC); Ravi Shah (secondary link worker)');
    expect(teamAttendeesOf({ spoc: 'Sam Patel', secondary: null })).toBe('Sam Patel (SPOC)');
    expect(teamAttendeesOf({ spoc: null, secondary: null })).toBe('');
  });

  it('offers the school’s link workers, its DSL and head teacher, then the team’s other workers, each once', () => {
    expect(whoChoices({ spoc: 'Sam Patel', secondary: 'Ravi Shah', dslName: 'Ann Lee', headTeacher: 'Mr P Jones', workers: ['Amy Worker', 'Sam Patel', 'Ravi Shah'] })).toEqual([
      'Sam Patel (SPOC)', 'Ravi Shah (secondary link worker)', 'Ann Lee (DSL)', 'Mr P Jones (head teacher)', 'Amy Worker',
    ]);
  });

  it('names the DSL and head teacher by their role when the team holds no name', () => {
    expect(whoChoices({ spoc: null, secondary: null, dslName: null, headTeacher: null, workers: [] })).toEqual(['The school’s DSL', 'The head teacher']);
  });
});

describe('the next visit', () => {
  const visits = [
    { id: 'a', yearLabel: '2026-27', term: 'autumn', date: '2026-10-06', status: 'record_written' },
    { id: 's', yearLabel: '2026-27', term: 'spring', date: '2027-02-01', status: 'agreed' },
    { id: 'u', yearLabel: '2026-27', term: 'summer', date: '2027-05-10', status: 'agreed' },
  ];

  it('is the school’s first dated visit after this one', () => {
    expect(plannedNextVisit(visits, { yearLabel: '2026-27', term: 'autumn' })).toBe('2027-02-01');
    expect(plannedNextVisit(visits, { yearLabel: '2026-27', term: 'spring' })).toBe('2027-05-10');
    expect(plannedNextVisit(visits, { yearLabel: '2026-27', term: 'summer' })).toBeNull();
  });

  it('passes over a cancelled visit and one still to be agreed', () => {
    const list = [visits[0]!, { ...visits[1]!, status: 'cancelled' }, { ...visits[2]!, date: null, status: 'to_be_agreed' }, { id: 'n', yearLabel: '2027-28', term: 'autumn', date: '2027-10-05', status: 'agreed' }];
    expect(plannedNextVisit(list, { yearLabel: '2026-27', term: 'autumn' })).toBe('2027-10-05');
  });
});

describe('a visit record as stored', () => {
  const input = {
    visitId: '7f6d2c1a-4b3e-4c2d-9a1b-2c3d4e5f6a7b', schoolAttendees: 'DSL', teamAttendees: 'SPOC', exclusionThresholdDays: 5, managedMovesInternal: 0, managedMovesExternal: 0,
    children: [{ child: { initials: 'JB', yearGroup: '4' }, category: 'persistent_absence', statutoryIntervention: 'no', earlyHelpReferral: 'yes', who: 'Ann Lee (DSL)' }],
  };

  it('takes the next visit as a date, or empty as not known', () => {
    expect(VisitRecordInput.parse({ ...input, nextVisitOn: '2027-02-01' }).nextVisitOn).toBe('2027-02-01');
    expect(VisitRecordInput.parse({ ...input, nextVisitOn: '' }).nextVisitOn).toBeNull();
    expect(VisitRecordInput.safeParse({ ...input, nextVisitOn: '01/02/2027' }).error?.issues[0]?.path).toEqual(['nextVisitOn']);
  });

  it('reads back what was saved, and an older record without the next visit or attendance', () => {
    const saved = JSON.parse(JSON.stringify(VisitRecordInput.parse({ ...input, nextVisitOn: '2027-02-01' }))) as unknown;
    expect(StoredVisitRecord.parse(saved)).toMatchObject({ nextVisitOn: '2027-02-01', children: [{ who: 'Ann Lee (DSL)', action: null, byWhen: null }] });
    const older = JSON.parse(JSON.stringify(VisitRecordInput.parse(input))) as Record<string, unknown>;
    delete older.nextVisitOn;
    expect(StoredVisitRecord.parse(older).nextVisitOn).toBeNull();
  });

  it('refuses a row that is not a visit record, saying which field', () => {
    const result = StoredVisitRecord.safeParse({ ...input, children: [{ ...input.children[0], category: 'truancy' }] });
    expect(result.error?.issues[0]?.path).toEqual(['children', 0, 'category']);
    expect(StoredVisitRecord.safeParse('not a record').success).toBe(false);
  });

  it('names a version by its number and the day it was saved', () => {
    expect(versionLabel({ version: 2, writtenAt: '2026-12-03T10:15:00.000Z' })).toBe('Version 2, 3 Dec 2026');
  });
});
