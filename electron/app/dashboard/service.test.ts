import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContactInput } from '../../../shared/domain/contacts.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { importBankHolidays, saveYear } from '../calendar/service.ts';
import { completeFollowUp, logContact } from '../contacts/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
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

  it('lists visits of the current term still to agree as overdue, and held visits without a record', () => {
    const db = setUp();
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100500', yearLabel: '2026-27', term: 'autumn', date: '' }));
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100500', yearLabel: '2026-27', term: 'spring', date: '' }));
    expect(kinds(dashboard(db.db, '2026-11-23').overdue)).toEqual(['visit_to_agree 100500']);
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
