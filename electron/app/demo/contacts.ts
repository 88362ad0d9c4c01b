/** The demo team's contact log: calls and emails around now, with follow-ups overdue, due this week and done. */
import { ContactInput } from '../../../shared/domain/contacts.ts';
import { addDays, localDay } from '../../../shared/format.ts';
import { ConsultationInput, KEY_AREAS } from '../../../shared/domain/records.ts';
import { completeFollowUp, logContact } from '../contacts/service.ts';
import { recordConsultation } from '../records/service.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import type { DemoRegister } from './register.ts';

export function seedDemoContacts(db: TeamDatabase, register: DemoRegister): void {
  const ctx = db.writeContext;
  const today = localDay(db.now());
  const worker = (name: string) => register.people.find((p) => p.name === name)?.id ?? register.people[0]?.id ?? '';
  const log = (urn: string | undefined, daysAgo: number, fields: Partial<Parameters<typeof ContactInput.parse>[0]>) =>
    urn
      ? logContact(ctx, ContactInput.parse({ urn, at: `${addDays(today, -daysAgo)}T10:30`, workerId: worker('Amira Khan'), withWhom: 'DSL', direction: 'from_school', channel: 'phone', summary: 'Call', ...fields }))
      : undefined;
  const [a, b, c, d] = register.schools;
  log(a, 6, { summary: 'DSL worried about attendance of a Year 4 pupil (ref. KT Y4); agreed to raise at the next visit.', followUp: 'Send the EBSA guidance leaflet', followUpDue: addDays(today, -1) });
  log(b, 2, { workerId: worker('Ben Oduya'), channel: 'email', direction: 'to_school', withWhom: 'Head teacher', summary: 'Sent the spring visit dates for confirmation.', followUp: 'Chase the reply', followUpDue: addDays(today, 3) });
  const done = log(c, 9, { workerId: worker('Jas Kaur'), channel: 'video_call', withWhom: 'SENCO', summary: 'Talked through an Early Help referral for a Year 8 pupil (ref. RM Y8).', followUp: 'Share the referral form', followUpDue: addDays(today, -5) });
  if (done) completeFollowUp(ctx, done.id, addDays(today, -6));
  log(d, 1, { channel: 'in_person', withWhom: 'Pastoral lead', summary: 'Dropped in after the cluster meeting; no concerns raised.' });

  const notes = (attendance: string) => Object.fromEntries(KEY_AREAS.map((k) => [k, k === 'attendance' ? attendance : k === 'send' ? 'Two pupils awaiting an EHC needs assessment.' : '']));
  const consult = (urn: string | undefined, daysAgo: number, nurse: boolean) =>
    urn &&
    recordConsultation(ctx, ConsultationInput.parse({
      urn, date: addDays(today, -daysAgo), requestedBy: 'DSL',
      attendees: [{ name: 'DSL', role: 'dsl' }, { name: 'SENCO', role: 'senco' }, ...(nurse ? [{ name: '5-19 duty nurse (East)', role: 'school_nurse' as const }] : []), { name: 'SPOC', role: 'link_worker' }],
      notes: notes('Persistent absence rising in Year 9; three pupils discussed.'), children: [{ initials: 'LM', yearGroup: '9' }, { initials: 'RP', yearGroup: '9' }],
      actions: 'SPOC to share the EBSA toolkit by Friday; school nurse to offer drop-in sessions.', notesSharedOn: addDays(today, -daysAgo + 1),
    }));
  consult(b, 12, true);
  consult(c, 5, false);
}
