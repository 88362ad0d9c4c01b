/** Planning termly SPOC visits and moving them through their statuses, with working-day deadlines. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { MoveVisitStatus, PlanVisitInput, PlannerRow, Visit } from '../../../shared/domain/visits.ts';
import { canMove, dateWarnings, deadlinesFor, heldWithoutProForma, reasonNeeded, VISIT_STATUS_LABELS } from '../../../shared/domain/visits.ts';
import { AppError } from '../../../shared/errors.ts';
import { listYears, workingCalendar } from '../calendar/service.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { selectPerson } from '../people/repo.ts';
import { requireSchool } from '../schools/service.ts';
import { insertVisit, selectNamedWorkerOn, selectPlanner, selectVisit, selectVisitFor, selectVisitsOfSchool, updateVisit, type StoredVisit } from './repo.ts';
import { formatDate, localDay } from '../../../shared/format.ts';

function withDeadlines(db: Connection, v: StoredVisit): Visit {
  return { ...v, deadlines: v.date && v.status !== 'cancelled' ? deadlinesFor(workingCalendar(db, v.urn), v.date) : null };
}

export function requireVisit(db: Connection, id: string): Visit {
  const v = selectVisit(db, id);
  if (!v) throw new AppError('not_found', 'There is no such visit.');
  return withDeadlines(db, v);
}

export function visitsOfSchool(db: Connection, urn: string): Visit[] {
  const calendar = workingCalendar(db, urn);
  return selectVisitsOfSchool(db, urn).map((v) => ({ ...v, deadlines: v.date && v.status !== 'cancelled' ? deadlinesFor(calendar, v.date) : null }));
}

export function planner(db: Connection, yearLabel: string, today: string): PlannerRow[] {
  return selectPlanner(db, yearLabel, today);
}

/**
 * The deadlines and warnings of a date for a school's visit. Given the year and the term, the
 * visit already there (if any) is taken as it stands, so a pro forma already sent in time, or a
 * visit already held or written up, is not warned about again.
 */
export function checkDate(db: Connection, urn: string, date: string, today: string, term?: Visit['term'], yearLabel?: string): { warnings: string[]; deadlines: Visit['deadlines'] } {
  const calendar = workingCalendar(db, urn);
  const existing = term && yearLabel ? selectVisitFor(db, urn, yearLabel, term) : undefined;
  return { warnings: dateWarnings(calendar, listYears(db), date, today, term, existing), deadlines: deadlinesFor(calendar, date) };
}

/**
 * Agrees (or re-agrees) a termly visit, or pencils in a date still to be agreed (`agreed: false`).
 * A date that changes once agreed needs the reason it moved; a visit that has gone past agreeing
 * cannot go back to be agreed (the status rules of NEXT_STATUSES). Returns the visit with its
 * deadlines and the date's warnings (saved regardless).
 */
export function planVisit(ctx: WriteContext, input: z.output<typeof PlanVisitInput>): { visit: Visit; warnings: string[] } {
  requireSchool(ctx.db, input.urn);
  const today = localDay(ctx.now());
  const existing = selectVisitFor(ctx.db, input.urn, input.yearLabel, input.term);
  if (existing && (existing.status === 'held' || existing.status === 'record_written')) {
    const message = `This visit was ${VISIT_STATUS_LABELS[existing.status].toLowerCase()}: its date can no longer change.`;
    throw new AppError('invalid_input', message, { issues: [{ path: 'date', message }] });
  }
  const proposedOnly = input.agreed === false;
  if (existing && proposedOnly && existing.status !== 'to_be_agreed' && !canMove(existing.status, 'to_be_agreed')) {
    const message = `A visit that is "${VISIT_STATUS_LABELS[existing.status]}" cannot become "${VISIT_STATUS_LABELS.to_be_agreed}": cancel it first.`;
    throw new AppError('invalid_input', message, { issues: [{ path: 'agreed', message }] });
  }
  // A date only pencilled in may change freely: nothing was agreed with the school yet.
  const moved = existing?.date && existing.status !== 'to_be_agreed' && input.date !== existing.date;
  if (moved && !input.movedReason) {
    throw new AppError('invalid_input', 'Say why the visit moved from its agreed date.', { issues: [{ path: 'movedReason', message: 'Say why the visit moved' }] });
  }
  const at = ctx.now().toISOString();
  const status = input.date && !proposedOnly ? (existing && existing.status !== 'to_be_agreed' && existing.status !== 'cancelled' ? existing.status : 'agreed') : 'to_be_agreed';
  const visit: StoredVisit = {
    ...(existing ?? {
      id: randomUUID(), urn: input.urn, schoolName: '', yearLabel: input.yearLabel, term: input.term, proFormaSentOn: null, proFormaReturnedOn: null,
      heldOn: null, heldBy: null, heldByName: null, heldWithoutProForma: null, recordWrittenOn: null, cancelledReason: null, cancelledReasonKind: null,
    }),
    date: input.date,
    agreedWith: input.agreedWith,
    agreedOn: status === 'to_be_agreed' ? null : (input.agreedOn ?? today),
    status,
    movedReason: moved ? input.movedReason : (existing?.movedReason ?? null),
    ...(existing?.status === 'cancelled' ? { cancelledReason: null, cancelledReasonKind: null } : {}),
  } as StoredVisit;
  write(ctx, (audit) => {
    if (existing) updateVisit(ctx.db, visit, at);
    else insertVisit(ctx.db, visit, at);
    audit('visit', visit.id, moved ? 'move' : existing ? 'update' : 'plan', `${input.yearLabel} ${input.term}`);
  });
  const warnings = input.date ? dateWarnings(workingCalendar(ctx.db, input.urn), listYears(ctx.db), input.date, today, input.term, visit) : [];
  return { visit: requireVisit(ctx.db, visit.id), warnings };
}

export function moveVisitStatus(ctx: WriteContext, input: z.output<typeof MoveVisitStatus>): Visit {
  const visit = selectVisit(ctx.db, input.id);
  if (!visit) throw new AppError('not_found', 'There is no such visit.');
  if (!canMove(visit.status, input.to)) {
    throw new AppError('invalid_input', `A visit that is "${VISIT_STATUS_LABELS[visit.status]}" cannot become "${VISIT_STATUS_LABELS[input.to]}".`);
  }
  if (input.to !== 'cancelled' && input.to !== 'to_be_agreed' && !visit.date) throw new AppError('invalid_input', 'Agree the visit date first.');
  if (visit.date && (input.to === 'held' || input.to === 'record_written') && input.on < visit.date) {
    throw new AppError('invalid_input', `The visit is on ${formatDate(visit.date)}: it cannot be ${input.to === 'held' ? 'held' : 'written up'} before then.`, { issues: [{ path: 'on', message: 'Before the visit date' }] });
  }
  // The schema asks for the kind too; checked again here for a caller that built the input by hand.
  if (input.to === 'cancelled' && !input.reasonKind) throw new AppError('invalid_input', 'Choose why the visit was cancelled.', { issues: [{ path: 'reasonKind', message: 'Choose why the visit was cancelled' }] });
  const reason = reasonNeeded(visit.status, input.to);
  if (reason && !input.reason) throw new AppError('invalid_input', `${reason}.`, { issues: [{ path: 'reason', message: reason }] });
  if (input.heldBy !== undefined && input.to !== 'held') throw new AppError('invalid_input', 'Who held a visit is recorded when it is marked held.', { issues: [{ path: 'heldBy', message: 'Only when the visit is marked held' }] });
  if (input.heldBy && !selectPerson(ctx.db, input.heldBy)) throw new AppError('invalid_input', 'There is no such worker to have held the visit.', { issues: [{ path: 'heldBy', message: 'Choose a worker of the team' }] });
  const next: StoredVisit = { ...visit, status: input.to };
  if (input.to === 'agreed') next.agreedOn = input.on;
  if (input.to === 'pro_forma_sent') next.proFormaSentOn = input.on;
  if (input.to === 'pro_forma_returned') next.proFormaReturnedOn = input.on;
  // Nobody chosen: the school's named link worker that day, as the team expected (the visit's page can say otherwise).
  if (input.to === 'held') Object.assign(next, { heldOn: input.on, heldBy: input.heldBy ?? selectNamedWorkerOn(ctx.db, visit.urn, input.on), heldWithoutProForma: heldWithoutProForma(visit.status, input.to) ? input.reason : null });
  if (input.to === 'record_written') next.recordWrittenOn = input.on;
  if (input.to === 'cancelled') Object.assign(next, { cancelledReason: input.reason, cancelledReasonKind: input.reasonKind ?? null });
  if (input.to === 'to_be_agreed') Object.assign(next, { date: null, agreedOn: null, agreedWith: null });
  write(ctx, (audit) => {
    updateVisit(ctx.db, next, ctx.now().toISOString());
    audit('visit', visit.id, `status-${input.to}`);
  });
  return requireVisit(ctx.db, visit.id);
}
