/**
 * The test of done: on the demo team, the dashboard lists as a visit to agree exactly the
 * schools the year planner shows without an agreed visit for the current term, nothing more
 * and nothing less, and the schools the team does not serve are in neither.
 */
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/domain/dashboard.ts';
import type { SchoolSummary } from '../../../shared/domain/schools.ts';
import { needsAgreeing, type PlannerRow } from '../../../shared/domain/visits.ts';
import type { Page } from '../../../shared/domain/paging.ts';
import type { SpocListCheck } from '../../../shared/domain/documents.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession } from '../testing/builders.ts';

async function demoOn(instant: string) {
  const dispatch = createDispatcher(aSession(() => new Date(instant)));
  const call = async <T,>(method: string, input: object): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  await call('db.openDemo', { userName: 'Dee Demo' });
  return call;
}

const toAgree = (d: Dashboard) => [...d.overdue, ...d.thisWeek].filter((i) => i.kind === 'visit_to_agree');

describe('the demo team’s visits to agree', () => {
  it('are exactly the schools the planner shows with no agreed visit this term', async () => {
    const call = await demoOn('2026-11-24T10:00:00Z');
    const planner = await call<PlannerRow[]>('visits.planner', { yearLabel: '2026-27' });
    const expected = planner.filter((r) => needsAgreeing(r.visits.autumn)).map((r) => r.urn).sort();
    expect(expected.length).toBeGreaterThan(10);
    const dashboard = await call<Dashboard>('dashboard.get', {});
    const items = toAgree(dashboard);
    expect(items.map((i) => i.urn).sort()).toEqual(expected);
    // Every item says what it is and which school; the second week of the autumn term has passed.
    expect(items.every((i) => i.kind === 'visit_to_agree' && /^\d{6}$/.test(i.urn) && i.due === '2026-09-11')).toBe(true);
    expect(dashboard.overdue.filter((i) => i.kind === 'visit_to_agree')).toHaveLength(items.length);
    // The demo has both kinds: to be agreed, and never planned.
    expect(items.filter((i) => i.detail === 'No autumn term visit planned').length).toBeGreaterThan(0);
    expect(items.filter((i) => i.detail === 'The autumn term visit has no date yet').length).toBeGreaterThan(0);
  }, 60_000);

  it('leave out the schools the team does not serve, which the register still lists with inScope false', async () => {
    const call = await demoOn('2026-11-24T10:00:00Z');
    const register = await call<Page<SchoolSummary>>('schools.list', { statuses: ['open'], limit: 1000 });
    const out = register.rows.filter((r) => !r.inScope);
    // The FE colleges (the team's categories leave them out) and one independent school (its own choice).
    expect(out.map((r) => r.category).sort()).toEqual(['further_education', 'further_education', 'independent']);
    const served = register.rows.filter((r) => r.inScope).map((r) => r.urn).sort();
    const planner = await call<PlannerRow[]>('visits.planner', { yearLabel: '2026-27' });
    expect(planner.map((r) => r.urn).sort()).toEqual(served);
    const dashboard = await call<Dashboard>('dashboard.get', {});
    const outUrns = new Set(out.map((r) => r.urn));
    expect([...dashboard.overdue, ...dashboard.thisWeek].filter((i) => i.kind.startsWith('visit') && outUrns.has(i.urn))).toEqual([]);
    const nurse = await call<{ schools: { urn: string }[] }>('consultations.withoutNurse', {});
    expect(nurse.schools.length).toBeGreaterThan(0);
    expect(nurse.schools.filter((s) => outUrns.has(s.urn))).toEqual([]);
    const spoc = await call<SpocListCheck>('documents.checkSpocList', { validFrom: '2026-11-24' });
    expect(spoc.schools).toBe(served.length);
  }, 60_000);
});
