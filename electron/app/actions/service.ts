/**
 * The action list: every action to close, with its owner and due day, marked done (the day and
 * who) or opened again, moved to another owner; and the handover of a leaver, which moves their
 * schools through the allocation rules and their open actions in one transaction.
 */
import type { z } from 'zod';
import type { Action, ActionQuery, ActionReassignInput, HandoverInput, HandoverResult, HandoverSchool } from '../../../shared/domain/actions.ts';
import { ALLOCATION_ROLES, hasBlocking, hasWarnings } from '../../../shared/domain/allocations.ts';
import { AppError } from '../../../shared/errors.ts';
import { localDay, plural } from '../../../shared/format.ts';
import { applyJudged, dateProblem, judgeProposals, type Judged, type ParsedProposal } from '../allocations/service.ts';
import { selectCurrentPeriod, selectWorkerHistory } from '../allocations/repo.ts';
import { markFollowUpDone, reopenFollowUp } from '../contacts/repo.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { requirePerson } from '../people/service.ts';
import { countOpenOwnedBy, markActionDone, moveOpenActions, reopenAction, selectAction, selectActions, setActionOwner } from './repo.ts';

export function listActions(db: Connection, query: z.output<typeof ActionQuery>): Action[] {
  return selectActions(db, query);
}

function requireAction(db: Connection, id: string): Action {
  const action = selectAction(db, id);
  if (!action) throw new AppError('not_found', 'There is no such action.');
  return action;
}

/** Marks an action done on a day (today by default), by the person at the keyboard. A contact's follow-up shows done in the contact log too. */
export function markDone(ctx: WriteContext, id: string, day?: string): Action {
  const action = requireAction(ctx.db, id);
  const today = localDay(ctx.now());
  const on = day ?? today;
  if (on > today) throw new AppError('invalid_input', 'An action cannot be marked done in the future.', { issues: [{ path: 'on', message: 'In the future' }] });
  if (action.doneOn) throw new AppError('conflict', `This action was already marked done on ${action.doneOn} by ${action.doneBy ?? 'someone'}.`);
  write(ctx, (audit) => {
    markActionDone(ctx.db, id, on, ctx.actor);
    if (action.source === 'contact') markFollowUpDone(ctx.db, action.sourceId, on);
    audit('action', id, 'done', action.source);
  });
  return requireAction(ctx.db, id);
}

export function reopen(ctx: WriteContext, id: string): Action {
  const action = requireAction(ctx.db, id);
  if (!action.doneOn) return action;
  write(ctx, (audit) => {
    reopenAction(ctx.db, id);
    if (action.source === 'contact') reopenFollowUp(ctx.db, action.sourceId);
    audit('action', id, 'reopen', action.source);
  });
  return requireAction(ctx.db, id);
}

export function reassign(ctx: WriteContext, input: z.output<typeof ActionReassignInput>): Action {
  const action = requireAction(ctx.db, input.id);
  const owner = requirePerson(ctx.db, input.ownerId);
  if (owner.activeTo !== null && owner.activeTo < localDay(ctx.now())) {
    throw new AppError('invalid_input', `${owner.name} has left the team: choose another worker.`, { issues: [{ path: 'ownerId', message: 'Has left the team' }] });
  }
  if (action.doneOn) throw new AppError('conflict', 'This action is done: open it again before giving it to someone else.');
  write(ctx, (audit) => {
    setActionOwner(ctx.db, input.id, input.ownerId, input.dueOn);
    audit('action', input.id, 'reassign', input.dueOn ? 'owner and due date' : 'owner');
  });
  return requireAction(ctx.db, input.id);
}

/**
 * Hands a leaver's work to another worker. Every school they hold (as named or secondary worker)
 * is proposed to the new worker from the day given, judged together by the allocation rules (the
 * new worker's load counts every school of the handover): a school a rule refuses, or one with
 * warnings and no reason given, is reported and stays as it is. Their open actions all move.
 * With `dryRun` nothing is written: the same judgement is the preview.
 */
export function handover(ctx: WriteContext, input: z.output<typeof HandoverInput>): HandoverResult {
  const from = requirePerson(ctx.db, input.from);
  const to = requirePerson(ctx.db, input.to);
  const held = selectWorkerHistory(ctx.db, from.id).filter((p) => p.to === null);
  const proposals: { proposal: ParsedProposal; role: 'named' | 'secondary' }[] = held.map((p) => {
    const other = ALLOCATION_ROLES.find((r) => r !== p.role) ?? 'secondary';
    const otherId = selectCurrentPeriod(ctx.db, p.urn, other)?.personId ?? null;
    const proposal: ParsedProposal = {
      urn: p.urn,
      namedId: p.role === 'named' ? to.id : otherId,
      secondaryId: p.role === 'secondary' ? to.id : otherId,
      from: input.on,
      reason: `Handover from ${from.name}`,
      overrideReason: input.overrideReason,
      countyAgreedOn: p.countyAgreedOn,
      countyAgreedBy: p.countyAgreedBy,
    };
    return { proposal, role: p.role };
  });
  const judged = judgeProposals(ctx.db, proposals.map((p) => p.proposal));
  const schools: HandoverSchool[] = [];
  const allowed: Judged[] = [];
  judged.forEach((j, i) => {
    const role = proposals[i]?.role ?? 'named';
    const current = selectCurrentPeriod(ctx.db, j.proposal.urn, role);
    const problem = dateProblem(current, j.proposal, role);
    const blocking = j.findings.filter((f) => f.severity === 'blocking').map((f) => f.message);
    const warnings = j.findings.filter((f) => f.severity === 'warning').map((f) => f.message);
    if (hasBlocking(j.findings) || problem) {
      schools.push({ urn: j.proposal.urn, schoolName: j.schoolName, role, outcome: 'refused', messages: problem ? [...blocking, problem] : blocking });
    } else if (hasWarnings(j.findings) && !input.overrideReason) {
      schools.push({ urn: j.proposal.urn, schoolName: j.schoolName, role, outcome: 'needs_reason', messages: warnings });
    } else {
      schools.push({ urn: j.proposal.urn, schoolName: j.schoolName, role, outcome: 'moved', messages: warnings });
      allowed.push(j);
    }
  });
  const result = { dryRun: input.dryRun, fromName: from.name, toName: to.name, schools };
  if (input.dryRun) return { ...result, actions: countOpenOwnedBy(ctx.db, from.id) };
  const actions = write(ctx, (audit) => {
    const changed = applyJudged(ctx, allowed, audit);
    const moved = moveOpenActions(ctx.db, from.id, to.id);
    audit('person', from.id, 'handover', `${plural(changed, 'role', 'roles')} and ${plural(moved, 'open action', 'open actions')} moved; ${plural(schools.length - allowed.length, 'school', 'schools')} held back`);
    return moved;
  });
  return { ...result, actions };
}
