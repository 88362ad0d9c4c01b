/**
 * One school year of a county's work: three visits a school with their pro formas and records,
 * Early Help Consultations, the contact log, escalations, panel meetings, INSET days and the
 * Word records made. Services write what they own (records, consultations, contacts,
 * escalations, panels); visit statuses are written with the visits repo, one audited write per
 * step, because the services would recompute deadlines at every step and take minutes.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AcademicYear, Term } from '../../shared/domain/calendar.ts';
import { ContactInput } from '../../shared/domain/contacts.ts';
import { CorrectEscalationInput, RaiseEscalationInput } from '../../shared/domain/escalations.ts';
import { RecordMeetingInput } from '../../shared/domain/panels.ts';
import { ConsultationInput, VisitRecordInput, CHILD_CATEGORIES, KEY_AREAS } from '../../shared/domain/records.ts';
import type { VisitStatus } from '../../shared/domain/visits.ts';
import { isWeekend } from '../../shared/domain/working-days.ts';
import { addDays } from '../../shared/format.ts';
import { setInsetDay } from '../../electron/app/calendar/service.ts';
import { completeFollowUp, logContact } from '../../electron/app/contacts/service.ts';
import { write, type WriteContext } from '../../electron/app/db/write.ts';
import { insertGenerated } from '../../electron/app/documents/repo.ts';
import { correctEscalation, raiseEscalation } from '../../electron/app/escalations/service.ts';
import { selectMeetingsOfPanel } from '../../electron/app/panels/repo.ts';
import { generateMeetings, recordMeeting } from '../../electron/app/panels/service.ts';
import { recordConsultation, writeVisitRecord } from '../../electron/app/records/service.ts';
import { insertVisit, updateVisit, type StoredVisit } from '../../electron/app/visits/repo.ts';
import type { CountySchool } from './register.ts';
import type { Rng } from './rng.ts';
import type { Team } from './team.ts';

export interface Clock {
  set(date: string, time?: string): void;
}

export interface YearContext {
  ctx: WriteContext;
  clock: Clock;
  rng: Rng;
  team: Team;
  year: AcademicYear;
  /** Nothing happens on or after this day; later visits are only planned. */
  today: string;
  panels: string[];
}

const ACTIONS = [
  'Offer the family an Early Help assessment', 'Refer to the Inclusion Partnership', 'Attendance meeting with parents', 'Share the EBSA toolkit with the pastoral lead',
  'Ask the school nurse team to see the child', 'Discuss at the next Pupil Placement Panel', 'Check the child is on the SEND register', 'Follow up the referral to CAMHS',
];
const WHO = ['SPOC', 'DSL', 'Secondary link worker', 'Pastoral lead', 'SENCO'];
const SUMMARIES = ['Called about a pupil whose attendance has dropped sharply since half-term.', 'Emailed the DSL the Early Help referral pathway.', 'Agreed dates for the next termly visit.', 'School asked for advice on a family with housing problems.', 'Discussed a Year 9 pupil at risk of exclusion.'];

/** A weekday inside the term, not in half-term, between two offsets from its start. */
function dayInTerm(rng: Rng, term: Term, lo = 5, hi = 100): string {
  for (let tries = 0; tries < 50; tries++) {
    const day = addDays(term.startsOn, rng.int(lo, hi));
    if (day < term.endsOn && !isWeekend(day) && (day < term.halfTermFrom || day > term.halfTermTo)) return day;
  }
  return term.startsOn;
}

function step(y: YearContext, visit: StoredVisit, on: string, to: VisitStatus, fields: Partial<StoredVisit>): void {
  y.clock.set(on, '15:00');
  Object.assign(visit, { status: to }, fields);
  write(y.ctx, (audit) => {
    updateVisit(y.ctx.db, visit, y.ctx.now().toISOString());
    audit('visit', visit.id, `status-${to}`);
  });
}

function visitRecordOf(rng: Rng, visitId: string, date: string, secondary: boolean): ReturnType<typeof VisitRecordInput.parse> {
  const children = Array.from({ length: rng.int(0, 6) }, () => ({
    child: { initials: rng.initials(), yearGroup: secondary ? String(rng.int(7, 11)) : String(rng.int(1, 6)), ...(rng.chance(0.4) ? { caseId: `EH-${rng.int(10000, 99999)}` } : {}) },
    category: rng.pick(CHILD_CATEGORIES),
    statutoryIntervention: rng.pick(['yes', 'no', 'provisional'] as const),
    earlyHelpReferral: rng.pick(['yes', 'no', 'provisional'] as const),
    action: rng.pick(ACTIONS),
    who: rng.pick(WHO),
    byWhen: rng.chance(0.85) ? addDays(date, rng.int(10, 56)) : '',
  }));
  return VisitRecordInput.parse({
    visitId, schoolAttendees: 'Head teacher; DSL; attendance officer', teamAttendees: 'SPOC and the secondary link worker', exclusionThresholdDays: secondary ? 10 : 5,
    children, managedMovesInternal: rng.int(0, 3), managedMovesExternal: rng.int(0, 1), managedMovesAgreed: rng.chance(0.3) ? 'One internal move agreed.' : '',
    alternativeProvision: rng.chance(0.3) ? 'Two pupils attend the APC part-time.' : '', unnotifiedExclusions: '', otherIssues: rng.chance(0.5) ? 'School asks for EBSA training for staff.' : '',
  });
}

function madeDocument(y: YearContext, kind: 'visit_record' | 'consultation_record', sourceId: string, school: CountySchool, date: string): void {
  const file = `\\\\council-fs01\\EarlyHelp\\DST North\\${school.name} (${school.urn})\\Meeting records\\${date} ${kind === 'visit_record' ? 'SPOC visit record' : 'Early Help Consultation'}.docx`;
  const doc = { id: randomUUID(), kind, sourceId, urn: school.urn, path: file, sha256: createHash('sha256').update(file).digest('hex'), createdBy: y.ctx.actor, createdAt: y.ctx.now().toISOString() };
  write(y.ctx, (audit) => {
    insertGenerated(y.ctx.db, doc);
    audit('document', doc.id, 'create', `${kind}: ${date}.docx`);
  });
}

/** One termly visit: planned, pro forma out and back, held, written up; or cancelled; or still ahead. */
function visitOf(y: YearContext, school: CountySchool, term: Term): void {
  const { rng, today } = y;
  const date = dayInTerm(rng, term, 10, 95);
  const agreedOn = addDays(y.year.terms[0]?.startsOn ?? term.startsOn, rng.int(1, 15));
  const toAgree = date > addDays(today, 40) && rng.chance(term.name === 'summer' ? 0.6 : 0.3);
  const visit: StoredVisit = {
    id: randomUUID(), urn: school.urn, schoolName: school.name, yearLabel: y.year.label, term: term.name, date: toAgree ? null : date, agreedWith: toAgree ? null : 'Head teacher',
    agreedOn: toAgree ? null : agreedOn, status: toAgree ? 'to_be_agreed' : 'agreed', proFormaSentOn: null, proFormaReturnedOn: null, heldOn: null, heldBy: null, heldByName: null,
    heldWithoutProForma: null, recordWrittenOn: null, cancelledReason: null, cancelledReasonKind: null, movedReason: null,
  };
  y.clock.set(agreedOn < today ? agreedOn : today, '09:00');
  write(y.ctx, (audit) => {
    insertVisit(y.ctx.db, visit, y.ctx.now().toISOString());
    audit('visit', visit.id, 'plan', `${y.year.label} ${term.name}`);
  });
  if (toAgree) return;
  const sent = addDays(date, -14);
  if (sent >= today) return;
  if (rng.chance(0.04)) {
    step(y, visit, addDays(date, -3), 'cancelled', { cancelledReason: 'School closed for the day', cancelledReasonKind: 'school_closure' });
    return;
  }
  step(y, visit, sent, 'pro_forma_sent', { proFormaSentOn: sent });
  if (rng.chance(0.7) && addDays(date, -6) < today) step(y, visit, addDays(date, -6), 'pro_forma_returned', { proFormaReturnedOn: addDays(date, -6) });
  if (date >= today) return;
  step(y, visit, date, 'held', { heldOn: date });
  const writtenOn = addDays(date, rng.int(1, 9));
  if (writtenOn >= today) return;
  y.clock.set(writtenOn, '16:00');
  writeVisitRecord(y.ctx, visitRecordOf(rng, visit.id, date, school.category === 'secondary'));
  if (rng.chance(0.8)) madeDocument(y, 'visit_record', visit.id, school, date);
}

function consultationOf(y: YearContext, school: CountySchool, term: Term): void {
  const date = dayInTerm(y.rng, term);
  if (date >= y.today) return;
  const { rng } = y;
  y.clock.set(addDays(date, 1), '10:00');
  const nurse = rng.chance(0.35);
  const { consultation } = recordConsultation(y.ctx, ConsultationInput.parse({
    urn: school.urn, date, requestedBy: 'DSL',
    attendees: [{ name: 'DSL', role: 'dsl' }, { name: 'Link worker', role: 'link_worker' }, ...(nurse ? [{ name: 'School nurse', role: 'school_nurse' as const }] : [])],
    notes: Object.fromEntries(KEY_AREAS.map((a) => [a, rng.chance(0.5) ? `Discussed ${a.replace('_', ' ')} for the children named; agreed next steps with the DSL.` : ''])),
    children: Array.from({ length: rng.int(1, 4) }, () => ({ initials: rng.initials(), yearGroup: String(rng.int(1, 11)) })),
    actions: 'DSL to speak to the family this week; link worker to send the Early Help leaflet.', notesSharedOn: addDays(date, 1),
  }));
  if (rng.chance(0.5)) madeDocument(y, 'consultation_record', consultation.id, school, date);
}

function contactOf(y: YearContext, school: CountySchool, term: Term): void {
  const date = dayInTerm(y.rng, term);
  if (date >= y.today) return;
  const { rng, team } = y;
  y.clock.set(date, '17:00');
  const withFollowUp = rng.chance(0.3);
  const due = addDays(date, rng.int(3, 20));
  const contact = logContact(y.ctx, ContactInput.parse({
    urn: school.urn, at: `${date}T${String(rng.int(9, 16)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`, workerId: team.holderOf(school.urn)?.named ?? team.workers[0]?.id,
    withWhom: rng.pick(['DSL', 'Head teacher', 'Pastoral lead', 'SENCO']), direction: rng.pick(['from_school', 'to_school'] as const), channel: rng.pick(['phone', 'email', 'in_person', 'video_call'] as const),
    summary: rng.pick(SUMMARIES), ...(withFollowUp ? { followUp: 'Send the school the referral form', followUpDue: due } : {}),
  }));
  const doneOn = addDays(due, rng.int(-2, 3));
  if (withFollowUp && doneOn < y.today && rng.chance(0.97)) {
    y.clock.set(doneOn, '17:30');
    completeFollowUp(y.ctx, contact.id, doneOn);
  }
}

const wall = (date: string, time: string) => `${date}T${time}`;

/** Raised, the manager told (usually within the day), then closed with its outcome weeks later. */
function escalationOf(y: YearContext, school: CountySchool, date: string): void {
  const { rng } = y;
  const raised = { raisedAt: wall(date, '10:15'), raisedBy: 'DSL', urn: school.urn, children: [{ initials: rng.initials(), yearGroup: String(rng.int(1, 11)) }], concern: rng.pick(['child_protection', 'neglect', 'domestic_abuse', 'adult_safeguarding', 'other'] as const), summary: 'Concern raised by the DSL during a call; advice given.' };
  const told = { ...raised, managerInformedAt: wall(date, '11:40'), managerInformed: 'Team manager', advice: 'Advised the school to refer to the IFD.' };
  y.clock.set(date, '12:00');
  const first = raiseEscalation(y.ctx, RaiseEscalationInput.parse(rng.chance(0.8) ? told : raised));
  const closedOn = addDays(date, rng.int(7, 40));
  if (closedOn >= y.today) return;
  y.clock.set(closedOn, '16:00');
  correctEscalation(y.ctx, CorrectEscalationInput.parse({ ...told, corrects: first.current.id, outcome: 'Strategy discussion held; plan agreed.', closedAt: wall(closedOn, '15:00'), referralMade: 'yes', referralRoute: 'ifd_mash_by_school', referralAt: wall(date, '12:30'), referralReference: `IFD-${rng.int(10000, 99999)}` }));
}

function panelsOf(y: YearContext): void {
  const first = y.year.terms[0];
  const last = y.year.terms[2];
  if (!first || !last) return;
  const activeNow = y.team.activeOn(y.today < last.endsOn ? y.today : last.endsOn);
  for (const panelId of y.panels) {
    y.clock.set(first.startsOn < y.today ? first.startsOn : y.today, '08:30');
    generateMeetings(y.ctx, { panelId, from: first.startsOn, until: last.endsOn, dryRun: false, restart: false });
    for (const m of selectMeetingsOfPanel(y.ctx.db, panelId)) {
      if (m.date < first.startsOn || m.date > last.endsOn || m.date > addDays(y.today, 21)) continue;
      const attendee = y.rng.pick(activeNow);
      const past = m.date <= y.today;
      y.clock.set(past ? m.date : y.today, '18:00');
      recordMeeting(y.ctx, RecordMeetingInput.parse({
        id: m.id, attendance: y.rng.chance(0.1) ? [] : [{ personId: attendee.id, response: past ? (y.rng.chance(0.85) ? 'attended' : 'apologies') : 'expected' }],
        notes: past ? 'Three cases discussed; one placement agreed.' : '', themes: past ? 'Attendance; transition' : '', tags: past ? ['attendance'] : [],
      }));
    }
  }
}

/** One school year, up to `today`: roughly what a county team of this size records. */
export function runYear(y: YearContext): void {
  const schools = y.team.openSchools();
  for (const school of schools) {
    for (const term of y.year.terms) {
      visitOf(y, school, term);
      if (y.rng.chance(0.5)) consultationOf(y, school, term);
      for (let i = y.rng.int(0, 3); i > 0; i--) contactOf(y, school, term);
    }
  }
  const days = 300;
  for (let i = 0; i < 230; i++) {
    const date = addDays(y.year.terms[0]?.startsOn ?? y.today, Math.floor((i * days) / 230));
    if (date < y.today) escalationOf(y, y.rng.pick(schools), date);
  }
  panelsOf(y);
  for (const school of schools.slice(0, 200)) {
    for (const term of y.year.terms) {
      y.clock.set(term.startsOn < y.today ? addDays(term.startsOn, -20) : y.today, '09:00');
      setInsetDay(y.ctx, school.urn, term.startsOn, true);
      if (term.name === 'summer') setInsetDay(y.ctx, school.urn, term.endsOn, true);
    }
  }
}
