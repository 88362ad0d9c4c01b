import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../db/lock-file.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession } from '../testing/builders.ts';
import type { EscalationView } from '../../../shared/domain/escalations.ts';
import type { AttendanceReport, PanelSummary } from '../../../shared/domain/panels.ts';
import type { Consultation, VisitRecord } from '../../../shared/domain/records.ts';
import { TIMELINE_KINDS, type TimelinePage } from '../../../shared/domain/timeline.ts';
import { DEMO_TEAM } from './demo.ts';
import { DEMO_LEAVER } from './actions.ts';
import type { Action, HandoverResult } from '../../../shared/domain/actions.ts';
import type { PersonSummary } from '../../../shared/domain/people.ts';
import type { ReportHeadline, TeamReport } from '../../../shared/domain/reports.ts';
import type { PlanResult } from '../../../shared/domain/planner.ts';

/** The demo opened on 24 Nov 2026, and a call that gives its answer or throws the refusal. */
async function theDemoOn24Nov() {
  const dispatch = createDispatcher(aSession(() => new Date('2026-11-24T10:00:00Z')));
  await dispatch('db.openDemo', { userName: 'Dee Demo' });
  const value = async <T>(method: string, input: object) => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  return { dispatch, value };
}

describe('the demo team', () => {
  it('is created on first use and reopened after that', async () => {
    const session = aSession();
    const dispatch = createDispatcher(session);
    expect(await dispatch('db.openDemo', { userName: 'Dee Demo' })).toMatchObject({ ok: true, value: { teamName: DEMO_TEAM.teamName } });
    expect(fs.existsSync(session.config.demoPath)).toBe(true);
    await dispatch('db.lock', {});
    expect(await dispatch('db.openDemo', { userName: 'Dee Demo' })).toMatchObject({ ok: true, value: { path: session.config.demoPath } });
  });

  it('takes over a stale lock left by a crash, but not a live one', async () => {
    const session = aSession();
    const dispatch = createDispatcher(session);
    await dispatch('db.openDemo', { userName: 'Dee Demo' });
    await dispatch('db.lock', {});
    const lock = lockPathFor(session.config.demoPath);
    fs.writeFileSync(lock, JSON.stringify({ user: 'Dee Demo', machine: os.hostname(), pid: 2 ** 22 + 11, since: '2026-11-20T10:00:00Z' }));
    expect(await dispatch('db.openDemo', { userName: 'Dee Demo' })).toMatchObject({ ok: true });
    await dispatch('db.lock', {});
    fs.writeFileSync(lock, JSON.stringify({ user: 'Other', machine: 'COUNCIL-LT-7', pid: 99, since: '2026-11-20T10:00:00Z' }));
    expect(await dispatch('db.openDemo', { userName: 'Dee Demo' })).toMatchObject({ ok: false, error: { code: 'locked_elsewhere' } });
  });

  it('has panels with a term of meetings and attendance, and escalations in every state', async () => {
    const { value } = await theDemoOn24Nov();
    const panels = await value<PanelSummary[]>('panels.list', {});
    expect(panels.length).toBe(6);
    const report = await value<AttendanceReport>('panels.attendance', { from: '2026-09-01', to: '2026-12-18' });
    const totals = report.byPanel.reduce((t, r) => ({ meetings: t.meetings + r.meetings, attended: t.attended + r.attended, nobody: t.nobody + r.nobody }), { meetings: 0, attended: 0, nobody: 0 });
    expect(totals.meetings).toBeGreaterThan(10);
    expect(totals.attended).toBeGreaterThan(0);
    expect(totals.nobody).toBeGreaterThan(0);
    expect((await value<unknown[]>('panels.uncovered', { weeks: 8 })).length).toBeGreaterThan(0);
    const log = await value<EscalationView[]>('escalations.list', { which: 'all' });
    expect(new Set(log.map((e) => e.clock.state))).toEqual(new Set(['awaiting_manager', 'overdue', 'informed', 'informed_late']));
    expect(log.some((e) => !e.open)).toBe(true);
    expect(log.some((e) => e.current.version > 1 && e.open)).toBe(true);
  });

  it('speaks as practice does now: a child missing education is not neglect, referrals have routes, suspensions and EHC needs assessments by name', async () => {
    const { value } = await theDemoOn24Nov();
    const log = await value<EscalationView[]>('escalations.list', { which: 'all' });
    const missing = log.filter((e) => /missing education/i.test(e.current.summary));
    expect(missing.map((e) => e.current.concern)).toEqual(['missing_education']);
    expect(new Set(log.flatMap((e) => (e.current.referralRoute ? [e.current.referralRoute] : [])))).toEqual(new Set(['ifd_mash_by_school', 'adult_services', 'lado']));
    const consultations = await value<Consultation[]>('consultations.list', {});
    const notes = consultations.flatMap((c) => Object.values(c.notes)).join(' ');
    expect(notes).toContain('EHC needs assessment');
    expect(notes).not.toMatch(/EHCP assessment/);
    const producible = await value<{ rows: { kind: string; id: string }[] }>('documents.producible', { limit: 500 });
    const records = await Promise.all(producible.rows.filter((p) => p.kind === 'visit').map((p) => value<VisitRecord | null>('records.visitGet', { visitId: p.id })));
    const categories = records.flatMap((r) => r?.children.map((c) => c.category) ?? []);
    expect(categories).toContain('suspension');
    expect(records.flatMap((r) => r?.children.map((c) => c.attendancePercent) ?? [])).toContain(84.5);
  });

  it('has actions done, open and overdue from every source, and a leaver whose schools and actions can be handed over', async () => {
    const { value } = await theDemoOn24Nov();
    const open = await value<Action[]>('actions.list', {});
    expect(new Set(open.map((a) => a.source))).toEqual(new Set(['visit_record', 'consultation', 'contact', 'escalation']));
    expect(open.some((a) => a.dueOn !== null && a.dueOn < '2026-11-24')).toBe(true);
    expect(open.some((a) => a.dueOn !== null && a.dueOn >= '2026-11-24')).toBe(true);
    expect(new Set((await value<Action[]>('actions.list', { state: 'done' })).map((a) => a.source))).toEqual(new Set(['contact', 'escalation', 'visit_record']));
    const people = await value<PersonSummary[]>('people.list', {});
    const leaver = people.find((p) => p.name === DEMO_LEAVER);
    const taker = people.find((p) => p.name === 'Farid Haddad');
    const preview = await value<HandoverResult>('people.handover', { from: leaver?.id, to: taker?.id, on: '2026-12-19' });
    expect(preview.schools.length).toBeGreaterThan(1);
    expect(preview.actions).toBeGreaterThanOrEqual(2);
  });

  it('holds the summer term before this one, so the termly report has something to compare', async () => {
    const { value } = await theDemoOn24Nov();
    const report = await value<TeamReport>('reports.build', { year: '2026-27', term: 'autumn' });
    expect(report.previous).toMatchObject({ year: '2025-26', term: 'summer', inCalendar: true });
    const somethingOfEach = (h: ReportHeadline) => [h.visits.held, h.visits.cancelled, h.proFormas.sentLate, h.children.reviewed, h.consultations.held, h.contacts.total, h.escalations.raised, h.escalations.toldLate, h.panels.meetings];
    expect(somethingOfEach(report.previousHeadline).every((n) => n > 0)).toBe(true);
    expect([report.headline.visits.held, report.headline.consultations.held, report.headline.escalations.raised, report.headline.panels.meetings].every((n) => n > 0)).toBe(true);
  });

  it('has a school whose timeline shows every kind of entry: Marwick CE Primary, closed at October half term', async () => {
    const { dispatch } = await theDemoOn24Nov();
    const result = await dispatch('schools.timeline', { urn: '990024', limit: 100 });
    if (!result.ok) throw new Error(result.error.message);
    const { entries, next } = result.value as TimelinePage;
    expect(next).toBeNull();
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(TIMELINE_KINDS));
    expect(entries.find((e) => e.kind === 'closure')).toMatchObject({ at: '2026-10-23', title: 'School closed' });
  });

  it('places its schools and its workers’ bases on the map, so the planner weighs travel and plans a hub', async () => {
    const { value } = await theDemoOn24Nov();
    const plan = await value<PlanResult>('planner.propose', { scope: { kind: 'hub', hub: 'Coastal' }, timeLimitSeconds: 20 });
    expect(plan.proposals.length).toBeGreaterThan(5);
    expect(plan.proposals.every((p) => p.hub === 'Coastal')).toBe(true);
    expect(plan.proposals.some((p) => p.terms.some((t) => t.term === 'travel'))).toBe(true);
    expect(plan.objective).toBeLessThanOrEqual(plan.greedyObjective);
  });
});
