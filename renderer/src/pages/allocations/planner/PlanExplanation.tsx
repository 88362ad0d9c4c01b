/**
 * What the solver answered, in words: how good the plan is, what it changes (moved, newly
 * allocated, kept), the schools it could not plan, and for each school why that worker and what
 * the next-best workers would cost.
 */
import { TableScroll } from '../../../components/TableScroll.tsx';
import { Checkbox } from 'react-aria-components';
import { Link } from 'react-router';
import { TERM_LABELS, type PlanProposal, type PlanResult } from '../../../../../shared/domain/planner.ts';
import { formatDate, plural } from '../../../format.ts';
import { effectOf, groupByChange } from './geometry.ts';
import { currentInWords, gapInWords, points, solverInWords } from './plan-words.ts';

const who = (name: string | null) => name ?? 'nobody';

export function PlanSummary({ result }: { result: PlanResult }) {
  const groups = groupByChange(result.proposals);
  const pinnedCount = result.proposals.filter((p) => p.change === 'pinned').length;
  return (
    <section aria-labelledby="plan-summary-heading" className="card">
      <h2 id="plan-summary-heading">The proposal</h2>
      <p>
        {plural(result.proposals.length, 'school')} planned from {formatDate(result.from)}: {result.diff.moved} change worker,{' '}
        {result.diff.newlyAllocated} newly allocated, {result.diff.kept} kept{pinnedCount ? ` (${pinnedCount} pinned)` : ''}.
      </p>
      <dl className="summary-list">
        <dt>Solver</dt>
        <dd>{solverInWords(result)}</dd>
        <dt>Cost of this plan</dt>
        <dd>{points(result.objective)} by the priorities above (the quick method’s answer cost {points(result.greedyObjective)})</dd>
        <dt>Lower bound and gap</dt>
        <dd>{gapInWords(result)}</dd>
        <dt>Against the current allocation</dt>
        <dd>{currentInWords(result)}</dd>
      </dl>
      {result.candidates !== 'all' ? (
        <p className="muted">A large plan: only the {result.candidates} cheapest workers for each school (and its current worker) were considered.</p>
      ) : null}
      {result.impossible.length ? (
        <>
          <h3>Schools the planner cannot plan ({result.impossible.length})</h3>
          <ul>
            {result.impossible.map((s) => (
              <li key={s.urn}>
                <Link to={`/allocations/${s.urn}`}>{s.schoolName}</Link>: {s.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <DiffLists groups={groups} />
    </section>
  );
}

function DiffLists({ groups }: { groups: ReturnType<typeof groupByChange> }) {
  const roles = (p: PlanProposal) => `${who(p.namedName)} named, ${who(p.secondaryName)} secondary${p.change === 'pinned' ? ' (pinned)' : ''}`;
  const was = (p: PlanProposal) => `${who(p.current.namedName)} named, ${who(p.current.secondaryName)} secondary`;
  return (
    <div className="plan-diff">
      <h3>Moves ({groups.moved.length})</h3>
      {groups.moved.length ? (
        <ul>{groups.moved.map((p) => <li key={p.urn}><strong>{p.schoolName}</strong>: from {was(p)} to {roles(p)}</li>)}</ul>
      ) : <p className="muted">No school changes worker.</p>}
      <h3>Newly allocated ({groups.newlyAllocated.length})</h3>
      {groups.newlyAllocated.length ? (
        <ul>{groups.newlyAllocated.map((p) => <li key={p.urn}><strong>{p.schoolName}</strong>: {roles(p)}</li>)}</ul>
      ) : <p className="muted">No school was without a worker.</p>}
      {groups.kept.length ? (
        <details>
          <summary>Kept as they are ({groups.kept.length})</summary>
          <ul>{groups.kept.map((p) => <li key={p.urn}>{p.schoolName}: {roles(p)}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}

const CHANGE_WORDS: Record<PlanProposal['change'], string> = { moved: 'Moves', new: 'Newly allocated', kept: 'Kept', pinned: 'Pinned' };
const ORDER: Record<PlanProposal['change'], number> = { moved: 0, new: 1, pinned: 2, kept: 3 };

interface PlanExplanationProps {
  result: PlanResult;
  /** The schools pinned for the next proposal, and how to pin or free one. */
  pinned: ReadonlySet<string>;
  onPin: (proposal: PlanProposal, pin: boolean) => void;
}

/** Why each school got its named worker, changes first; each can be pinned as proposed for the next run. */
export function PlanExplanation({ result, pinned, onPin }: PlanExplanationProps) {
  const rows = [...result.proposals].sort((a, b) => ORDER[a.change] - ORDER[b.change] || a.schoolName.localeCompare(b.schoolName, 'en-GB'));
  return (
    <section aria-labelledby="plan-why-heading" className="card">
      <h2 id="plan-why-heading">Why each school gets its worker</h2>
      <p className="muted">
        The costs that decided the named worker, largest first, and the next-best workers with what naming them instead would add to the whole plan.
        Keep a school’s workers as proposed in the next proposal by ticking Pin, then Propose again.
      </p>
      <TableScroll className="table-scroller" label="The plan school by school">
        <table className="table plan-why">
          <caption className="visually-hidden">The plan school by school, with the reasons and the alternatives</caption>
          <thead>
            <tr>
              <th scope="col">School</th>
              <th scope="col">Change</th>
              <th scope="col">Named (secondary) in the plan</th>
              <th scope="col">Now</th>
              <th scope="col">What decided it</th>
              <th scope="col">Next best, and its extra cost</th>
              <th scope="col">Pin</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.urn}>
                <th scope="row">{p.schoolName}{p.hub ? <span className="planner-secondary">{p.hub} hub</span> : null}</th>
                <td>{p.change === 'pinned' ? `Pinned (${CHANGE_WORDS[effectOf(p)].toLowerCase()})` : CHANGE_WORDS[p.change]}</td>
                <td>{who(p.namedName)} <span className="planner-secondary">({who(p.secondaryName)})</span></td>
                <td>{who(p.current.namedName)} <span className="planner-secondary">({who(p.current.secondaryName)})</span></td>
                <td>
                  {p.terms.length ? (
                    <ul className="plain-list">{p.terms.map((t) => <li key={t.term}>{TERM_LABELS[t.term]}: {points(t.points)}</li>)}</ul>
                  ) : 'Nothing against this worker'}
                </td>
                <td>
                  {p.alternatives.length ? (
                    <ul className="plain-list">{p.alternatives.map((a) => <li key={a.workerId}>{a.workerName}: {a.extraPoints >= 0 ? '+' : ''}{points(a.extraPoints)}</li>)}</ul>
                  ) : 'No other worker allowed'}
                </td>
                <td>
                  <Checkbox className="checkbox" isSelected={pinned.has(p.urn)} onChange={(on) => onPin(p, on)} aria-label={`Pin ${p.schoolName} to ${who(p.namedName)} and ${who(p.secondaryName)}`}>
                    <span className="checkbox-box" aria-hidden="true" />
                  </Checkbox>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
