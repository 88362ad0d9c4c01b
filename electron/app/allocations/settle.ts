/**
 * Which rows of a bulk allocation apply, with every figure judged on the rows that really apply.
 *
 * A worker's load, and the team average it is compared with, depend on the whole batch. Judged on
 * every row of the file, a row refused for another reason (a worker's own child at the school, a
 * warning with no Reason) would still count in the loads, and the fairness warnings would quote
 * figures that never happen ("527 pupils against 313" when 315 against 233 was true). So:
 * 1. Blocking findings never depend on the batch (loads only ever give warnings): rows with one
 *    are refused first.
 * 2. The rest are judged together; rows with a warning and no Reason to accept it are set aside,
 *    and the others judged again, until every row left is allowed.
 * 3. A row set aside only because of rows that were set aside with it comes back, in file order,
 *    when the rows that apply, with it, are all still allowed.
 * 4. Each refused row is judged once more among the rows that apply, so its figures are those it
 *    would meet if it were applied with them.
 */
import { hasBlocking, hasWarnings, type Finding } from '../../../shared/domain/allocations.ts';
import type { Connection } from '../db/cipher.ts';
import { judgeProposals, judgeWithin, type Judged, type ParsedProposal } from './service.ts';
import type { AllocationState } from './state.ts';

export interface Settled {
  /** Each proposal's judging, in the order given: among the applied rows, or as it alone would join them. */
  judged: Judged[];
  applies: boolean[];
  /** For a row refused only because it would give another row a warning with no Reason: that row and its warning. */
  harms: (Judged | null)[];
}

const allowed = (j: Judged) => !hasBlocking(j.findings) && (!hasWarnings(j.findings) || Boolean(j.proposal.overrideReason));

export function settleBatch(db: Connection, proposals: ParsedProposal[], state: AllocationState): Settled {
  const first = judgeProposals(db, proposals, state);
  let inSet = proposals.map((_, i) => i).filter((i) => !hasBlocking(first[i]?.findings ?? []));
  const member = () => new Set(inSet);
  const setAside: number[] = [];
  let judged = new Map<number, Judged>();
  for (;;) {
    const round = judgeProposals(db, inSet.map((i) => proposals[i] as ParsedProposal), state);
    judged = new Map(inSet.map((i, k) => [i, round[k] as Judged]));
    const refused = new Set(inSet.filter((i) => !allowed(judged.get(i) as Judged)));
    if (refused.size === 0) break;
    setAside.push(...refused);
    inSet = inSet.filter((i) => !refused.has(i));
  }
  // Give back, in file order, what fits once the others are out; again while anything came back.
  for (let changed = true; changed; ) {
    changed = false;
    const present = member();
    for (const i of [...setAside].sort((a, b) => a - b)) {
      if (present.has(i)) continue;
      const trialSet = [...inSet, i];
      const trial = judgeProposals(db, trialSet.map((k) => proposals[k] as ParsedProposal), state);
      if (!trial.every(allowed)) continue;
      inSet = trialSet;
      present.add(i);
      judged = new Map(trialSet.map((k, n) => [k, trial[n] as Judged]));
      changed = true;
    }
  }
  const applying = inSet.map((i) => proposals[i] as ParsedProposal);
  const applies = member();
  const harms: (Judged | null)[] = proposals.map(() => null);
  const result = proposals.map((proposal, i) => {
    const kept = judged.get(i);
    if (kept && applies.has(i)) return kept;
    const batch = [...applying, proposal];
    const [alone] = judgeWithin(db, batch, [proposal], state);
    if (alone && allowed(alone)) harms[i] = judgeProposals(db, batch, state).find((j) => j.proposal !== proposal && !allowed(j)) ?? null;
    return alone ?? (first[i] as Judged);
  });
  return { judged: result, applies: proposals.map((_, i) => applies.has(i)), harms };
}

/** The warnings of a judging, as messages. */
export const messagesOf = (findings: Finding[], severity: Finding['severity']): string[] => findings.filter((f) => f.severity === severity).map((f) => f.message);
