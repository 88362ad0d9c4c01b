/**
 * The demo team's summer term before this school year (2025-26), so the termly report has a
 * period to compare with: visits written up (pro formas on time and late, one held without one),
 * one cancelled and some schools never visited, consultations, contacts, escalations (one told
 * late, one corrected) and panel meetings. Everything is finished: no open visit, escalation or
 * action, so today's screens and lists are as they were.
 */
import { AcademicYearInput } from '../../../shared/domain/calendar.ts';
import { ContactInput, CHANNELS } from '../../../shared/domain/contacts.ts';
import { CorrectEscalationInput, RaiseEscalationInput, type RaiseEscalationInput as RaiseInput } from '../../../shared/domain/escalations.ts';
import { AddMeetingInput, RecordMeetingInput } from '../../../shared/domain/panels.ts';
import { CHILD_CATEGORIES, ConsultationInput, DECISIONS, KEY_AREAS, VisitRecordInput } from '../../../shared/domain/records.ts';
import type { CancelledReasonKind } from '../../../shared/domain/reason-kinds.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { addDays } from '../../../shared/format.ts';
import { selectCurrentPeriod } from '../allocations/repo.ts';
import { saveYear, workingCalendar } from '../calendar/service.ts';
import { logContact } from '../contacts/service.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { correctEscalation, raiseEscalation } from '../escalations/service.ts';
import { selectPanels } from '../panels/repo.ts';
import { addMeeting, recordMeeting } from '../panels/service.ts';
import { recordConsultation, writeVisitRecord } from '../records/service.ts';
import { deadlinesFor } from '../../../shared/domain/visits.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import type { DemoRegister } from './register.ts';

export const LAST_YEAR = AcademicYearInput.parse({
  label: '2025-26',
  terms: [
    { name: 'autumn', startsOn: '2025-09-03', endsOn: '2025-12-19', halfTermFrom: '2025-10-27', halfTermTo: '2025-10-31' },
    { name: 'spring', startsOn: '2026-01-05', endsOn: '2026-03-27', halfTermFrom: '2026-02-16', halfTermTo: '2026-02-20' },
    { name: 'summer', startsOn: '2026-04-13', endsOn: '2026-07-22', halfTermFrom: '2026-05-25', halfTermTo: '2026-05-29' },
  ],
});

/** Tuesdays of the summer term, clear of the bank holidays and half term; the second six schools go the day after. */
const VISIT_DAYS = ['2026-05-12', '2026-05-19', '2026-06-09', '2026-06-16', '2026-06-23', '2026-07-07'];
type Outcome = 'on_time' | 'late' | 'without_pro_forma' | 'cancelled';
const OUTCOMES: Outcome[] = ['on_time', 'on_time', 'on_time', 'late', 'without_pro_forma', 'cancelled'];
/** The reasons of the cancelled visits (the 6th and the 12th school, one per round of OUTCOMES): a visit put off to the autumn, and a closure. */
const CANCELLED: [CancelledReasonKind, string][] = [
  ['moved_to_next_term', 'Ofsted inspection that week: the head teacher asked to meet in the autumn instead'],
  ['school_closure', 'School closed for a heating failure'],
];

export function seedDemoLastYear(db: TeamDatabase, register: DemoRegister): void {
  const ctx = db.writeContext;
  saveYear(ctx, LAST_YEAR);
  // The closing school keeps its own story (demo/story.ts); four more were never visited that term.
  const schools = register.schools.filter((u) => u !== register.closing).slice(0, 16);
  schools.slice(0, 12).forEach((urn, i) => {
    const date = addDays(VISIT_DAYS[i % VISIT_DAYS.length] ?? '2026-05-12', i < 6 ? 0 : 1);
    const outcome = OUTCOMES[i % OUTCOMES.length] ?? 'on_time';
    const { visit } = planVisit(ctx, PlanVisitInput.parse({ urn, yearLabel: '2025-26', term: 'summer', date, agreedWith: 'Head teacher', agreedOn: '2025-09-10' }));
    const move = (to: string, on: string, reason?: string, heldBy?: string) => moveVisitStatus(ctx, MoveVisitStatus.parse({ id: visit.id, to, on, ...(reason ? { reason } : {}), ...(heldBy ? { heldBy } : {}) }));
    if (outcome === 'cancelled') {
      // Two cancellations that summer, for two of the usual reasons.
      const [reasonKind, reason] = CANCELLED[Math.floor(i / OUTCOMES.length) % CANCELLED.length] ?? ['other', 'Cancelled'];
      moveVisitStatus(ctx, MoveVisitStatus.parse({ id: visit.id, to: 'cancelled', on: addDays(date, -3), reasonKind, reason }));
      return;
    }
    const due = deadlinesFor(workingCalendar(db.db, urn), date);
    if (outcome !== 'without_pro_forma') {
      move('pro_forma_sent', outcome === 'late' ? addDays(due.sendProForma, 3) : due.sendProForma);
      move('pro_forma_returned', outcome === 'late' ? addDays(due.proFormaDue, 2) : addDays(due.proFormaDue, -1));
    }
    const spoc = selectCurrentPeriod(db.db, urn, 'named')?.personId;
    move('held', date, outcome === 'without_pro_forma' ? 'The school asked for the visit at short notice' : undefined, spoc);
    writeVisitRecord({ ...ctx, now: () => new Date(`${addDays(date, 1)}T15:00:00Z`) }, VisitRecordInput.parse({
      visitId: visit.id, schoolAttendees: 'Head teacher; DSL', teamAttendees: 'SPOC', exclusionThresholdDays: 5,
      // No actions: last year's are long done, and today's action list stays as it is.
      children: [0, 1].map((k) => ({
        child: { initials: ['AH', 'BT', 'CW', 'DM', 'EF', 'GR'][(i + k) % 6] ?? 'AH', yearGroup: String(3 + ((i + k) % 4)) },
        category: CHILD_CATEGORIES[(i + k) % 3] ?? 'persistent_absence',
        statutoryIntervention: DECISIONS[(i + 2 * k) % 3] ?? 'no',
        earlyHelpReferral: DECISIONS[(i + k + 1) % 3] ?? 'no',
      })),
      managedMovesInternal: i % 2, managedMovesExternal: i === 2 ? 1 : 0,
      managedMovesAgreed: i === 0 ? 'One internal move agreed.' : '', alternativeProvision: i === 1 ? 'One pupil at the APC two days a week.' : '',
      unnotifiedExclusions: i === 3 ? 'One suspension in May not yet notified to the LA.' : '',
    }));
  });
  seedLastYearContacts(db, register, schools);
  seedLastYearEscalations(db, schools);
  seedLastYearPanels(db, register);
}

function seedLastYearContacts(db: TeamDatabase, register: DemoRegister, schools: string[]): void {
  const ctx = db.writeContext;
  const workers = register.people.filter((p) => p.role === 'fsw' && p.activeTo === null);
  const days = ['2026-04-21', '2026-04-29', '2026-05-06', '2026-05-14', '2026-06-03', '2026-06-11', '2026-06-30', '2026-07-09', '2026-07-15'];
  days.forEach((day, i) => {
    const urn = schools[(i * 5) % schools.length];
    const worker = workers[i % workers.length];
    if (!urn || !worker) return;
    logContact(ctx, ContactInput.parse({
      urn, at: `${day}T11:00`, workerId: worker.id, withWhom: 'DSL', direction: i % 2 ? 'to_school' : 'from_school', channel: CHANNELS[i % CHANNELS.length],
      summary: 'Checked in on the summer visit’s actions.',
    }));
  });
  const notes = Object.fromEntries(KEY_AREAS.map((k) => [k, k === 'transition' ? 'Year 6 pupils moving up in September discussed.' : '']));
  ['2026-05-06', '2026-05-20', '2026-06-10', '2026-06-24', '2026-07-08'].forEach((date, i) => {
    const urn = schools[(i * 3 + 1) % schools.length];
    if (!urn) return;
    recordConsultation(ctx, ConsultationInput.parse({
      urn, date, requestedBy: 'DSL', attendees: [{ name: 'DSL', role: 'dsl' }, ...(i % 2 === 0 ? [{ name: '5-19 duty nurse (Central)', role: 'school_nurse' as const }] : []), { name: 'SPOC', role: 'link_worker' }],
      notes, children: [], actions: '', notesSharedOn: addDays(date, 1),
    }));
  });
}

function seedLastYearEscalations(db: TeamDatabase, schools: string[]): void {
  const ctx = db.writeContext;
  const [a, b, c, d] = schools;
  if (!a || !b || !c || !d) return;
  const closed = { referralMade: 'no' as const, outcome: 'Advice given; no further action needed.', managerInformed: 'Grace Bello' };
  const raise = (fields: RaiseInput) => raiseEscalation(ctx, RaiseEscalationInput.parse(fields));
  raise({ raisedAt: '2026-04-28T10:15', raisedBy: 'DSL', urn: a, children: [], concern: 'neglect', summary: 'Concerns about a family’s housing.', managerInformedAt: '2026-04-28T11:00', closedAt: '2026-05-12T09:00', ...closed });
  raise({
    raisedAt: '2026-05-22T15:30', raisedBy: 'Head teacher', urn: b, children: [], concern: 'child_protection', summary: 'A disclosure on the last day before half term.',
    managerInformedAt: '2026-05-26T09:00', lateReasonKind: 'out_of_hours', lateReason: 'Raised on the Friday before the bank holiday; the duty manager was told on the Tuesday.',
    closedAt: '2026-06-15T12:00', ...closed, referralMade: 'yes', referralRoute: 'ifd_mash_by_school', outcome: 'Referred by the school; a child and family assessment followed.',
  });
  const typed: RaiseInput = {
    raisedAt: '2026-06-17T09:00', raisedBy: 'SENCO', urn: c, children: [], concern: 'domestic_abuse', summary: 'Operation Encompass notification followed up.',
    managerInformedAt: '2026-06-18T14:00', managerInformed: 'Grace Bello', lateReasonKind: 'manager_unavailable', lateReason: 'Told the next afternoon: both managers were at a strategy meeting all morning.', referralMade: 'no',
  };
  const first = raise(typed);
  // The manager was told the same morning: the first entry had the wrong day.
  correctEscalation(ctx, CorrectEscalationInput.parse({
    ...typed, lateReason: '', managerInformedAt: '2026-06-17T11:30', closedAt: '2026-07-01T10:00', outcome: 'Support offered through the school’s pastoral team.',
    corrects: first.current.id, changeNote: 'The manager was told on the 17th, not the 18th',
  }));
  raise({ raisedAt: '2026-07-14T13:00', raisedBy: 'Attendance officer', urn: d, children: [], concern: 'missing_education', summary: 'A pupil not seen since June.', managerInformedAt: '2026-07-14T13:30', closedAt: '2026-07-20T10:00', ...closed, outcome: 'Family moved out of county; the new authority was told.' });
}

function seedLastYearPanels(db: TeamDatabase, register: DemoRegister): void {
  const ctx = db.writeContext;
  const people = register.people.filter((p) => p.role === 'fsw' || p.role === 'team_manager');
  const tags = [['ebsa'], ['managed moves', 'year 9'], ['transition'], []];
  let turn = 0;
  for (const panel of selectPanels(db.db, '2026-07-31').filter((p) => p.everyWeeks !== null)) {
    for (const date of ['2026-05-06', '2026-06-03', '2026-07-01']) {
      turn++;
      const person = people[turn % people.length];
      if (!person) continue;
      const { meeting } = addMeeting(ctx, AddMeetingInput.parse({ panelId: panel.id, date, time: panel.usualTime ?? '10:00' }));
      // Every fourth meeting had nobody from the team.
      const attendance = turn % 4 === 0 ? [] : [{ personId: person.id, response: 'attended' as const }];
      recordMeeting(ctx, RecordMeetingInput.parse({ id: meeting.id, attendance, themes: turn % 2 ? 'Transition worries and managed moves.' : '', tags: tags[turn % tags.length] ?? [] }));
    }
  }
}
