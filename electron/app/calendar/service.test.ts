import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AcademicYearInput } from '../../../shared/domain/calendar.ts';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { updateSettings } from '../team/service.ts';
import { importBankHolidays, listYears, proFormaDeadlines, saveYear, setInsetDay, setSchoolHolidaysAreWorkingDays, visitDeadlines, workingCalendar } from './service.ts';

const YEAR = AcademicYearInput.parse({
  label: '2026-27',
  terms: [
    { name: 'autumn', startsOn: '2026-09-02', endsOn: '2026-12-18', halfTermFrom: '2026-10-26', halfTermTo: '2026-10-30' },
    { name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-26', halfTermFrom: '2027-02-15', halfTermTo: '2027-02-19' },
    { name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-22', halfTermFrom: '2027-05-31', halfTermTo: '2027-06-04' },
  ],
});

describe('the team calendar', () => {
  it('saves a school year, corrects it, and refuses one that overlaps another', () => {
    const db = aTeamDatabase();
    saveYear(db.writeContext, YEAR);
    const corrected = structuredClone(YEAR);
    corrected.terms[0]!.endsOn = '2026-12-17';
    saveYear(db.writeContext, corrected);
    expect(listYears(db.db)).toHaveLength(1);
    expect(listYears(db.db)[0]?.terms[0]?.endsOn).toBe('2026-12-17');
    const overlapping = { ...structuredClone(YEAR), label: '2027-28' };
    expect(() => saveYear(db.writeContext, overlapping)).toThrow(/overlap the 2026-27 school year/);
  });

  it('gives the pro forma deadlines from the bundled bank holidays and the school year', () => {
    const db = aTeamDatabase();
    saveYear(db.writeContext, YEAR);
    // Visit Tuesday 3 November 2026, straight after autumn half-term.
    expect(visitDeadlines(workingCalendar(db.db), '2026-11-03')).toEqual({ visit: '2026-11-03', sendProForma: '2026-10-13', proFormaDue: '2026-10-20' });
    setSchoolHolidaysAreWorkingDays(db.writeContext, true);
    expect(visitDeadlines(workingCalendar(db.db), '2026-11-03').proFormaDue).toBe('2026-10-27');
  });

  it('counts a school’s INSET day as a working day unless the team says otherwise, and then as closed for that school’s deadlines only', () => {
    const db = aTeamDatabase();
    saveYear(db.writeContext, YEAR);
    aSchool(db, { urn: '100700' });
    aSchool(db, { urn: '100701' });
    expect(setInsetDay(db.writeContext, '100700', '2026-11-20', true)).toEqual(['2026-11-20']);
    const dueBack = () => proFormaDeadlines(db.db, ['2026-11-27']);
    expect(visitDeadlines(workingCalendar(db.db, '100700'), '2026-11-27').proFormaDue).toBe('2026-11-20');
    expect(dueBack()('100700', '2026-11-27').proFormaDue).toBe('2026-11-20');
    updateSettings(db.writeContext, { insetDaysAreWorkingDays: false });
    expect(visitDeadlines(workingCalendar(db.db, '100700'), '2026-11-27').proFormaDue).toBe('2026-11-19');
    expect(dueBack()('100700', '2026-11-27').proFormaDue).toBe('2026-11-19');
    expect(dueBack()('100701', '2026-11-27').proFormaDue).toBe('2026-11-20');
    expect(visitDeadlines(workingCalendar(db.db), '2026-11-27').proFormaDue).toBe('2026-11-20');
    expect(setInsetDay(db.writeContext, '100700', '2026-11-20', false)).toEqual([]);
  });

  it('imports a newer gov.uk bank holidays file, and refuses a file that is not one', () => {
    const db = aTeamDatabase();
    const newer = path.join(tempDir(), 'bank-holidays.json');
    fs.writeFileSync(newer, JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'Extra bank holiday', date: '2028-05-08', notes: '', bunting: true }] } }));
    expect(importBankHolidays(db.writeContext, newer)).toEqual({ count: 1, from: '2028-05-08', to: '2028-05-08' });
    expect(workingCalendar(db.db).bankHolidays.has('2028-05-08')).toBe(true);
    const wrong = path.join(tempDir(), 'x.json');
    fs.writeFileSync(wrong, '{"scotland": []}');
    expect(() => importBankHolidays(db.writeContext, wrong)).toThrow(/not the gov.uk bank-holidays.json file/);
    expect(workingCalendar(db.db).bankHolidays.size).toBe(1);
  });
});
