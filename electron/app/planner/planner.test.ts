import { describe, expect, it } from 'vitest';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { ConnectionFields } from '../../../shared/domain/people.ts';
import { ApplyPlanInput, PlanInput, type PlanResult } from '../../../shared/domain/planner.ts';
import { judgeProposals } from '../allocations/service.ts';
import { board } from '../allocations/views.ts';
import { listAudit } from '../audit/repo.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { declareConnection } from '../people/service.ts';
import { aTeamDatabase, refusalOf } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { applyPlan, proposePlan } from './service.ts';
import { aBasedWorker, aPlacedSchool } from './testing.ts';

const FROM = '2026-09-01';
const now = () => new Date('2026-07-20T10:00:00Z');

/** Two hubs 20 km apart, a worker based in each, two schools beside each base. */
function twoHubs() {
  const db = aTeamDatabase({ now });
  const west = aBasedWorker(db, 'Wendy West', { easting: 500000, northing: 100000, hub: 'West' });
  const east = aBasedWorker(db, 'Ethan East', { easting: 520000, northing: 100000, hub: 'East' });
  const schools = {
    w1: aPlacedSchool(db, 'Westgate Primary School', { easting: 500500, northing: 100000, hub: 'West' }),
    w2: aPlacedSchool(db, 'Westfield Primary School', { easting: 499500, northing: 100500, hub: 'West' }),
    e1: aPlacedSchool(db, 'Eastgate Primary School', { easting: 520500, northing: 100000, hub: 'East' }),
    e2: aPlacedSchool(db, 'Eastfield Primary School', { easting: 519500, northing: 100500, hub: 'East' }),
  };
  return { db, west, east, schools };
}

const plan = (db: TeamDatabase, input: Partial<PlanInput> = {}) => proposePlan(db.writeContext, PlanInput.parse({ from: FROM, timeLimitSeconds: 30, ...input }));
const proposalOf = (result: PlanResult, urn: string) => result.proposals.find((p) => p.urn === urn);

describe('the allocation planner', () => {
  it('gives each school the worker of its own hub nearby, and the other as secondary: the optimum worked out by hand', async () => {
    const { db, west, east, schools } = twoHubs();
    const result = await plan(db);
    for (const s of [schools.w1, schools.w2]) expect(proposalOf(result, s.urn)).toMatchObject({ namedId: west.id, secondaryId: east.id, change: 'new' });
    for (const s of [schools.e1, schools.e2]) expect(proposalOf(result, s.urn)).toMatchObject({ namedId: east.id, secondaryId: west.id, change: 'new' });
    expect(result.solver).toBe('highs');
    expect(result.status).toBe('optimal');
    expect(result.gap).toBeLessThanOrEqual(1e-4);
    expect(result.objective).toBeLessThanOrEqual(result.greedyObjective);
    expect(result.diff).toEqual({ moved: 0, kept: 0, newlyAllocated: 4 });
    // The next best for a western school is the eastern worker, and costs more: the hub and the 20 km.
    const why = proposalOf(result, schools.w1.urn);
    expect(why?.alternatives[0]?.workerId).toBe(east.id);
    expect(why?.alternatives[0]?.extraPoints).toBeGreaterThan(0);
    expect(why?.terms.some((t) => t.term === 'travel')).toBe(true);
    expect(result.loads.find((l) => l.id === west.id)?.after).toMatchObject({ schools: 2, secondary: 2 });
  });

  it('says which rule makes a school impossible, and never gives a worker a school their own child attends', async () => {
    const { db, west, east, schools } = twoHubs();
    for (const person of [west, east]) {
      declareConnection(db.writeContext, ConnectionFields.parse({ personId: person.id, urn: schools.e2.urn, kind: 'own_child_attends', from: '2024-09-01' }));
    }
    declareConnection(db.writeContext, ConnectionFields.parse({ personId: east.id, urn: schools.e1.urn, kind: 'own_child_attends', from: '2024-09-01' }));
    const college = aSchool(db, { name: 'Coastal Alternative Provision College', establishmentType: 'Academy alternative provision converter' });
    const result = await plan(db);
    expect(result.impossible).toEqual(expect.arrayContaining([
      expect.objectContaining({ urn: schools.e2.urn, rule: 'own_child_attends', message: expect.stringContaining('Every active worker is blocked') }),
      expect.objectContaining({ urn: college.urn, rule: 'apc_without_county_agreement' }),
    ]));
    expect(proposalOf(result, schools.e2.urn)).toBeUndefined();
    // Eastgate: only Wendy may take it, and a school needs two different people: the secondary stays empty, with its warning.
    expect(proposalOf(result, schools.e1.urn)).toMatchObject({ namedId: west.id, secondaryId: null });
    expect(proposalOf(result, schools.e1.urn)?.warnings.join(' ')).toMatch(/no secondary link worker/);
  });

  it('keeps what the manager pinned, even where it costs more', async () => {
    const { db, west, east, schools } = twoHubs();
    const result = await plan(db, { pins: [{ urn: schools.w1.urn, namedId: east.id, secondaryId: west.id }] });
    expect(proposalOf(result, schools.w1.urn)).toMatchObject({ namedId: east.id, secondaryId: west.id, change: 'pinned' });
    const free = await plan(db);
    expect(result.objective).toBeGreaterThan(free.objective);
  });

  it('refuses a pin the rules forbid, saying why', async () => {
    const { db, west, schools } = twoHubs();
    declareConnection(db.writeContext, ConnectionFields.parse({ personId: west.id, urn: schools.w1.urn, kind: 'own_child_attends', from: '2024-09-01' }));
    const error = await refusalOfAsync(() => plan(db, { pins: [{ urn: schools.w1.urn, namedId: west.id }] }));
    expect(error.message).toMatch(/pin of Westgate Primary School cannot hold: Wendy West declared that their own child attends/);
  });

  it('keeps the current allocation when it is already the best, and counts it as kept', async () => {
    const { db, schools } = twoHubs();
    const first = await plan(db);
    applyPlan(db.writeContext, ApplyPlanInput.parse({ from: FROM, proposals: first.proposals.map(({ urn, namedId, secondaryId }) => ({ urn, namedId, secondaryId })), reason: 'September reallocation' }));
    const again = await plan(db);
    expect(again.diff).toEqual({ moved: 0, kept: 4, newlyAllocated: 0 });
    expect(again.currentObjective).toBeCloseTo(again.objective, 6);
    expect(proposalOf(again, schools.w1.urn)?.change).toBe('kept');
  });

  it('applies a plan through the rules in one transaction, audited as one planned change with its objective', async () => {
    const { db, schools } = twoHubs();
    const result = await plan(db, { scope: { kind: 'unallocated', hub: 'West' } });
    expect(result.proposals.map((p) => p.urn).sort()).toEqual([schools.w1.urn, schools.w2.urn].sort());
    const proposals = result.proposals.map(({ urn, namedId, secondaryId }) => ({ urn, namedId, secondaryId }));
    // What the CLI prints is accepted as it is by allocations.check.
    const checks = judgeProposals(db.db, proposals.map((p) => AllocationProposal.parse({ ...p, from: result.from })));
    expect(checks.flatMap((c) => c.findings).filter((f) => f.severity === 'blocking')).toEqual([]);
    const applied = applyPlan(db.writeContext, ApplyPlanInput.parse({ from: result.from, proposals, reason: 'West hub plan', objective: result.objective, solver: result.solver }));
    expect(applied).toMatchObject({ applied: 2, unchanged: 0, changedRoles: 4 });
    const rows = board(db.db, FROM, { hub: 'West' });
    expect(rows.every((r) => r.named && r.secondary)).toBe(true);
    const audit = listAudit(db.db, 10).find((e) => e.entity === 'allocation-plan');
    expect(audit?.summary).toContain(`objective ${result.objective}`);
  });

  it('applies nothing when one school of the plan breaks a blocking rule', async () => {
    const { db, west, east, schools } = twoHubs();
    declareConnection(db.writeContext, ConnectionFields.parse({ personId: west.id, urn: schools.w2.urn, kind: 'own_child_attends', from: '2024-09-01' }));
    const error = refusalOf(() => applyPlan(db.writeContext, ApplyPlanInput.parse({
      from: FROM, reason: 'By hand', proposals: [{ urn: schools.w1.urn, namedId: west.id, secondaryId: east.id }, { urn: schools.w2.urn, namedId: west.id, secondaryId: east.id }],
    })));
    expect(error.code).toBe('allocation_refused');
    expect(board(db.db, FROM, {}).every((r) => r.named === null)).toBe(true);
  });
});

async function refusalOfAsync(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
