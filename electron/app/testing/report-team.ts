/**
 * A small team built by hand for the report's tests, whose every figure is worked out in the
 * comments below (and in reports/service.test.ts): two school years, four schools in two hubs,
 * two workers and a manager, and across three terms visits, pro formas, a visit record,
 * consultations, contacts, escalations (one told late, one corrected into time) and panels.
 * The words it writes (children's references, notes, summaries, school staff) are listed in
 * SECRETS: none of them may reach a report, its Word file or its workbook.
 *
 * The periods: summer 2025-26 is 13 Apr to 31 Aug 2026; autumn 2026-27 is 1 Sep 2026 to
 * 3 Jan 2027 (the Christmas holiday counts with it); spring 2026-27 starts on 4 Jan 2027.
 */
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { ContactInput } from '../../../shared/domain/contacts.ts';
import { CorrectEscalationInput, RaiseEscalationInput } from '../../../shared/domain/escalations.ts';
import { AddMeetingInput, PanelInput, RecordMeetingInput, UpdateMeetingInput } from '../../../shared/domain/panels.ts';
import { ConsultationInput, KEY_AREAS, VisitRecordInput } from '../../../shared/domain/records.ts';
import { TeamHeldFields } from '../../../shared/domain/schools.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { allocate } from '../allocations/service.ts';
import { saveYear } from '../calendar/service.ts';
import { logContact } from '../contacts/service.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { LAST_YEAR } from '../demo/last-year.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { correctEscalation, raiseEscalation } from '../escalations/service.ts';
import { addMeeting, recordMeeting, savePanel, updateMeeting } from '../panels/service.ts';
import { recordConsultation, writeVisitRecord } from '../records/service.ts';
import { updateSchoolTeamFields } from '../schools/service.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import { aPerson, aSchool } from './people-builders.ts';

/** Words the fixture writes that no report may carry. */
export const SECRETS = [
  'QJB', 'XVT', 'ZKL', 'CASE-991', 'Secret record note', 'One move agreed to Brindle', 'Two days in October for ZKL', 'Mrs Jonquil',
  'Disclosure to a teaching assistant', 'Hungry most mornings', 'Manager on leave', 'Typed the wrong day', 'Referred on to the IFD',
  'Mr Staffname', 'Secret school note', 'Called about attendance', 'Secret panel theme', 'Secret panel notes', 'Ms Dslname', 'Secret consultation note', 'Short notice request',
];

export interface ReportTeam {
  amy: string;
  ben: string;
  cara: string;
}

const RECORD_CHILDREN = [
  { child: { initials: 'QJB', yearGroup: '4', caseId: 'CASE-991' }, category: 'persistent_absence', statutoryIntervention: 'no', earlyHelpReferral: 'yes', action: 'Secret record note' },
  { child: { initials: 'XVT', yearGroup: '5' }, category: 'suspension', statutoryIntervention: 'yes', earlyHelpReferral: 'provisional' },
  { child: { initials: 'ZKL', yearGroup: '6' }, category: 'pex_risk', statutoryIntervention: 'provisional', earlyHelpReferral: 'no' },
];

export function buildReportTeam(db: TeamDatabase): ReportTeam {
  const ctx = db.writeContext;
  saveYear(ctx, LAST_YEAR);
  saveYear(ctx, DEMO_YEAR);
  const amy = aPerson(db, { name: 'Amy Worker' }).id;
  const ben = aPerson(db, { name: 'Ben Oduya' }).id;
  const cara = aPerson(db, { name: 'Cara Lead', role: 'team_manager' }).id;
  // Rhyl and Brindle in North, Carrow and Dale in Coastal; Dale has no named worker.
  const schools = [['100600', 'Rhyl Primary School', 'North', amy], ['100601', 'Brindle Primary School', 'North', ben], ['100602', 'Carrow Primary School', 'Coastal', amy], ['100603', 'Dale Primary School', 'Coastal', null]] as const;
  for (const [urn, name, hub, named] of schools) {
    aSchool(db, { urn, name });
    updateSchoolTeamFields(ctx, urn, TeamHeldFields.parse({ hub, dslName: 'Ms Dslname', dslEmail: '', mainContact: 'Mr Staffname', notes: 'Secret school note' }));
    if (named) allocate(ctx, AllocationProposal.parse({ urn, namedId: named, secondaryId: null, from: '2025-09-01', overrideReason: 'A small test team' }));
  }

  // A visit planned with a date is agreed.
  const plan = (urn: string, yearLabel: string, term: 'autumn' | 'spring' | 'summer', date: string) => planVisit(ctx, PlanVisitInput.parse({ urn, yearLabel, term, date, agreedOn: '2026-04-20' })).visit.id;
  const move = (id: string, to: string, on: string, extra: object = {}) => moveVisitStatus(ctx, MoveVisitStatus.parse({ id, to, on, ...extra }));

  // Summer 2025-26: Rhyl's visit held straight from agreed (no pro forma), by Amy (its named worker, by default).
  const rhylSummer = plan('100600', '2025-26', 'summer', '2026-06-10');
  move(rhylSummer, 'held', '2026-06-10', { reason: 'Short notice request' });

  // Autumn 2026-27. Rhyl, 12 Nov: pro forma due out by 22 Oct, sent 20 Oct (on time); due back 5 Nov, returned 5 Nov (on time); held, record written.
  const rhyl = plan('100600', '2026-27', 'autumn', '2026-11-12');
  move(rhyl, 'pro_forma_sent', '2026-10-20');
  move(rhyl, 'pro_forma_returned', '2026-11-05');
  move(rhyl, 'held', '2026-11-12');
  writeVisitRecord(ctx, VisitRecordInput.parse({
    visitId: rhyl, schoolAttendees: 'Mrs Jonquil (head)', teamAttendees: 'Amy Worker', exclusionThresholdDays: 5, children: RECORD_CHILDREN,
    managedMovesInternal: 2, managedMovesExternal: 1, managedMovesAgreed: 'One move agreed to Brindle', unnotifiedExclusions: 'Two days in October for ZKL', otherIssues: 'Secret record note',
  }));
  // Brindle, 3 Dec: due out by 19 Nov, sent 25 Nov (late); due back 26 Nov, returned 30 Nov (late); held by Amy, though Ben is its named worker.
  const brindle = plan('100601', '2026-27', 'autumn', '2026-12-03');
  move(brindle, 'pro_forma_sent', '2026-11-25');
  move(brindle, 'pro_forma_returned', '2026-11-30');
  move(brindle, 'held', '2026-12-03', { heldBy: amy });
  // Carrow: agreed for 10 Dec, then cancelled at the school's request. Dale: no visit at all.
  const carrow = plan('100602', '2026-27', 'autumn', '2026-12-10');
  move(carrow, 'cancelled', '2026-12-01', { reasonKind: 'school_request', reason: 'Mrs Jonquil off sick' });
  // Spring 2026-27: Brindle agreed for 10 Feb.
  plan('100601', '2026-27', 'spring', '2027-02-10');

  // Consultations: Rhyl on the autumn term's last day, with the school nurse; Carrow on the spring term's first; Brindle in the summer before.
  const consult = (urn: string, date: string, nurse: boolean) => recordConsultation(ctx, ConsultationInput.parse({
    urn, date, requestedBy: 'Ms Dslname', attendees: [{ name: 'Ms Dslname', role: 'dsl' }, ...(nurse ? [{ name: 'Nurse Team', role: 'school_nurse' }] : [])],
    notes: Object.fromEntries(KEY_AREAS.map((a) => [a, 'Secret consultation note'])), children: [{ initials: 'QJB', yearGroup: '4' }], actions: 'Secret consultation note',
  }));
  consult('100600', '2026-12-18', true);
  consult('100602', '2027-01-04', false);
  consult('100601', '2026-06-15', false);

  // Contacts: Rhyl on the autumn term's last day (Amy, phone); Brindle in the Christmas holiday (Ben, in person: autumn);
  // Carrow on the spring term's first day (Amy, email); Dale in the summer before (Ben, video call).
  const contact = (urn: string, at: string, workerId: string, channel: string) => logContact(ctx, ContactInput.parse({ urn, at, workerId, withWhom: 'Mr Staffname', direction: 'from_school', channel, summary: 'Called about attendance' }));
  contact('100600', '2026-12-18T15:00', amy, 'phone');
  contact('100601', '2026-12-22T10:00', ben, 'in_person');
  contact('100602', '2027-01-04T09:00', amy, 'email');
  contact('100603', '2026-05-01T10:00', ben, 'video_call');

  // Escalations. Rhyl, 2 Nov: the manager told 26 hours later, no manager available (late, open).
  const raise = (urn: string, raisedAt: string, concern: string, more: object = {}) => raiseEscalation(ctx, RaiseEscalationInput.parse({
    raisedAt, raisedBy: 'Ms Dslname', urn, children: [{ initials: 'XVT', yearGroup: '5' }], concern, summary: 'Disclosure to a teaching assistant', ...more,
  }));
  raise('100600', '2026-11-02T09:00', 'neglect', { managerInformedAt: '2026-11-03T11:00', managerInformed: 'Cara Lead', lateReasonKind: 'manager_unavailable', lateReason: 'Manager on leave' });
  // Brindle, 18 Dec: first logged as told on 20 Dec (late, out of hours), corrected to 19 Dec 10:00 (in time, so no reason counts) and closed with a referral made.
  const brindleConcern = raise('100601', '2026-12-18T16:00', 'child_protection', { managerInformedAt: '2026-12-20T09:00', managerInformed: 'Cara Lead', lateReasonKind: 'out_of_hours', lateReason: 'Manager on leave', summary: 'Hungry most mornings' });
  correctEscalation(ctx, CorrectEscalationInput.parse({
    raisedAt: '2026-12-18T16:00', raisedBy: 'Ms Dslname', urn: '100601', children: [{ initials: 'XVT', yearGroup: '5' }], concern: 'child_protection', summary: 'Hungry most mornings',
    managerInformedAt: '2026-12-19T10:00', managerInformed: 'Cara Lead', referralMade: 'yes', referralRoute: 'ifd_mash_by_school', outcome: 'Referred on to the IFD',
    closedAt: '2026-12-21T10:00', corrects: brindleConcern.current.id, changeNote: 'Typed the wrong day',
  }));
  // Carrow, on the spring term's first day: no manager told, its 24 hours long past by 20 Jan 2027.
  raise('100602', '2027-01-04T09:00', 'domestic_abuse');
  // Dale, in the summer before: told within 3 hours, still open.
  raise('100603', '2026-05-20T09:00', 'other', { managerInformedAt: '2026-05-20T12:00', managerInformed: 'Cara Lead' });

  // Panels: North's panel met 20 Nov (Ben sent apologies; nobody came), 18 Dec (Amy attended) and 12 Jun (Ben attended);
  // Coastal's forum met 1 Oct (Cara attended) and had 15 Oct cancelled.
  const north = savePanel(ctx, PanelInput.parse({ name: 'Pupil Placement Panel', type: 'pupil_placement', area: 'North', everyWeeks: null, usualTime: '10:00' })).id;
  const coastal = savePanel(ctx, PanelInput.parse({ name: 'Behaviour Forum', type: 'behaviour_forum', area: 'Coastal', everyWeeks: null, usualTime: '14:00' })).id;
  const meeting = (panelId: string, date: string, attendance: { personId: string; response: string }[], tags: string[] = []) => {
    const { meeting: m } = addMeeting(ctx, AddMeetingInput.parse({ panelId, date, time: '10:00' }));
    recordMeeting(ctx, RecordMeetingInput.parse({ id: m.id, attendance, notes: 'Secret panel notes', themes: tags.length ? 'Secret panel theme' : '', tags }));
    return m.id;
  };
  meeting(north, '2026-11-20', [{ personId: ben, response: 'apologies' }], ['ebsa']);
  meeting(north, '2026-12-18', [{ personId: amy, response: 'attended' }], ['EBSA', 'transition']);
  meeting(north, '2026-06-12', [{ personId: ben, response: 'attended' }], ['transition']);
  meeting(coastal, '2026-10-01', [{ personId: cara, response: 'attended' }]);
  const cancelled = meeting(coastal, '2026-10-15', [{ personId: cara, response: 'expected' }]);
  updateMeeting(ctx, UpdateMeetingInput.parse({ id: cancelled, date: '2026-10-15', time: '14:00', cancelled: true, cancelledReason: 'Chair unwell' }));
  return { amy, ben, cara };
}
