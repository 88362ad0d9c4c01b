/**
 * One period's figures, counted from the rows repo.ts reads. Each thing counted is a fact with
 * the hub and the worker it belongs to, so the summary, the hub and the worker tables are the same
 * facts grouped three ways and can never disagree. Nothing but a figure's key, a hub and a
 * worker's id is kept: the visit records' child lists are read for their counts and dropped here.
 */
import type { TermName } from '../../../shared/domain/calendar.ts';
import { managerDeadline, toldLate } from '../../../shared/domain/escalations.ts';
import { CHILD_CATEGORIES, DECISIONS } from '../../../shared/domain/records.ts';
import { z } from 'zod';
import type { ReportPeriod, ReportQuery } from '../../../shared/domain/reports.ts';
import { AppError } from '../../../shared/errors.ts';
import { proFormaDeadlines } from '../calendar/service.ts';
import type { Connection } from '../db/cipher.ts';
import { referenceDay } from './periods.ts';
import {
  selectReportAttendance, selectReportConsultations, selectReportContacts, selectReportEscalations, selectReportMeetings, selectReportSchools, selectReportVisits,
  type ReportSchool,
} from './repo.ts';

export interface Fact {
  key: string;
  hub: string | null;
  worker: string | null;
  /** A panel's id and name, or a school's name, for the tables grouped by them. */
  group?: string;
}

export interface PeriodFacts {
  facts: Fact[];
  /** The schools in scope for the period (after the hub and worker filters), each with its hub and named worker. */
  schools: ReportSchool[];
  /** The panel meetings held in the period (after the filters). */
  meetings: number;
}

/** The key of a reason with no kind: recorded before the kinds were asked (migration 0023). */
export const NOT_CATEGORISED_KEY = 'notCategorised';

const HELD = new Set(['held', 'record_written']);
const PLANNED = new Set(['agreed', 'pro_forma_sent', 'pro_forma_returned', 'held', 'record_written']);

/** In scope for a period: the team serves it now, and it was open at some point of the period. */
function servedIn(school: ReportSchool, period: ReportPeriod): boolean {
  return school.inScope && !(school.closedOn && school.closedOn < period.from) && !(school.openedOn && school.openedOn > period.to) && !(school.status === 'closed' && !school.closedOn);
}

const terms = (period: ReportPeriod): TermName[] => (period.term ? [period.term] : ['autumn', 'spring', 'summer']);
const filled = (text: string | null | undefined): boolean => Boolean(text && text.trim());

export function countPeriod(db: Connection, query: ReportQuery, period: ReportPeriod, today: string): PeriodFacts {
  if (!period.inCalendar) return { facts: [], schools: [], meetings: 0 };
  const all = selectReportSchools(db, referenceDay(period, today));
  const byUrn = new Map(all.map((s) => [s.urn, s]));
  const ofHub = (s: ReportSchool | undefined): s is ReportSchool => Boolean(s) && (!query.hub || s?.hub?.toLowerCase() === query.hub.toLowerCase());
  const mine = (worker: string | null) => !query.workerId || worker === query.workerId;
  const served = all.filter((s) => ofHub(s) && servedIn(s, period) && mine(s.namedWorker));
  const facts: Fact[] = [];
  const add = (key: string, school: ReportSchool, worker: string | null = school.namedWorker, group?: string) => {
    if (mine(worker)) facts.push(group === undefined ? { key, hub: school.hub, worker } : { key, hub: school.hub, worker, group });
  };

  // Visits, pro formas and the children the visit records reviewed.
  const visits = selectReportVisits(db, period.year, period.term);
  const deadlines = proFormaDeadlines(db, visits.flatMap((v) => (v.date && v.status !== 'cancelled' ? [v.date] : [])));
  const visited = new Set<string>();
  const engaged = new Set<string>();
  for (const v of visits) {
    const school = byUrn.get(v.urn);
    if (!ofHub(school)) continue;
    const worker = v.heldBy ?? school.namedWorker;
    if (v.status === 'cancelled') {
      add('visits.cancelled', school, worker);
      add(`visits.cancelled.reason.${v.cancelledReasonKind ?? NOT_CATEGORISED_KEY}`, school, worker);
      add(v.proFormaSentOn ? 'visits.cancelled.afterProForma' : v.agreedOn ? 'visits.cancelled.afterAgreed' : 'visits.cancelled.beforeAgreed', school, worker);
      continue;
    }
    if (!PLANNED.has(v.status) || !v.date) continue;
    visited.add(`${v.urn}/${v.term}`);
    add('visits.planned', school, worker);
    if (HELD.has(v.status)) {
      add('visits.held', school, worker);
      engaged.add(v.urn);
    }
    const due = deadlines(v.urn, v.date);
    if (v.proFormaSentOn) add(v.proFormaSentOn <= due.sendProForma ? 'proFormas.sentOnTime' : 'proFormas.sentLate', school, worker);
    else if (v.heldWithoutProForma || due.sendProForma < today) add('proFormas.notSent', school, worker);
    if (v.proFormaReturnedOn) add(v.proFormaReturnedOn <= due.proFormaDue ? 'proFormas.returnedOnTime' : 'proFormas.returnedLate', school, worker);
    else if (v.proFormaSentOn && due.proFormaDue < today) add('proFormas.notReturned', school, worker);
    if (v.record) countRecord(v.record, (key) => add(key, school, worker));
  }
  for (const school of served) for (const term of terms(period)) if (!visited.has(`${school.urn}/${term}`)) add('visits.missing', school);

  // Consultations, by the school's named worker (the log records who wrote it, not which worker of the team led it).
  const consulted = new Set<string>();
  for (const c of selectReportConsultations(db, period.from, period.to)) {
    const school = byUrn.get(c.urn);
    if (!ofHub(school)) continue;
    consulted.add(c.urn);
    engaged.add(c.urn);
    add('consultations.held', school);
    if (c.withNurse === 1) add('consultations.withNurse', school);
  }
  for (const school of served) if (!consulted.has(school.urn)) add('consultations.schoolsWithNone', school);

  for (const c of selectReportContacts(db, period.from, period.to)) {
    const school = byUrn.get(c.urn);
    if (!ofHub(school)) continue;
    engaged.add(c.urn);
    add(`contacts.${c.channel}`, school, c.workerId);
    add('contacts.total', school, c.workerId);
  }

  for (const e of selectReportEscalations(db, period.from, period.to)) {
    const school = byUrn.get(e.urn);
    if (!ofHub(school)) continue;
    const count = (key: string) => add(key, school);
    count('escalations.raised');
    count(`escalations.concern.${e.concern}`);
    if (e.managerInformedAt) {
      const late = toldLate(e.raisedAt, e.managerInformedAt);
      count(late ? 'escalations.toldLate' : 'escalations.toldWithin24h');
      if (late) count(`escalations.late.reason.${e.lateReasonKind ?? NOT_CATEGORISED_KEY}`);
    } else {
      count(managerDeadline(e.raisedAt).slice(0, 10) < today ? 'escalations.notTold.overdue' : 'escalations.notTold.inTime');
    }
    count(e.closedAt ? 'escalations.closed' : 'escalations.open');
    count(`escalations.referral.${e.referralMade}`);
  }

  for (const school of served) if (!engaged.has(school.urn)) add('engagement.noContact', school, school.namedWorker, school.name);
  return { facts, schools: served, meetings: countPanels(db, query, period, facts) };
}

const storedText = z.string().nullish();
/**
 * The part of a stored visit record (shared/domain/records.ts, StoredVisitRecord) a report counts,
 * checked as it is read: a damaged record is an error, never a wrong count. Only these fields are
 * read, so a child's reference or an action is never even parsed into the report's objects.
 */
const CountedRecord = z.object({
  children: z.array(z.object({ category: z.enum(CHILD_CATEGORIES), statutoryIntervention: z.enum(DECISIONS), earlyHelpReferral: z.enum(DECISIONS) })),
  managedMovesInternal: z.number().int(),
  managedMovesExternal: z.number().int(),
  managedMovesAgreed: storedText,
  alternativeProvision: storedText,
  unnotifiedExclusions: storedText,
});

/** The counts a visit record gives; its words (actions, notes, the children's references) go no further. */
function countRecord(json: string, count: (key: string) => void): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new AppError('corrupt_database', 'A visit record could not be read back: check the database.');
  }
  const record = CountedRecord.safeParse(parsed);
  if (!record.success) throw new AppError('corrupt_database', 'A visit record could not be read back: check the database.');
  const r = record.data;
  count('children.records');
  for (const child of r.children) {
    count('children.reviewed');
    count(`children.category.${child.category}`);
    count(`children.statutory.${child.statutoryIntervention}`);
    count(`children.earlyHelp.${child.earlyHelpReferral}`);
  }
  for (let i = 0; i < r.managedMovesInternal; i++) count('children.managedMoves.internal');
  for (let i = 0; i < r.managedMovesExternal; i++) count('children.managedMoves.external');
  if (filled(r.managedMovesAgreed)) count('children.managedMovesAgreed');
  if (filled(r.alternativeProvision)) count('children.alternativeProvision');
  if (filled(r.unnotifiedExclusions)) count('children.suspensionsNotNotified');
}

/**
 * Panel meetings held (not cancelled) in the period, with the team's attendance. With a hub
 * filter, the panels whose area is that hub; with a worker filter, the meetings that worker was
 * asked to, and only their attendance.
 */
function countPanels(db: Connection, query: ReportQuery, period: ReportPeriod, facts: Fact[]): number {
  const attendance = selectReportAttendance(db, period.from, period.to);
  const asked = new Set(attendance.filter((a) => a.personId === query.workerId).map((a) => a.meetingId));
  const meetings = selectReportMeetings(db, period.from, period.to).filter(
    (m) => m.cancelled === 0 && (!query.hub || m.area.toLowerCase() === query.hub.toLowerCase()) && (!query.workerId || asked.has(m.id)),
  );
  const held = new Set(meetings.map((m) => m.id));
  const attendedBy = new Map<string, Set<string>>();
  for (const a of attendance) {
    if (!held.has(a.meetingId) || (query.workerId && a.personId !== query.workerId)) continue;
    if (a.response === 'attended') attendedBy.set(a.meetingId, (attendedBy.get(a.meetingId) ?? new Set()).add(a.personId));
    facts.push({ key: 'panels.person.asked', hub: null, worker: a.personId });
    if (a.response !== 'expected') facts.push({ key: `panels.person.${a.response}`, hub: null, worker: a.personId });
  }
  for (const m of meetings) {
    const group = `${m.panelName} (${m.area})`;
    facts.push({ key: 'panels.meetings', hub: null, worker: null, group });
    if (attendedBy.has(m.id)) facts.push({ key: 'panels.attended', hub: null, worker: null, group });
    if (m.hasThemes) facts.push({ key: 'panels.themes', hub: null, worker: null, group });
    for (const tag of parseTags(m.tags)) facts.push({ key: 'panels.tag', hub: null, worker: null, group: tag.toLowerCase() });
  }
  return meetings.length;
}

function parseTags(json: string): string[] {
  try {
    const tags: unknown = JSON.parse(json);
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim()) : [];
  } catch {
    return [];
  }
}
