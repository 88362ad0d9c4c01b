/**
 * The demo team's action list: some actions done, some open, some overdue, one given to another
 * worker; and a leaver to hand over: Kemi Adeyemi leaves at the end of the autumn term with her
 * schools and open actions still hers.
 */
import { ActionQuery } from '../../../shared/domain/actions.ts';
import { ContactInput } from '../../../shared/domain/contacts.ts';
import { addDays, localDay } from '../../../shared/format.ts';
import { listActions, markDone, reassign } from '../actions/service.ts';
import { selectWorkerHistory } from '../allocations/repo.ts';
import { logContact } from '../contacts/service.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { deactivatePerson } from '../people/service.ts';
import type { DemoRegister } from './register.ts';

export const DEMO_LEAVER = 'Kemi Adeyemi';
const LEAVES_ON = '2026-12-18';

export function seedDemoActions(db: TeamDatabase, register: DemoRegister): void {
  const ctx = db.writeContext;
  const today = localDay(db.now());
  const person = (name: string) => register.people.find((p) => p.name === name);
  const open = () => listActions(db.db, ActionQuery.parse({}));

  // The Inclusion Partnership referral from the written-up visit was made: done.
  const referral = open().find((a) => a.text === 'Refer to the Inclusion Partnership');
  const doneOn = addDays(referral?.dueOn ?? today, -1);
  if (referral) markDone(ctx, referral.id, doneOn < today ? doneOn : today);
  // The consultation's toolkit action passes to the worker who knows the family.
  const toolkit = open().find((a) => a.source === 'consultation');
  const ben = person('Ben Oduya');
  if (toolkit && ben) reassign(ctx, { id: toolkit.id, ownerId: ben.id, dueOn: null });

  // The leaver: her schools, and follow-ups still open, one overdue.
  const leaver = person(DEMO_LEAVER);
  if (!leaver) return;
  const [school] = selectWorkerHistory(db.db, leaver.id).filter((p) => p.to === null);
  if (school) {
    const call = (daysAgo: number, followUp: string, due: number) =>
      logContact(ctx, ContactInput.parse({
        urn: school.urn, at: `${addDays(today, -daysAgo)}T11:00`, workerId: leaver.id, withWhom: 'DSL', direction: 'from_school', channel: 'phone',
        summary: 'Asked for advice on a family new to the area.', followUp, followUpDue: addDays(today, due),
      }));
    call(8, 'Send the family hub leaflet to the DSL', -3);
    call(2, 'Book a joint visit with the health visitor', 5);
  }
  deactivatePerson(ctx, leaver.id, LEAVES_ON);
}
