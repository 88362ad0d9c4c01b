/**
 * One demo school whose timeline holds every kind of entry: Marwick CE Primary School, allocated
 * for the year in September, visited and written up, a contact, a consultation, an escalation
 * raised and closed, the Word record of its visit, and its closure at October half term when it
 * merged with a neighbour. Its dates are fixed, before the demo's "now" (late November 2026 on).
 */
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { ContactInput } from '../../../shared/domain/contacts.ts';
import { CorrectEscalationInput, RaiseEscalationInput, type RaiseEscalationInput as RaiseInput } from '../../../shared/domain/escalations.ts';
import { ConsultationInput, KEY_AREAS, VisitRecordInput } from '../../../shared/domain/records.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { allocate } from '../allocations/service.ts';
import { logContact } from '../contacts/service.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { createMeetingRecord } from '../documents/word-records.ts';
import { correctEscalation, raiseEscalation } from '../escalations/service.ts';
import { recordConsultation, writeVisitRecord } from '../records/service.ts';
import { closeSchool } from '../schools/service.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import type { DemoRegister } from './register.ts';

/** The case-system ID of the child the story follows through a consultation, a visit record, an escalation and a contact (subject access finds them all). */
export const TW_CASE = 'EH-31207';

export function seedDemoStory(db: TeamDatabase, register: DemoRegister): void {
  const ctx = db.writeContext;
  const urn = register.closing;
  const worker = (name: string) => register.people.find((p) => p.name === name);
  const kemi = worker('Kemi Adeyemi');
  const farid = worker('Farid Haddad');
  if (!kemi || !farid) return;

  allocate(ctx, AllocationProposal.parse({
    urn, namedId: kemi.id, secondaryId: farid.id, from: '2026-09-01', reason: 'Allocations for the 2026 to 2027 school year',
    overrideReason: 'Agreed at the hub allocation meeting, 10 Jul 2026: the school closes at October half term',
  }));
  logContact(ctx, ContactInput.parse({
    urn, at: '2026-09-14T11:15', workerId: kemi.id, withWhom: 'Head teacher', direction: 'from_school', channel: 'phone',
    summary: `The merger with Langdon CE Primary goes ahead at half term; asked who the families should contact after it, and for the file of ${TW_CASE} to go to the Langdon SPOC.`,
  }));
  recordConsultation(ctx, ConsultationInput.parse({
    urn, date: '2026-09-29', requestedBy: 'DSL',
    attendees: [{ name: 'DSL', role: 'dsl' }, { name: '5-19 duty nurse (Coastal)', role: 'school_nurse' }, { name: 'SPOC', role: 'link_worker' }],
    notes: Object.fromEntries(KEY_AREAS.map((k) => [k, k === 'transition' ? 'Six families anxious about the move to Langdon; a transition evening is planned.' : ''])),
    // Two children with case IDs, so a subject access bundle for one has the other's to redact.
    children: [{ initials: 'TW', yearGroup: '3', caseId: TW_CASE }, { initials: 'PH', yearGroup: '5', caseId: 'EH-31952' }],
    actions: 'SPOC to attend the transition evening with the Langdon SPOC; PH Y5 to visit Langdon first with the DSL.', notesSharedOn: '2026-09-30',
  }));
  const { visit } = planVisit(ctx, PlanVisitInput.parse({ urn, yearLabel: '2026-27', term: 'autumn', date: '2026-10-06', agreedWith: 'Head teacher', agreedOn: '2026-09-08' }));
  for (const [to, on] of [['pro_forma_sent', '2026-09-21'], ['pro_forma_returned', '2026-09-28'], ['held', '2026-10-06'], ['record_written', '2026-10-07']] as const) {
    moveVisitStatus(ctx, MoveVisitStatus.parse({ id: visit.id, to, on }));
  }
  writeVisitRecord(ctx, VisitRecordInput.parse({
    visitId: visit.id, schoolAttendees: 'Head teacher; DSL', teamAttendees: 'SPOC', exclusionThresholdDays: 5,
    children: [{ child: { initials: 'TW', yearGroup: '3', caseId: TW_CASE }, category: 'persistent_absence', attendancePercent: 86, statutoryIntervention: 'no', earlyHelpReferral: 'no' }],
    managedMovesInternal: 0, managedMovesExternal: 0, otherIssues: 'Records of every child to pass to Langdon CE Primary at the merger.',
  }));
  createMeetingRecord(ctx, { kind: 'visit', id: visit.id });
  const raised: RaiseInput = {
    raisedAt: '2026-10-01T14:20', raisedBy: 'DSL', urn, children: [{ initials: 'TW', yearGroup: '3', caseId: TW_CASE }], concern: 'neglect',
    summary: 'Pupil often collected late and hungry; the DSL asked for advice.', managerInformedAt: '2026-10-01T15:05', managerInformed: 'Grace Bello',
    referralMade: 'yes', referralRoute: 'ifd_mash_by_school', referralAt: '2026-10-02T09:30', advice: 'Talked through the neglect toolkit; the school referred to the IFD.',
  };
  const escalation = raiseEscalation(ctx, RaiseEscalationInput.parse(raised));
  correctEscalation(ctx, CorrectEscalationInput.parse({
    ...raised, corrects: escalation.current.id, outcome: 'Family accepted an Early Help assessment.', closedAt: '2026-10-12T10:00', changeNote: 'Outcome recorded and closed',
  }));
  closeSchool(ctx, urn, '2026-10-23');
}
