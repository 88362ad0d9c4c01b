import { describe, expect, it } from 'vitest';
import { AcademicYearInput } from '../../../shared/domain/calendar.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { saveYear } from '../calendar/service.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { moveVisitStatus, planner, planVisit } from './service.ts';

function setUp() {
  const db = aTeamDatabase({ now: () => new Date('2026-09-10T10:00:00Z') });
  saveYear(db.writeContext, AcademicYearInput.parse({
    label: '2026-27',
    terms: [
      { name: 'autumn', startsOn: '2026-09-02', endsOn: '2026-12-18', halfTermFrom: '2026-10-26', halfTermTo: '2026-10-30' },
      { name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-26', halfTermFrom: '2027-02-15', halfTermTo: '2027-02-19' },
      { name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-22', halfTermFrom: '2027-05-31', halfTermTo: '2027-06-04' },
    ],
  }));
  const school = aSchool(db, { urn: '100300', name: 'Rhyl Primary School' });
  return { db, school };
}

const plan = (p: Partial<Parameters<typeof PlanVisitInput.parse>[0]>) => PlanVisitInput.parse({ urn: '100300', yearLabel: '2026-27', term: 'autumn', date: '', ...p });

describe('planning termly visits', () => {
  it('agrees a visit and gives its pro forma deadlines in working days, skipping half-term', () => {
    const { db } = setUp();
    const { visit, warnings } = planVisit(db.writeContext, plan({ date: '2026-11-03', agreedWith: 'Head teacher' }));
    expect(visit).toMatchObject({ status: 'agreed', agreedWith: 'Head teacher', agreedOn: '2026-09-10', deadlines: { sendProForma: '2026-10-13', proFormaDue: '2026-10-20' } });
    expect(warnings).toEqual([]);
  });

  it('saves a date outside term with a warning, and asks why an agreed visit moved', () => {
    const { db } = setUp();
    expect(planVisit(db.writeContext, plan({ date: '2026-12-22' })).warnings[0]).toMatch(/outside term time/);
    expect(() => planVisit(db.writeContext, plan({ date: '2026-12-10' }))).toThrow(/Say why the visit moved/);
    expect(planVisit(db.writeContext, plan({ date: '2026-12-10', movedReason: 'Ofsted inspection that week' })).visit.movedReason).toBe('Ofsted inspection that week');
  });

  it('moves through the statuses in order only, and never holds a visit before its date', () => {
    const { db } = setUp();
    const { visit } = planVisit(db.writeContext, plan({ date: '2026-11-03' }));
    const move = (to: string, on: string, reason?: string) => moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to, on, ...(reason ? { reason } : {}) }));
    expect(() => move('held', '2026-11-03')).toThrow(/Say why the visit was held without a pro forma/);
    expect(() => move('record_written', '2026-11-03')).toThrow(/cannot become "Record written"/);
    expect(move('pro_forma_sent', '2026-10-12').proFormaSentOn).toBe('2026-10-12');
    expect(move('pro_forma_returned', '2026-10-19').status).toBe('pro_forma_returned');
    expect(() => move('held', '2026-11-02')).toThrow(/cannot be held before then/);
    expect(move('held', '2026-11-03').heldOn).toBe('2026-11-03');
    expect(move('record_written', '2026-11-05').status).toBe('record_written');
    expect(() => planVisit(db.writeContext, plan({ date: '2026-11-10', movedReason: 'x' }))).toThrow(/can no longer change/);
  });

  it('shows every school by term in the year planner, with what is missing', () => {
    const { db } = setUp();
    aSchool(db, { urn: '100301', name: 'Aardvark Primary' });
    planVisit(db.writeContext, plan({ date: '2026-11-03' }));
    const rows = planner(db.db, '2026-27', '2026-09-10');
    expect(rows.map((r) => [r.name, Object.keys(r.visits)])).toEqual([['Aardvark Primary', []], ['Rhyl Primary School', ['autumn']]]);
  });
});
