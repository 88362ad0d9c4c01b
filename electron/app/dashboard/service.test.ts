import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContactInput } from '../../../shared/domain/contacts.ts';
import { DASHBOARD_ACTIONS } from '../../../shared/domain/dashboard.ts';
import { addDays } from '../../../shared/format.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { importBankHolidays, saveYear } from '../calendar/service.ts';
import { completeFollowUp, logContact } from '../contacts/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { closeSchool, setSchoolScope } from '../schools/service.ts';
import { updateSettings } from '../team/service.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import { dashboard } from './service.ts';

function setUp() {
  const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
  saveYear(db.writeContext, DEMO_YEAR);
  aSchool(db, { urn: '100500', name: 'Rhyl Primary School' });
  aSchool(db, { urn: '100501', name: 'Brindle Primary School' });
  return db;
}

const kinds = (items: { kind: string; urn: string }[]) => items.map((i) => `${i.kind} ${i.urn}`);
const toAgree = (items: { kind: string; urn: string }[]) => kinds(items.filter((i) => i.kind === 'visit_to_agree'));

describe('the dashboard', () => {
  it('lists pro formas to send and not back, overdue or this week, and clears them as they move on', () => {
    const db = setUp();
    // Visit 10 Dec: send by 26 Nov (this week). Visit 1 Dec: send by 17 Nov (overdue).
    const later = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100500', yearLabel: '2026-27', term: 'autumn', date: '2026-12-10' })).visit;
    const sooner = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100501', yearLabel: '2026-27', term: 'autumn', date: '2026-12-01' })).visit;
    let d = dashboard(db.db, '2026-11-23');
    expect(kinds(d.overdue)).toEqual(['send_pro_forma 100501']);
    expect(kinds(d.thisWeek)).toEqual(['send_pro_forma 100500']);
    expect(d.thisWeek[0]).toMatchObject({ due: '2026-11-26', link: '/visits/100500/2026-27/autumn' });
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: sooner.id, to: 'pro_forma_sent', on: '2026-11-23' }));
    d = dashboard(db.db, '2026-11-23');
    expect(kinds(d.overdue)).toEqual([]);
    expect(kinds(d.thisWeek)).toEqual(['pro_forma_not_back 100501', 'send_pro_forma 100500']);
    expect(kinds(dashboard(db.db, '2026-11-25').overdue)).toEqual(['pro_forma_not_back 100501']);
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: later.id, to: 'pro_forma_sent', on: '2026-11-23' }));
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: sooner.id, to: 'pro_forma_returned', on: '2026-11-24' }));
    expect(kinds(dashboard(db.db, '2026-11-25').overdue)).toEqual([]);
  });

  it('lists every school served with no agreed visit this term, from the end of the second week of term', () => {
    const db = setUp();
    // Rhyl: still to be agreed. Brindle: nothing planned. Agreed in the end: Carrow. Cancelled with a reason: Dunmere.
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100500', yearLabel: '2026-27', term: 'autumn', date: '' }));
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100500', yearLabel: '2026-27', term: 'spring', date: '' }));
    aSchool(db, { urn: '100502', name: 'Carrow Primary School' });
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100502', yearLabel: '2026-27', term: 'autumn', date: '' }));
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100502', yearLabel: '2026-27', term: 'autumn', date: '2026-12-10' }));
    aSchool(db, { urn: '100503', name: 'Dunmere Primary School' });
    const dunmere = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100503', yearLabel: '2026-27', term: 'autumn', date: '2026-12-09' })).visit;
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: dunmere.id, to: 'cancelled', on: '2026-11-20', reasonKind: 'no_longer_needed', reason: 'School merging in January' }));

    // Autumn starts on Wednesday 2 Sep: its second week ends on Friday 11 Sep.
    expect(kinds(dashboard(db.db, '2026-09-03').thisWeek)).toEqual([]);
    const week = dashboard(db.db, '2026-09-07').thisWeek.filter((i) => i.kind === 'visit_to_agree');
    expect(week).toEqual([
      { kind: 'visit_to_agree', school: 'Brindle Primary School', urn: '100501', due: '2026-09-11', detail: 'No autumn term visit planned', link: '/visits/100501/2026-27/autumn' },
      { kind: 'visit_to_agree', school: 'Rhyl Primary School', urn: '100500', due: '2026-09-11', detail: 'The autumn term visit has no date yet', link: '/visits/100500/2026-27/autumn' },
    ]);
    expect(toAgree(dashboard(db.db, '2026-11-23').overdue)).toEqual(['visit_to_agree 100501', 'visit_to_agree 100500']);
    // Agreed: it leaves the list.
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100500', yearLabel: '2026-27', term: 'autumn', date: '2026-12-14' }));
    expect(toAgree(dashboard(db.db, '2026-11-23').overdue)).toEqual(['visit_to_agree 100501']);
    // Between terms nothing is to agree; the spring term's visits count from its own second week.
    expect(toAgree(dashboard(db.db, '2026-12-22').overdue)).toEqual([]);
    expect(toAgree(dashboard(db.db, '2027-01-11').thisWeek)).toHaveLength(4);
    expect(toAgree(dashboard(db.db, '2027-01-18').overdue)).toEqual(['visit_to_agree 100501', 'visit_to_agree 100502', 'visit_to_agree 100503', 'visit_to_agree 100500']);
  });

  it('lists visits to agree from the week of term the team chose', () => {
    const db = setUp();
    updateSettings(db.writeContext, { visitAgreeByWeek: 4 });
    // Week 4 of the autumn term ends on Friday 25 Sep.
    expect(dashboard(db.db, '2026-09-17').thisWeek).toEqual([]);
    expect(dashboard(db.db, '2026-09-18').thisWeek.map((i) => `${i.kind} ${i.urn} ${i.due}`)).toEqual(['visit_to_agree 100501 2026-09-25', 'visit_to_agree 100500 2026-09-25']);
  });

  it('leaves out schools the team does not serve, by category or by their own choice, and closed schools', () => {
    const db = setUp();
    aSchool(db, { urn: '100510', name: 'Ashby College', establishmentType: 'Further education', phase: '16 plus' });
    aSchool(db, { urn: '100511', name: 'Fenwick College', establishmentType: 'Further education', phase: '16 plus' });
    aSchool(db, { urn: '100512', name: 'Garston Independent School', establishmentType: 'Other independent school', phase: 'Not applicable' });
    aSchool(db, { urn: '100513', name: 'Hollins Primary School' });
    closeSchool(db.writeContext, '100513', '2026-08-31');
    const urns = () => dashboard(db.db, '2026-11-23').overdue.filter((i) => i.kind === 'visit_to_agree').map((i) => i.urn).sort();
    expect(urns()).toEqual(['100500', '100501', '100510', '100511', '100512']);
    updateSettings(db.writeContext, { categoriesInScope: ['primary', 'secondary', 'independent'] });
    setSchoolScope(db.writeContext, '100511', true);
    setSchoolScope(db.writeContext, '100512', false);
    expect(urns()).toEqual(['100500', '100501', '100511']);
    // Back to its category: out again.
    setSchoolScope(db.writeContext, '100511', null);
    expect(urns()).toEqual(['100500', '100501']);
  });

  it('leaves out the visits of a school out of scope, but keeps the follow-ups someone set there', () => {
    const db = setUp();
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100500', yearLabel: '2026-27', term: 'autumn', date: '2026-12-10' }));
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100501', yearLabel: '2026-27', term: 'autumn', date: '2026-12-10' }));
    const worker = aPerson(db, { hub: '' });
    logContact(db.writeContext, ContactInput.parse({
      urn: '100500', at: '2026-11-20T14:05', workerId: worker.id, withWhom: 'DSL', direction: 'from_school', channel: 'phone',
      summary: 'Asked for the attendance toolkit', followUp: 'Send the toolkit', followUpDue: '2026-11-25',
    }));
    expect(kinds(dashboard(db.db, '2026-11-23').thisWeek)).toEqual(['follow_up_due 100500', 'send_pro_forma 100501', 'send_pro_forma 100500']);
    setSchoolScope(db.writeContext, '100500', false);
    expect(kinds(dashboard(db.db, '2026-11-23').thisWeek)).toEqual(['follow_up_due 100500', 'send_pro_forma 100501']);
  });

  it('lists the longest overdue actions and counts the rest, so years of open actions cost a page', () => {
    const db = setUp();
    const worker = aPerson(db, { hub: '' });
    // 55 follow-ups overdue (one a day from 1 Sep) and 3 due this week: 58 open actions.
    const days = [...Array.from({ length: 55 }, (_, i) => addDays('2026-09-01', i)), '2026-11-24', '2026-11-25', '2026-11-26'];
    for (const [i, day] of days.entries()) {
      logContact(db.writeContext, ContactInput.parse({
        urn: '100500', at: '2026-08-31T09:00', workerId: worker.id, withWhom: 'DSL', direction: 'from_school', channel: 'phone',
        summary: `Call ${i + 1}`, followUp: `Follow-up ${i + 1}`, followUpDue: day,
      }));
    }
    const board = dashboard(db.db, '2026-11-23');
    const actions = [...board.overdue, ...board.thisWeek].filter((item) => item.actionId);
    expect(actions).toHaveLength(DASHBOARD_ACTIONS);
    expect(board.overdue.filter((item) => item.actionId).map((item) => item.due)).toEqual(days.slice(0, DASHBOARD_ACTIONS));
    expect(board.moreActions).toEqual({ overdue: 55 - DASHBOARD_ACTIONS, thisWeek: 3 });
  });

  it('lists held visits without a record until the record is written', () => {
    const db = setUp();
    const visit = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100500', yearLabel: '2026-27', term: 'autumn', date: '2026-11-16' })).visit;
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100501', yearLabel: '2026-27', term: 'autumn', date: '2026-12-16' }));
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'pro_forma_sent', on: '2026-11-02' }));
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: '2026-11-16' }));
    expect(dashboard(db.db, '2026-11-23').thisWeek.map((i) => `${i.kind} ${i.urn} ${i.due}`)).toContain('held_without_record 100500 2026-11-23');
    moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'record_written', on: '2026-11-20' }));
    expect(kinds([...dashboard(db.db, '2026-11-23').thisWeek, ...dashboard(db.db, '2026-11-23').overdue]).filter((k) => k.includes('100500'))).toEqual([]);
  });

  it('lists contact follow-ups due, and clears one when it is done', () => {
    const db = setUp();
    const worker = aPerson(db, { hub: '' });
    const contact = logContact(db.writeContext, ContactInput.parse({
      urn: '100500', at: '2026-11-20T14:05', workerId: worker.id, withWhom: 'DSL', direction: 'from_school', channel: 'phone',
      summary: 'Concern about attendance of a Year 5 pupil (ref. JB Y5)', followUp: 'Send the EBSA guidance', followUpDue: '2026-11-25',
    }));
    expect(kinds(dashboard(db.db, '2026-11-23').thisWeek)).toEqual(['follow_up_due 100500']);
    completeFollowUp(db.writeContext, contact.id, '2026-11-23');
    expect(dashboard(db.db, '2026-11-23').thisWeek).toEqual([]);
  });

  it('warns six months before the bundled bank holidays run out, and not once newer ones are imported', () => {
    const db = setUp();
    // The bundled gov.uk file ends on 28 December 2027.
    expect(dashboard(db.db, '2026-11-23').bankHolidayWarning).toBeNull();
    expect(dashboard(db.db, '2027-06-28').bankHolidayWarning).toMatch(/^The bank holidays LinkDesk holds end on 28 Dec 2027: .* Download bank-holidays\.json from https:\/\/www\.gov\.uk\/bank-holidays\.json and import it in Settings/);
    const newer = path.join(tempDir(), 'bank-holidays.json');
    fs.writeFileSync(newer, JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'Boxing Day', date: '2028-12-26', notes: '', bunting: true }] } }));
    importBankHolidays(db.writeContext, newer);
    expect(dashboard(db.db, '2027-06-28').bankHolidayWarning).toBeNull();
  });

  it('refuses a contact in the future or a follow-up due before the contact', () => {
    const db = setUp();
    const worker = aPerson(db, { hub: '' });
    const base = { urn: '100500', workerId: worker.id, withWhom: 'DSL', direction: 'to_school', channel: 'email', summary: 'Sent the pro forma' } as const;
    expect(() => logContact(db.writeContext, ContactInput.parse({ ...base, at: '2026-12-01T09:00' }))).toThrow(/cannot be in the future/);
    expect(ContactInput.safeParse({ ...base, at: '2026-11-20T09:00', followUp: 'Call back', followUpDue: '2026-11-19' }).error?.issues[0]?.message).toBe('The follow-up cannot be due before the contact');
  });
});
