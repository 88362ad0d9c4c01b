/**
 * Allocating link workers. Every allocation, single or bulk, is judged by the rules of
 * shared/domain/allocations.ts here in the main process: blocking findings refuse it;
 * warnings need a recorded reason. History is kept as dated periods, never overwritten.
 */
import type { z } from 'zod';
import {
  ALLOCATION_ROLES, hasBlocking, hasWarnings, judge, ROLE_NAMES, type AllocationPeriod, type AllocationProposal, type AllocationRole, type Finding,
} from '../../../shared/domain/allocations.ts';
import { addDays, formatDate } from '../../../shared/format.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type Audit, type WriteContext } from '../db/write.ts';
import { getTeam } from '../team/service.ts';
import { closePeriod, insertPeriod, replaceWorker, selectCurrentPeriod } from './repo.ts';
import { factsFromState, newId, readFactsFor, type AllocationState } from './state.ts';

export type ParsedProposal = z.output<typeof AllocationProposal>;

export interface Judged {
  proposal: ParsedProposal;
  schoolName: string;
  findings: Finding[];
}

/**
 * Judges proposals together: each worker's load counts the whole batch. Given the whole team
 * (a bulk import has read it), judges from that; otherwise reads only what these proposals need.
 */
export function judgeProposals(db: Connection, proposals: ParsedProposal[], state?: AllocationState): Judged[] {
  return judgeWithin(db, proposals, proposals, state);
}

/**
 * Judges some proposals as part of a batch: the loads count every proposal of `batch` (which
 * holds `toJudge`), but only `toJudge` are judged. A bulk import asks this of one refused row
 * among the rows that will apply, to give it the figures it would really meet.
 */
export function judgeWithin(db: Connection, batch: ParsedProposal[], toJudge: ParsedProposal[], state?: AllocationState): Judged[] {
  const settings = getTeam(db).settings;
  const changes = new Map(batch.map((p) => [p.urn, p.namedId] as const));
  const latest = batch.reduce((max, p) => (p.from > max ? p.from : max), '0000-00-00');
  const workerIds = [...new Set(batch.flatMap((p) => [p.namedId, p.secondaryId]).filter((id): id is string => id !== null))];
  const facts = state ? factsFromState(state, changes, latest) : readFactsFor(db, changes, workerIds, latest);
  const { loads, average } = facts;
  return toJudge.map((proposal) => {
    const school = facts.schools.get(proposal.urn);
    if (!school) throw new AppError('not_found', `There is no school with URN ${proposal.urn} in this team database.`);
    const worker = (id: string | null) => {
      if (id === null) return null;
      const w = facts.workers.get(id);
      if (!w) throw new AppError('not_found', 'One of the chosen workers is not in this team database.');
      return w;
    };
    const findings = judge({
      school,
      named: worker(proposal.namedId),
      secondary: worker(proposal.secondaryId),
      effectiveFrom: proposal.from,
      countyAgreement: proposal.countyAgreedOn && proposal.countyAgreedBy ? { on: proposal.countyAgreedOn, by: proposal.countyAgreedBy } : null,
      countyAgreementCategories: settings.countyAgreementCategories,
      connections: facts.connectionsBySchool.get(proposal.urn) ?? [],
      loadAfter: loads,
      teamAverage: average,
      fairnessPercent: settings.fairnessPercent,
      defaultCapacity: settings.defaultCapacity,
    });
    return { proposal, schoolName: school.name, findings };
  });
}

/** Refuses what the rules refuse, in words a person can act on. */
export function assertAllowed(judged: Judged): void {
  const { findings, proposal, schoolName } = judged;
  if (hasBlocking(findings)) {
    const reasons = findings.filter((f) => f.severity === 'blocking').map((f) => f.message);
    throw new AppError('allocation_refused', `This allocation for ${schoolName} cannot be saved: ${reasons.join(' ')}`, { findings });
  }
  if (hasWarnings(findings) && !proposal.overrideReason) {
    throw new AppError('needs_reason', `Give a reason to save this allocation for ${schoolName} despite the warnings.`, { findings });
  }
}

/**
 * Why a change cannot take effect on its date, given the role's current period: history only
 * moves forward, and a period cannot end before the day it began.
 */
export function dateProblem(current: AllocationPeriod | undefined, p: ParsedProposal, role: AllocationRole): string | null {
  const desired = role === 'named' ? p.namedId : p.secondaryId;
  if (!current || current.personId === desired) return null;
  if (p.from < current.from) {
    return `${current.personName} has been the ${ROLE_NAMES[role]} of ${current.schoolName} since ${formatDate(current.from)}: a change must start on or after that date.`;
  }
  if (p.from === current.from && !desired) {
    return `${current.personName} became the ${ROLE_NAMES[role]} on ${formatDate(p.from)}: end it from the next day, or choose another worker.`;
  }
  return null;
}

function applyRole(ctx: WriteContext, p: ParsedProposal, role: AllocationRole, findings: Finding[], audit: Audit): boolean {
  const desired = role === 'named' ? p.namedId : p.secondaryId;
  const current = selectCurrentPeriod(ctx.db, p.urn, role);
  if ((current?.personId ?? null) === desired) return false;
  const at = ctx.now().toISOString();
  const overridden = hasWarnings(findings) ? p.overrideReason : null;
  const problem = dateProblem(current, p, role);
  if (problem) throw new AppError('invalid_input', problem, { issues: [{ path: 'from', message: problem }] });
  if (current && current.from === p.from && desired) {
    replaceWorker(ctx.db, current.id, {
      personId: desired, allocatedBy: ctx.actor, allocatedAt: at, reason: p.reason, overrideReason: overridden,
      countyAgreedOn: p.countyAgreedOn, countyAgreedBy: p.countyAgreedBy,
    });
  } else {
    if (current) closePeriod(ctx.db, current.id, addDays(p.from, -1));
    if (desired) {
      insertPeriod(ctx.db, {
        id: newId(), urn: p.urn, role, personId: desired, from: p.from, to: null, allocatedBy: ctx.actor, allocatedAt: at,
        reason: p.reason, overrideReason: overridden, countyAgreedOn: p.countyAgreedOn, countyAgreedBy: p.countyAgreedBy,
      });
    }
  }
  const overrides = overridden ? `; warnings overridden: ${findings.filter((f) => f.severity === 'warning').map((f) => f.rule).join(', ')}` : '';
  audit('allocation', p.urn, desired ? 'assign' : 'end', `${role}${overrides}`);
  return true;
}

/** Applies judged, allowed proposals; returns how many roles changed. Call inside `write`. */
export function applyJudged(ctx: WriteContext, judged: Judged[], audit: Audit): number {
  let changed = 0;
  for (const j of judged) for (const role of ALLOCATION_ROLES) if (applyRole(ctx, j.proposal, role, j.findings, audit)) changed++;
  return changed;
}

export function allocate(ctx: WriteContext, proposal: ParsedProposal): { changed: number; findings: Finding[] } {
  const unchanged = ALLOCATION_ROLES.every((role) => (selectCurrentPeriod(ctx.db, proposal.urn, role)?.personId ?? null) === (role === 'named' ? proposal.namedId : proposal.secondaryId));
  if (unchanged) return { changed: 0, findings: [] };
  const [judged] = judgeProposals(ctx.db, [proposal]);
  if (!judged) throw new AppError('internal', 'The allocation could not be judged.');
  assertAllowed(judged);
  const changed = write(ctx, (audit) => applyJudged(ctx, [judged], audit));
  return { changed, findings: judged.findings };
}

export type { AllocationPeriod };
