/** The demo team's escalation log: an entry in every state, relative to now. */
import { CorrectEscalationInput, RaiseEscalationInput, type RaiseEscalationInput as RaiseInput } from '../../../shared/domain/escalations.ts';
import { londonWallTime } from '../../../shared/domain/london-time.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { correctEscalation, raiseEscalation } from '../escalations/service.ts';
import type { DemoRegister } from './register.ts';

export function seedDemoEscalations(db: TeamDatabase, register: DemoRegister): void {
  const ctx = db.writeContext;
  const hoursAgo = (h: number) => londonWallTime(new Date(db.now().getTime() - h * 3_600_000));
  const [a, b, c, d, e, f] = register.schools;
  if (!a || !b || !c || !d || !e || !f) return;
  const raise = (fields: RaiseInput) => raiseEscalation(ctx, RaiseEscalationInput.parse(fields));
  const correct = (id: string, fields: RaiseInput, changeNote: string) => correctEscalation(ctx, CorrectEscalationInput.parse({ ...fields, corrects: id, changeNote }));

  raise({ raisedAt: hoursAgo(3), raisedBy: 'DSL', urn: a, children: [{ initials: 'KT', yearGroup: '4' }], concern: 'child_protection', summary: 'Bruising noticed by the class teacher; the DSL is speaking to the IFD.' });
  raise({ raisedAt: hoursAgo(30), raisedBy: 'Pastoral lead', urn: b, children: [{ initials: 'RM', yearGroup: '8' }], concern: 'neglect', summary: 'Pupil arriving hungry and in the same clothes all week.', advice: 'Talked through the neglect toolkit with the pastoral lead.' });

  const onTime: RaiseInput = {
    raisedAt: hoursAgo(72), raisedBy: 'Head teacher', urn: c, children: [{ initials: 'LS', yearGroup: '10' }, { initials: 'LS', yearGroup: '7' }], concern: 'domestic_abuse',
    summary: 'Older sibling disclosed an incident at home over the weekend.', managerInformedAt: hoursAgo(71), managerInformed: 'Grace Bello',
    referralMade: 'yes', referralRoute: 'ifd_mash_by_school', referralAt: hoursAgo(70), referralReference: 'IFD-48213', advice: 'Advised the school to refer to the IFD the same day and to check Operation Encompass notifications.',
  };
  raise(onTime);

  raise({
    raisedAt: hoursAgo(120), raisedBy: 'SENCO', urn: d, children: [], concern: 'adult_safeguarding', summary: 'A parent with care needs appears to be left without support.',
    managerInformedAt: hoursAgo(90), managerInformed: 'Tess Manager', lateReasonKind: 'out_of_hours', lateReason: 'Raised late on a Friday; the duty manager line was not answered until Saturday morning.',
    referralMade: 'yes', referralRoute: 'adult_services', referralAt: hoursAgo(88), advice: 'The link worker referred the parent to Adult Services with the school’s agreement.',
  });

  raise({
    raisedAt: hoursAgo(24 * 4), raisedBy: 'Head teacher', urn: b, children: [], concern: 'child_protection',
    summary: 'A parent alleges a member of staff handled a pupil roughly at lunchtime.', managerInformedAt: hoursAgo(24 * 4 - 1), managerInformed: 'Grace Bello',
    referralMade: 'yes', referralRoute: 'lado', referralAt: hoursAgo(24 * 4 - 3), advice: 'Advised the head to speak to the LADO before any internal investigation.',
  });

  const closing: RaiseInput = {
    raisedAt: hoursAgo(24 * 20), raisedBy: 'DSL', urn: e, children: [{ initials: 'AB', yearGroup: '2' }], concern: 'child_protection', summary: 'Disclosure to a teaching assistant.',
    managerInformedAt: hoursAgo(24 * 20 - 1), managerInformed: 'Grace Bello', referralMade: 'yes', referralRoute: 'ifd_mash_by_school', referralAt: hoursAgo(24 * 20 - 2), referralReference: 'IFD-47102',
  };
  const closed = raise(closing);
  correct(closed.current.id, { ...closing, outcome: 'Strategy discussion held; child protection plan agreed.', closedAt: hoursAgo(24 * 6) }, 'Outcome recorded and closed');

  const wrong: RaiseInput = { raisedAt: hoursAgo(24 * 9), raisedBy: 'Attendance officer', urn: f, children: [{ initials: 'JP', yearGroup: '5' }], concern: 'other', summary: 'Child missing education for two weeks.', managerInformedAt: hoursAgo(24 * 9 - 2), managerInformed: 'Tess Manager' };
  const first = raise(wrong);
  correct(first.current.id, { ...wrong, children: [{ initials: 'JP', yearGroup: '6' }], concern: 'missing_education' }, 'Year group was wrong; the concern is a child missing education, not other');
}
