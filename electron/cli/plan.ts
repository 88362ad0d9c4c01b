/**
 * `linkdesk plan-allocations`: the allocation planner from the command line. Prints the plan
 * (with --json: {proposals: [{urn, namedId, secondaryId, from}], objective, lowerBound, gap,
 * solver}, each proposal as `allocations.check` takes it), and with --apply --reason applies it
 * through the allocation rules.
 */
import type { ApplyPlanResult, PlanResult } from '../../shared/domain/planner.ts';
import { AppError } from '../../shared/errors.ts';
import { formatDate, plural } from '../../shared/format.ts';
import type { Cli } from './commands.ts';

interface Tools {
  call: <T>(cli: Cli, method: string, input: unknown) => Promise<T>;
  unlock: (cli: Cli) => Promise<void>;
  requireOption: (value: string | undefined, flag: string) => string;
}

function timeLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new AppError('invalid_input', `--time-limit "${text}" is not a number of seconds.`, { issues: [{ path: 'time-limit', message: 'seconds' }] });
  return seconds;
}

const percent = (gap: number) => `${(gap * 100).toFixed(2)}%`;

export function planCommands({ call, unlock, requireOption }: Tools): Record<string, (cli: Cli) => Promise<void>> {
  return {
    async 'plan-allocations'(cli) {
      const { values } = cli.args;
      if (values.apply) requireOption(values.reason, '--reason TEXT');
      const seconds = timeLimit(values['time-limit']);
      await unlock(cli);
      const plan = await call<PlanResult>(cli, 'planner.propose', {
        ...(values.from ? { from: values.from } : {}),
        scope: values.hub ? { kind: 'hub', hub: values.hub } : { kind: 'all' },
        ...(seconds ? { timeLimitSeconds: seconds } : {}),
      });
      const proposals = plan.proposals.map((p) => ({ urn: p.urn, namedId: p.namedId, secondaryId: p.secondaryId, from: p.from }));
      let applied: ApplyPlanResult | null = null;
      if (values.apply) {
        applied = await call<ApplyPlanResult>(cli, 'planner.apply', {
          from: plan.from, reason: values.reason, objective: plan.objective, solver: plan.solver,
          proposals: proposals.map(({ urn, namedId, secondaryId }) => ({ urn, namedId, secondaryId })),
        });
      }
      const lines = [
        `Plan from ${formatDate(plan.from)}: ${plural(plan.proposals.length, 'school')} (${plan.diff.moved} moved, ${plan.diff.kept} kept, ${plan.diff.newlyAllocated} newly allocated).`,
        `Objective ${plan.objective} (lower bound ${plan.lowerBound}, gap ${percent(plan.gap)}, ${plan.solver === 'highs' ? 'HiGHS' : 'greedy'}${plan.status === 'optimal' ? ', optimal' : ''}); greedy ${plan.greedyObjective}${plan.currentObjective === null ? '' : `; current allocation ${plan.currentObjective}`}.`,
        ...plan.proposals.filter((p) => p.change !== 'kept').map((p) =>
          `  ${p.schoolName} (${p.urn}): ${p.namedName ?? 'nobody'} named, ${p.secondaryName ?? 'nobody'} secondary${p.current.namedName ? ` (was ${p.current.namedName}, ${p.current.secondaryName ?? 'nobody'})` : ''}`),
        ...plan.impossible.map((i) => `  Cannot plan ${i.schoolName} (${i.urn}): ${i.message}`),
        ...(applied ? [`Applied: ${plural(applied.applied, 'school')} changed, ${applied.unchanged} unchanged.`] : []),
      ];
      cli.out(lines.join('\n'), { proposals, objective: plan.objective, lowerBound: plan.lowerBound, gap: plan.gap, solver: plan.solver, status: plan.status, impossible: plan.impossible, ...(applied ? { applied } : {}) });
    },
  };
}
