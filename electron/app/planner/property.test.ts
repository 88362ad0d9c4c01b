/**
 * No proposal ever breaks a blocking rule: random teams (own children, leavers, starters, closed
 * schools, APCs, pins), planned greedily and by HiGHS, every proposal judged by the same rules
 * as `allocations.check`.
 */
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasBlocking, judge, type AllocationPeriod, type AllocationRole, type ConnectionFacts, type WorkerFacts } from '../../../shared/domain/allocations.ts';
import { DEFAULT_WEIGHTS, type PlanPin } from '../../../shared/domain/planner.ts';
import type { AllocationState, SchoolFacts } from '../allocations/state.ts';
import { buildPlan } from './build.ts';
import { greedy } from './greedy.ts';
import { solveMip } from './mip.ts';
import { NOBODY, violations } from './model.ts';

const FROM = '2026-09-01';
const SETTINGS = { countyAgreementCategories: ['alternative_provision' as const], defaultCapacity: 3 };
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const urnOf = (i: number) => String(200000 + i);

/** True about one time in eight. */
const rarely = fc.integer({ min: 0, max: 7 }).map((n) => n === 0);

const aTeam = fc.record({
  workers: fc.array(fc.record({ hub: fc.constantFrom('North', 'South', null), activity: fc.constantFrom('active', 'active', 'active', 'left', 'starts_later', 'leaving_soon'), capacity: fc.option(fc.integer({ min: 0, max: 6 })) }), { minLength: 0, maxLength: 7 }),
  schools: fc.array(fc.record({ hub: fc.constantFrom('North', 'South', null), pupils: fc.integer({ min: 0, max: 900 }), closed: rarely, apc: rarely, named: fc.integer({ min: -1, max: 6 }), secondary: fc.integer({ min: -1, max: 6 }), easting: fc.option(fc.integer({ min: 400000, max: 600000 })) }), { minLength: 1, maxLength: 12 }),
  ownChildren: fc.array(fc.tuple(fc.nat(6), fc.nat(11)), { maxLength: 10 }),
  otherConnections: fc.array(fc.tuple(fc.nat(6), fc.nat(11)), { maxLength: 5 }),
  pins: fc.array(fc.nat(11), { maxLength: 3 }),
});
type Team = typeof aTeam extends fc.Arbitrary<infer T> ? T : never;

function stateOf(team: Team): AllocationState {
  const activeOf = (a: string) => ({ active: ['2020-01-01', null], left: ['2020-01-01', '2026-08-01'], starts_later: ['2026-10-01', null], leaving_soon: ['2020-01-01', '2026-09-20'] })[a] as [string, string | null];
  const workers = new Map(team.workers.map((w, i) => {
    const [activeFrom, activeTo] = activeOf(w.activity);
    const facts: WorkerFacts & { role: string; email: string | null } = { id: id(i), name: `Worker ${i}`, hub: w.hub, activeFrom, activeTo, capacity: w.capacity, lastDeclaredOn: '2026-01-01', role: 'fsw', email: null };
    return [facts.id, facts] as const;
  }));
  const schools = new Map<string, SchoolFacts>(team.schools.map((s, i) => [urnOf(i), { urn: urnOf(i), name: `School ${i}`, category: s.apc ? 'alternative_provision' : 'primary', hub: s.hub, pupils: s.pupils, status: s.closed ? 'closed' : 'open' }]));
  const current = new Map<string, Partial<Record<AllocationRole, AllocationPeriod>>>();
  team.schools.forEach((s, i) => {
    const period = (role: AllocationRole, w: number): AllocationPeriod | undefined => (w >= 0 && w < team.workers.length
      ? { id: `${i}${role}`, urn: urnOf(i), schoolName: '', role, personId: id(w), personName: '', from: '2025-09-01', to: null, allocatedBy: '', allocatedAt: '', reason: null, overrideReason: null, countyAgreedOn: null, countyAgreedBy: null }
      : undefined);
    const named = period('named', s.named);
    const secondary = s.secondary !== s.named ? period('secondary', s.secondary) : undefined;
    current.set(urnOf(i), { ...(named ? { named } : {}), ...(secondary ? { secondary } : {}) });
  });
  const connectionsBySchool = new Map<string, ConnectionFacts[]>();
  const connect = (w: number, s: number, kind: ConnectionFacts['kind']) => {
    if (w >= team.workers.length || s >= team.schools.length) return;
    connectionsBySchool.set(urnOf(s), [...(connectionsBySchool.get(urnOf(s)) ?? []), { personId: id(w), kind, otherText: null, from: '2024-01-01', to: null }]);
  };
  for (const [w, s] of team.ownChildren) connect(w, s, 'own_child_attends');
  for (const [w, s] of team.otherConnections) connect(w, s, 'governor_or_trustee');
  return { workers, schools, current, connectionsBySchool };
}

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe('the planner and the blocking rules', () => {
  it('never proposes an allocation that a blocking rule refuses, greedy or exact, and keeps every pin', () => {
    fc.assert(
      fc.property(aTeam, (team) => {
        const state = stateOf(team);
        const extra = {
          schools: team.schools.map((s, i) => ({ urn: urnOf(i), easting: s.easting, northing: s.easting, enhanced: s.pupils % 7 === 0, inScope: true })),
          workers: team.workers.map((_, i) => ({ id: id(i), level3Plans: i % 3, baseUrn: null, baseEasting: 500000 + i * 1000, baseNorthing: 500000 })),
        };
        const pins: PlanPin[] = team.pins.filter((s) => s < team.schools.length).map((s) => ({ urn: urnOf(s), keep: true }));
        let built;
        try {
          built = buildPlan(state, extra, SETTINGS, { from: FROM, scope: { kind: 'all' }, weights: DEFAULT_WEIGHTS, pins });
        } catch {
          return; // A pin the rules forbid is refused with its reason (tested in planner.test.ts).
        }
        const start = greedy(built.model);
        const exact = solveMip(highs, built.model, start, 20);
        for (const a of [start, exact.assignment ?? start]) {
          expect(violations(built.model, a)).toEqual([]);
          built.urns.forEach((urn, s) => {
            const worker = (i: number | undefined) => (i === undefined || i === NOBODY ? null : (state.workers.get(built.workerIds[i] ?? '') ?? null));
            const school = state.schools.get(urn) as SchoolFacts;
            const findings = judge({
              school, named: worker(a.named[s]), secondary: worker(a.secondary[s]), effectiveFrom: FROM, countyAgreement: null, countyAgreementCategories: SETTINGS.countyAgreementCategories,
              connections: state.connectionsBySchool.get(urn) ?? [], loadAfter: new Map(), teamAverage: { schools: 0, pupils: 0 }, fairnessPercent: 20, defaultCapacity: 3,
            });
            expect(hasBlocking(findings), findings.map((f) => f.message).join(' ')).toBe(false);
            const pin = pins.find((p) => p.urn === urn);
            const current = state.current.get(urn);
            if (pin && current?.named) expect(built.workerIds[a.named[s] ?? NOBODY]).toBe(current.named.personId);
          });
        }
        // Every school left out is said, with a rule.
        const planned = new Set([...built.urns, ...built.impossible.map((i) => i.urn)]);
        team.schools.forEach((s, i) => {
          if (!s.closed) expect(planned.has(urnOf(i))).toBe(true);
        });
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });
});
