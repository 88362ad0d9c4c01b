import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CorrectEscalationInput, RaiseEscalationInput } from '../../../shared/domain/escalations.ts';
import { CANCELLED_REASON_KIND_LABELS, LATE_REASON_KIND_LABELS, NOT_CATEGORISED } from '../../../shared/domain/reason-kinds.ts';
import { ReportQuery, type TeamReport } from '../../../shared/domain/reports.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { correctEscalation, raiseEscalation } from '../escalations/service.ts';
import { insertEntry } from '../escalations/repo.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase } from '../testing/builders.ts';
import { buildReportTeam, SECRETS } from '../testing/report-team.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import { buildReport } from './service.ts';

const rows = (report: TeamReport, id: string) =>
  Object.fromEntries(report.sections.flatMap((s) => s.tables).find((t) => t.id === id)?.rows.map((r) => [r.label, r.values]) ?? []);

/**
 * Autumn 2025-26 (3 Sep to 19 Dec 2025, with the Christmas holiday), added to the report team,
 * which has nothing in that term: every reason counted by hand.
 *   Visits cancelled: Rhyl and Brindle, the school closed (2); Carrow, the worker unavailable (1);
 *   Dale cancelled before the kinds were asked (not categorised, 1).
 *   Told late: Rhyl out of hours (1); Brindle first "worker absent", corrected to "system problem"
 *   (the latest entry counts: system problem 1, worker absent 0); Carrow another reason (1); Dale's
 *   entry from before the kinds (not categorised, 1). Rhyl's December concern was told within 24
 *   hours: the kind sent with it is not kept and counts nowhere.
 */
function autumn2025() {
  const db = aTeamDatabase({ now: () => new Date('2027-01-20T10:00:00Z') });
  buildReportTeam(db);
  const ctx = db.writeContext;
  const cancel = (urn: string, date: string, reasonKind: string) => {
    const { visit } = planVisit(ctx, PlanVisitInput.parse({ urn, yearLabel: '2025-26', term: 'autumn', date, agreedOn: '2025-09-10' }));
    moveVisitStatus(ctx, MoveVisitStatus.parse({ id: visit.id, to: 'cancelled', on: '2025-09-30', reasonKind, reason: 'Mrs Jonquil off sick' }));
  };
  cancel('100600', '2025-10-08', 'school_closure');
  cancel('100601', '2025-10-15', 'school_closure');
  cancel('100602', '2025-11-05', 'worker_unavailable');
  db.db.prepare(`INSERT INTO visit (id, urn, year_label, term, visit_date, agreed_on, status, cancelled_reason, created_at, updated_at)
    VALUES (?, '100603', '2025-26', 'autumn', '2025-11-12', '2025-09-10', 'cancelled', 'Mrs Jonquil off sick', 'x', 'x')`).run(randomUUID());

  const base = { raisedBy: 'Ms Dslname', children: [], concern: 'neglect', summary: 'Hungry most mornings', managerInformed: 'Cara Lead', lateReason: 'Manager on leave' };
  raiseEscalation(ctx, RaiseEscalationInput.parse({ ...base, urn: '100600', raisedAt: '2025-10-03T17:30', managerInformedAt: '2025-10-06T09:00', lateReasonKind: 'out_of_hours' }));
  const brindle = { ...base, urn: '100601', raisedAt: '2025-11-10T09:00', managerInformedAt: '2025-11-11T15:00' };
  const first = raiseEscalation(ctx, RaiseEscalationInput.parse({ ...brindle, lateReasonKind: 'worker_absent' }));
  correctEscalation(ctx, CorrectEscalationInput.parse({ ...brindle, lateReasonKind: 'system_problem', corrects: first.current.id }));
  raiseEscalation(ctx, RaiseEscalationInput.parse({ ...base, urn: '100602', raisedAt: '2025-12-01T09:00', managerInformedAt: '2025-12-02T12:00', lateReasonKind: 'other' }));
  const id = randomUUID();
  insertEntry(db.db, {
    ...RaiseEscalationInput.parse({ ...base, urn: '100603', raisedAt: '2025-12-08T09:00', managerInformedAt: '2025-12-10T09:00' }),
    lateReasonKind: null, id, escalationId: id, corrects: null, version: 1, changeNote: null, recordedBy: 'Before schema 23', recordedAt: '2025-12-10T09:00:00Z',
  });
  raiseEscalation(ctx, RaiseEscalationInput.parse({ ...base, urn: '100600', raisedAt: '2025-12-03T09:00', managerInformedAt: '2025-12-03T10:00', lateReasonKind: 'out_of_hours' }));
  return buildReport(db.db, ReportQuery.parse({ year: '2025-26', term: 'autumn' }), '2027-01-20');
}

describe('the reasons a report counts: the kind chosen from the list, never the words', () => {
  it('counts cancelled visits and managers told late by each kind, with those from before the kinds apart', () => {
    const report = autumn2025();
    expect(report.headline.visitsCancelledByReason).toEqual({
      school_request: 0, school_closure: 2, worker_unavailable: 1, moved_to_next_term: 0, no_longer_needed: 0, other: 0, notCategorised: 1,
    });
    expect(report.headline.toldLateByReason).toEqual({ out_of_hours: 1, manager_unavailable: 0, worker_absent: 0, system_problem: 1, other: 1, notCategorised: 1 });
    expect(report.headline.visits.cancelled).toBe(4);
    expect(report.headline.escalations.toldLate).toBe(4);

    // The tables say the same, this term beside the summer before (not in the calendar: nought).
    expect(rows(report, 'visits-cancelled')).toEqual({
      [CANCELLED_REASON_KIND_LABELS.school_request]: [0, 0], [CANCELLED_REASON_KIND_LABELS.school_closure]: [2, 0], [CANCELLED_REASON_KIND_LABELS.worker_unavailable]: [1, 0],
      [CANCELLED_REASON_KIND_LABELS.moved_to_next_term]: [0, 0], [CANCELLED_REASON_KIND_LABELS.no_longer_needed]: [0, 0], [CANCELLED_REASON_KIND_LABELS.other]: [0, 0], [NOT_CATEGORISED]: [1, 0],
    });
    expect(rows(report, 'escalations-late-reasons')).toEqual({
      [LATE_REASON_KIND_LABELS.out_of_hours]: [1, 0], [LATE_REASON_KIND_LABELS.manager_unavailable]: [0, 0], [LATE_REASON_KIND_LABELS.worker_absent]: [0, 0],
      [LATE_REASON_KIND_LABELS.system_problem]: [1, 0], [LATE_REASON_KIND_LABELS.other]: [1, 0], [NOT_CATEGORISED]: [1, 0],
    });
    const json = JSON.stringify(report);
    for (const secret of SECRETS) expect(json, secret).not.toContain(secret);
  });
});

describe('the reasons through the API', () => {
  it('cancels a visit only with a kind from the list, records a manager told late only with one, and the report counts both', async () => {
    const db = aTeamDatabase({ now: () => new Date('2027-01-20T10:00:00Z') });
    buildReportTeam(db);
    const spring = db.db.prepare("SELECT id FROM visit WHERE urn = '100601' AND term = 'spring'").pluck().get() as string;
    const file = db.path;
    db.close();
    const dispatch = createDispatcher(aSession(() => new Date('2027-01-20T10:00:00Z')));
    expect(await dispatch('db.unlock', { path: file, passphrase: 'correct horse battery staple', userName: 'Tess Manager' })).toMatchObject({ ok: true });

    const cancel = { id: spring, to: 'cancelled', on: '2027-01-19', reason: 'Mrs Jonquil asked to move it' };
    expect(await dispatch('visits.setStatus', cancel)).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'reasonKind', message: 'Choose why the visit was cancelled' }] } } });
    expect(await dispatch('visits.setStatus', { ...cancel, reasonKind: 'a long story' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('visits.setStatus', { ...cancel, reasonKind: 'moved_to_next_term' })).toMatchObject({
      ok: true, value: { status: 'cancelled', cancelledReasonKind: 'moved_to_next_term', cancelledReason: 'Mrs Jonquil asked to move it' },
    });

    const concern = { raisedAt: '2027-01-15T16:00', raisedBy: 'DSL', urn: '100602', children: [], concern: 'neglect', summary: 'Hungry most mornings', managerInformedAt: '2027-01-18T09:00', managerInformed: 'Cara Lead' };
    expect(await dispatch('escalations.raise', concern)).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'lateReasonKind' }] } } });
    expect(await dispatch('escalations.raise', { ...concern, lateReasonKind: 'out_of_hours' })).toMatchObject({ ok: true, value: { current: { lateReasonKind: 'out_of_hours', lateReason: null } } });

    const spring2027 = await dispatch('reports.build', { year: '2026-27', term: 'spring' });
    expect(spring2027).toMatchObject({ ok: true, value: { headline: { visitsCancelledByReason: { moved_to_next_term: 1, notCategorised: 0 }, toldLateByReason: { out_of_hours: 1, notCategorised: 0 } } } });
    expect(JSON.stringify(spring2027)).not.toContain('Mrs Jonquil');
  });
});
