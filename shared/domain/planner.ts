/**
 * The allocation planner: what the team asks of it (which schools, which priorities, which pins)
 * and what it answers (a proposal per school, explained, with the solver's proof of quality).
 * The weights are the team's sliders; each is the cost, in points, of one unit of its term.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import type { RuleId } from './allocations.ts';
import { Urn } from './schools.ts';
import { line } from './text.ts';

export const PLANNER_TERMS = ['continuity', 'schools', 'pupils', 'enhanced', 'level3', 'hub', 'travel', 'warnings'] as const;
export type PlannerTerm = (typeof PLANNER_TERMS)[number];

export const TERM_LABELS: Record<PlannerTerm, string> = {
  continuity: 'Change from the current worker',
  schools: 'Schools above or below the team average',
  pupils: 'Pupils above or below the team average',
  enhanced: 'Enhanced-support schools above or below the team average',
  level3: 'Casework (schools and Level 3 plans) above or below the team average',
  hub: 'Worker from another hub',
  travel: 'Travel from the worker’s base (per km)',
  warnings: 'Warnings of the rules (declared connection, leaving soon)',
};

/** One school moved (named role) costs 10 points; a secondary role counts half of each pair term. */
export const DEFAULT_WEIGHTS: Record<PlannerTerm, number> = {
  continuity: 10, schools: 4, pupils: 2, enhanced: 2, level3: 1, hub: 3, travel: 0.5, warnings: 25,
};

const Weight = z.number().min(0, 'A weight is 0 or more').max(1000, 'A weight is at most 1,000');
export const PlannerWeights = z.object(Object.fromEntries(PLANNER_TERMS.map((t) => [t, Weight.optional()])) as Record<PlannerTerm, z.ZodOptional<typeof Weight>>).strict();
export type PlannerWeights = Record<PlannerTerm, number>;

const PersonId = z.string().uuid();

export const PlanScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('hub'), hub: line().min(1).max(60) }).strict(),
  z.object({ kind: z.literal('leaver'), personId: PersonId }).strict(),
  z.object({ kind: z.literal('unallocated'), hub: line().max(60).optional() }).strict(),
  z.object({ kind: z.literal('schools'), urns: z.array(Urn).min(1).max(20_000) }).strict(),
]);
export type PlanScope = z.infer<typeof PlanScope>;

/** A pin keeps the roles it names as given: a worker's id, or the school's current worker when `keep`. */
export const PlanPin = z
  .object({ urn: Urn, namedId: PersonId.nullable().optional(), secondaryId: PersonId.nullable().optional(), keep: z.boolean().optional() })
  .strict();
export type PlanPin = z.infer<typeof PlanPin>;

export const PlanInput = z
  .object({
    from: isoDate().optional(),
    scope: PlanScope.default({ kind: 'all' }),
    weights: PlannerWeights.default({}),
    pins: z.array(PlanPin).max(20_000).default([]),
    timeLimitSeconds: z.number().min(0.5, 'Give the solver at least half a second').max(600, 'At most 600 seconds').default(10),
  })
  .strict();
export type PlanInput = z.input<typeof PlanInput>;

export const PlannedAllocation = z.object({ urn: Urn, namedId: PersonId.nullable(), secondaryId: PersonId.nullable() }).strict();

export const ApplyPlanInput = z
  .object({
    from: isoDate(),
    proposals: z.array(PlannedAllocation).min(1, 'The plan has no proposals').max(20_000),
    reason: line().min(3, 'Give the reason for this reallocation').max(500, 'Use 500 characters or fewer'),
    objective: z.number().finite().optional(),
    solver: z.enum(['highs', 'greedy']).optional(),
  })
  .strict();
export type ApplyPlanInput = z.input<typeof ApplyPlanInput>;

export type PlanChange = 'kept' | 'moved' | 'new' | 'pinned';

export interface PlanTermCost {
  term: PlannerTerm;
  points: number;
}

export interface PlanAlternative {
  workerId: string;
  workerName: string;
  /** How many points the whole plan would gain (positive: worse) with this worker named instead. */
  extraPoints: number;
}

export interface PlanProposal {
  urn: string;
  schoolName: string;
  hub: string | null;
  namedId: string | null;
  namedName: string | null;
  secondaryId: string | null;
  secondaryName: string | null;
  from: string;
  current: { namedId: string | null; namedName: string | null; secondaryId: string | null; secondaryName: string | null };
  change: PlanChange;
  /** The pair terms that decided the named worker, largest first. */
  terms: PlanTermCost[];
  alternatives: PlanAlternative[];
  warnings: string[];
}

export interface ImpossibleSchool {
  urn: string;
  schoolName: string;
  rule: RuleId;
  message: string;
}

export interface LoadFigures {
  schools: number;
  secondary: number;
  pupils: number;
  enhanced: number;
}

export interface PlanWorkerLoad {
  id: string;
  name: string;
  hub: string | null;
  capacity: number;
  level3Plans: number;
  before: LoadFigures;
  after: LoadFigures;
}

export interface PlanResult {
  from: string;
  proposals: PlanProposal[];
  impossible: ImpossibleSchool[];
  objective: number;
  lowerBound: number;
  gap: number;
  solver: 'highs' | 'greedy';
  /** 'optimal': proved within HiGHS's tolerance; 'time_limit': the best found in time; 'fallback': HiGHS gave no answer. */
  status: 'optimal' | 'time_limit' | 'fallback';
  greedyObjective: number;
  /** The objective of keeping the current allocation, where every school has one that the rules allow. */
  currentObjective: number | null;
  /** 'all': every allowed worker was a candidate for every school; a number: the cheapest that many per school. */
  candidates: 'all' | number;
  weights: PlannerWeights;
  diff: { moved: number; kept: number; newlyAllocated: number };
  loads: PlanWorkerLoad[];
}

export interface ApplyPlanResult {
  applied: number;
  unchanged: number;
  changedRoles: number;
}

/** A worker's base: a school (its GIAS easting and northing), a point in metres on the British National Grid, or none. */
export const WorkerBaseInput = z
  .object({
    personId: PersonId,
    baseUrn: Urn.nullable().default(null),
    easting: z.number().int('Use whole metres').min(0).max(800_000, 'An easting is at most 800,000 m').nullable().default(null),
    northing: z.number().int('Use whole metres').min(0).max(1_400_000, 'A northing is at most 1,400,000 m').nullable().default(null),
  })
  .strict()
  .refine((b) => (b.easting === null) === (b.northing === null), { message: 'Give both the easting and the northing, or neither', path: ['northing'] })
  .refine((b) => !(b.baseUrn && b.easting !== null), { message: 'Give a school or a point, not both', path: ['baseUrn'] });

/** A school on the team's map: where GIAS puts it (metres on the British National Grid) and its named worker now. */
export interface MapSchool {
  urn: string;
  name: string;
  hub: string | null;
  easting: number;
  northing: number;
  namedId: string | null;
  namedName: string | null;
}

/** A Family Support Worker on the map: their base, or null where none is recorded. */
export interface MapWorker {
  id: string;
  name: string;
  hub: string | null;
  easting: number | null;
  northing: number | null;
}

/** The team's open schools in scope that have a place, the workers and their bases; `unplaced` counts the schools without one. */
export interface PlannerMap {
  schools: MapSchool[];
  workers: MapWorker[];
  unplaced: number;
}
