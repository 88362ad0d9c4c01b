/**
 * The demo team's school year 2026-27 and its termly visits in every state: written up,
 * held, pro forma sent and returned, agreed, moved with a reason, cancelled, still to agree.
 */
import { AcademicYearInput } from '../../../shared/domain/calendar.ts';
import type { CancelledReasonKind } from '../../../shared/domain/reason-kinds.ts';
import { MoveVisitStatus, PlanVisitInput, type VisitStatus } from '../../../shared/domain/visits.ts';
import { saveYear } from '../calendar/service.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { VisitRecordInput } from '../../../shared/domain/records.ts';
import { writeVisitRecord } from '../records/service.ts';
import { selectCurrentPeriod } from '../allocations/repo.ts';
import type { WriteContext } from '../db/write.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';

const DEMO_RECORD = (visitId: string) => ({
  visitId,
  schoolAttendees: 'Head teacher; DSL; attendance officer',
  teamAttendees: 'SPOC and the secondary link worker',
  exclusionThresholdDays: 5,
  children: [
    { child: { initials: 'JB', yearGroup: '4' }, category: 'persistent_absence', attendancePercent: 84.5, statutoryIntervention: 'no', earlyHelpReferral: 'yes', action: 'Offer the family an Early Help assessment', who: 'SPOC', byWhen: '2026-10-23' },
    { child: { initials: 'MR', yearGroup: '5' }, category: 'suspension', attendancePercent: 46, statutoryIntervention: 'yes', earlyHelpReferral: 'yes' },
    { child: { initials: 'KT', yearGroup: '6', caseId: 'EH-20418' }, category: 'pex_risk', statutoryIntervention: 'provisional', earlyHelpReferral: 'no', action: 'Refer to the Inclusion Partnership', who: 'DSL', byWhen: '2026-10-16' },
  ],
  managedMovesInternal: 1,
  managedMovesExternal: 0,
  managedMovesAgreed: 'One internal move agreed between the two junior classes.',
  alternativeProvision: 'One Year 6 pupil attends the APC two days a week.',
  unnotifiedExclusions: '',
  otherIssues: 'School asks for EBSA training for staff.',
});

/**
 * A demo record, written on the day after the visit; the first school's is put right a week
 * later (a second version: the DSL's action moved on and the next visit agreed at the meeting).
 */
function writeDemoRecord(ctx: WriteContext, visitId: string, rewrite: boolean): void {
  const first = DEMO_RECORD(visitId);
  writeVisitRecord({ ...ctx, now: () => new Date('2026-10-08T15:30:00Z') }, VisitRecordInput.parse(first));
  if (!rewrite) return;
  const second = {
    ...first,
    children: first.children.map((c) => (c.child.initials === 'KT' ? { ...c, byWhen: '2026-10-23', action: 'Refer to the Inclusion Partnership; the DSL to send the attendance record first' } : c)),
    nextVisitOn: '2027-02-01',
  };
  writeVisitRecord({ ...ctx, now: () => new Date('2026-10-15T09:10:00Z') }, VisitRecordInput.parse(second));
}

export const DEMO_YEAR = AcademicYearInput.parse({
  label: '2026-27',
  terms: [
    { name: 'autumn', startsOn: '2026-09-02', endsOn: '2026-12-18', halfTermFrom: '2026-10-26', halfTermTo: '2026-10-30' },
    { name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-26', halfTermFrom: '2027-02-15', halfTermTo: '2027-02-19' },
    { name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-22', halfTermFrom: '2027-05-31', halfTermTo: '2027-06-04' },
  ],
});

interface Plan {
  date: string;
  steps: [VisitStatus, string][];
  movedTo?: [string, string];
  /** Why it was cancelled: the kind the reports count, and the words on the visit. */
  cancel?: [CancelledReasonKind, string];
}

const AUTUMN: Plan[] = [
  { date: '2026-10-06', steps: [['pro_forma_sent', '2026-09-22'], ['pro_forma_returned', '2026-09-29'], ['held', '2026-10-06'], ['record_written', '2026-10-08']] },
  { date: '2026-10-14', steps: [['pro_forma_sent', '2026-09-30'], ['pro_forma_returned', '2026-10-07'], ['held', '2026-10-14']] },
  { date: '2026-11-12', steps: [['pro_forma_sent', '2026-10-22'], ['held', '2026-11-12']] },
  { date: '2026-12-03', steps: [['pro_forma_sent', '2026-11-19'], ['pro_forma_returned', '2026-11-20']] },
  { date: '2026-12-08', steps: [['pro_forma_sent', '2026-11-23']] },
  { date: '2026-12-10', steps: [] },
  { date: '2026-12-15', steps: [], movedTo: ['2026-12-16', 'Head teacher at a trust meeting on the 15th'] },
  { date: '2026-11-18', steps: [], cancel: ['school_closure', 'School closed for the day after a flood'] },
];

export function seedDemoVisits(db: TeamDatabase, urns: string[]): void {
  const ctx = db.writeContext;
  saveYear(ctx, DEMO_YEAR);
  urns.slice(0, 16).forEach((urn, i) => {
    const autumn = AUTUMN[i % AUTUMN.length];
    if (!autumn || i >= 12) {
      planVisit(ctx, PlanVisitInput.parse({ urn, yearLabel: '2026-27', term: 'autumn', date: '' }));
      return;
    }
    const { visit } = planVisit(ctx, PlanVisitInput.parse({ urn, yearLabel: '2026-27', term: 'autumn', date: autumn.date, agreedWith: 'Head teacher', agreedOn: '2026-09-08' }));
    if (autumn.movedTo) planVisit(ctx, PlanVisitInput.parse({ urn, yearLabel: '2026-27', term: 'autumn', date: autumn.movedTo[0], agreedWith: 'Head teacher', agreedOn: '2026-09-08', movedReason: autumn.movedTo[1] }));
    // The school's SPOC holds the visit (the demo's allocations are seeded first).
    const spoc = selectCurrentPeriod(ctx.db, urn, 'named')?.personId;
    for (const [to, on] of autumn.steps) moveVisitStatus(ctx, MoveVisitStatus.parse({ id: visit.id, to, on, ...(to === 'held' && spoc ? { heldBy: spoc } : {}) }));
    if (autumn.steps.some(([to]) => to === 'record_written')) writeDemoRecord(ctx, visit.id, i === 0);
    if (autumn.cancel) moveVisitStatus(ctx, MoveVisitStatus.parse({ id: visit.id, to: 'cancelled', on: '2026-11-16', reasonKind: autumn.cancel[0], reason: autumn.cancel[1] }));
    planVisit(ctx, PlanVisitInput.parse({ urn, yearLabel: '2026-27', term: 'spring', date: `2027-02-0${1 + (i % 5)}`, agreedWith: 'DSL', agreedOn: '2026-09-08' }));
    if (i % 2 === 0) planVisit(ctx, PlanVisitInput.parse({ urn, yearLabel: '2026-27', term: 'summer', date: `2027-05-1${i % 5}`, agreedWith: 'DSL', agreedOn: '2026-09-08' }));
  });
}
