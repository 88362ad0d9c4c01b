/**
 * The allocation planner: which schools (all, a hub, a leaver's, the unallocated), the team's
 * priorities as weights, a time limit; then the proposal explained (PlanExplanation), the loads
 * before and after (PlanLoads), the map with the plan's moves (PlanMap) and Apply (ApplyPlan).
 * The solver runs in the main process's worker thread: this screen only waits on a promise, so
 * it stays usable and says how long the solver has had.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Label, ProgressBar, Radio, RadioGroup } from 'react-aria-components';
import { Link } from 'react-router';
import { DEFAULT_WEIGHTS, PLANNER_TERMS, PlanInput, TERM_LABELS, type ApplyPlanResult, type PlannerTerm, type PlanProposal, type PlanResult } from '../../../../../shared/domain/planner.ts';
import { invoke } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { Field } from '../../../components/Field.tsx';
import { FormShell } from '../../../components/FormShell.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Page } from '../../../components/Page.tsx';
import { Select } from '../../../components/Select.tsx';
import { useForm } from '../../../components/useForm.ts';
import { formatDate, plural } from '../../../format.ts';
import { AllocationsNav } from '../AllocationsNav.tsx';
import { ApplyPlan } from './ApplyPlan.tsx';
import { PlanExplanation, PlanSummary } from './PlanExplanation.tsx';
import { PlanLoads } from './PlanLoads.tsx';
import { PlanMap } from './PlanMap.tsx';
import { WeightSlider } from './WeightSlider.tsx';

type ScopeKind = 'unallocated' | 'hub' | 'leaver' | 'all';
const ALL_HUBS = 'all';

const weightValues = Object.fromEntries(PLANNER_TERMS.map((t) => [t, String(DEFAULT_WEIGHTS[t])])) as Record<PlannerTerm, string>;

/** Seconds since `running` became true, ticking once a second, for the progress bar. */
function useElapsed(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => {
      clearInterval(timer);
      setElapsed(0);
    };
  }, [running]);
  return elapsed;
}

export function PlannerPage() {
  const hubs = useQuery({ queryKey: ['schools.hubs'], queryFn: () => invoke('schools.hubs', {}) });
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const map = useQuery({ queryKey: ['planner.map'], queryFn: () => invoke('planner.map', {}) });
  const form = useForm({ scope: 'unallocated' as ScopeKind, hubName: ALL_HUBS, leaver: '', from: '', timeLimit: '10', ...weightValues });
  const [result, setResult] = useState<PlanResult | null>(null);
  const [applied, setApplied] = useState<ApplyPlanResult | null>(null);
  const [running, setRunning] = useState(false);
  // Pinned schools keep the workers of the proposal they were pinned from in every later proposal.
  const [pins, setPins] = useState<ReadonlyMap<string, { namedId: string | null; secondaryId: string | null }>>(new Map());
  // The map shows the hub just planned, zoomed, and stays on it after the plan is applied.
  const [mapHub, setMapHub] = useState<string | null>(null);
  const run = useRef(0);
  const elapsed = useElapsed(running);

  const leavers = (people.data ?? []).filter((p) => p.role === 'fsw' && p.activeTo !== null);
  const hubOptions = (hubs.data ?? []).map((h) => ({ id: h, label: h }));
  const v = form.values;
  const scope = v.scope === 'all' ? { kind: 'all' as const }
    : v.scope === 'hub' ? { kind: 'hub' as const, hub: v.hubName === ALL_HUBS ? '' : v.hubName }
    : v.scope === 'leaver' ? { kind: 'leaver' as const, personId: v.leaver }
    : { kind: 'unallocated' as const, ...(v.hubName === ALL_HUBS ? {} : { hub: v.hubName }) };
  const input = {
    // Empty: today by LinkDesk's own clock, as the main process reads it.
    ...(v.from.trim() ? { from: v.from } : {}),
    scope,
    weights: Object.fromEntries(PLANNER_TERMS.map((t) => [t, Number(v[t])])),
    timeLimitSeconds: Number(v.timeLimit),
    pins: [...pins].map(([urn, p]) => ({ urn, ...p })),
  };
  const pin = (p: PlanProposal, on: boolean) =>
    setPins((all) => {
      const next = new Map(all);
      if (on) next.set(p.urn, { namedId: p.namedId, secondaryId: p.secondaryId });
      else next.delete(p.urn);
      return next;
    });

  const propose = async () => {
    // The schema would name these in its own terms; the screen says what to choose.
    if (v.scope === 'hub' && v.hubName === ALL_HUBS) return form.addIssues([{ path: 'scope.hub', message: 'Choose the hub to plan' }]);
    if (v.scope === 'leaver' && !v.leaver) return form.addIssues([{ path: 'scope.personId', message: 'Choose the leaver whose schools to plan' }]);
    if (!form.validate(PlanInput, input)) return;
    const mine = ++run.current;
    setRunning(true);
    setApplied(null);
    try {
      const answer = await invoke('planner.propose', input);
      if (run.current === mine) {
        setResult(answer);
        setMapHub('hub' in scope && scope.hub ? scope.hub : null);
      }
    } catch (error) {
      if (run.current === mine) form.fail(error);
    } finally {
      if (run.current === mine) setRunning(false);
    }
  };
  /** Stops waiting: the solver finishes in its thread within its time limit, and its answer is dropped. */
  const stopWaiting = () => {
    run.current++;
    setRunning(false);
  };

  const limit = Math.max(1, Number(v.timeLimit) || 1);
  return (
    <Page title="Planner" lead="Proposes the allocation of a set of schools that costs least by the team’s priorities, explains it, and applies it through the allocation rules.">
      <AllocationsNav />
      <FormShell form={form} onSubmit={propose} className="card form">
        <h2>What to plan</h2>
        <RadioGroup className="field radio-group" value={v.scope} onChange={(s) => form.set('scope', s as ScopeKind)} id={form.idOf('scope')}>
          <Label>Schools</Label>
          <Radio value="unallocated" className="radio"><span className="radio-circle" aria-hidden="true" />The unallocated ones (no named or no secondary link worker)</Radio>
          <Radio value="hub" className="radio"><span className="radio-circle" aria-hidden="true" />Every school of one hub</Radio>
          <Radio value="leaver" className="radio"><span className="radio-circle" aria-hidden="true" />A leaver’s schools</Radio>
          <Radio value="all" className="radio"><span className="radio-circle" aria-hidden="true" />Every open school the team serves</Radio>
        </RadioGroup>
        {v.scope === 'unallocated' || v.scope === 'hub' ? (
          <Select
            id={form.idOf('scope.hub')}
            label="Hub"
            value={v.hubName}
            onChange={(h) => form.set('hubName', h)}
            options={[...(v.scope === 'unallocated' ? [{ id: ALL_HUBS, label: 'Every hub' }] : [{ id: ALL_HUBS, label: 'Choose a hub' }]), ...hubOptions]}
          />
        ) : null}
        {v.scope === 'leaver' ? (
          <Select
            id={form.idOf('scope.personId')}
            label="Leaver"
            value={v.leaver}
            onChange={(id) => form.set('leaver', id)}
            options={[{ id: '', label: leavers.length ? 'Choose a worker' : 'No worker has a leaving date' }, ...leavers.map((p) => ({ id: p.id, label: `${p.name} (leaves ${formatDate(p.activeTo ?? '')})` }))]}
          />
        ) : null}
        <DateField {...form.field('from')} label="From" hint="The first day of the new allocation, for example 1/9/2026; leave it empty for today" />
        <fieldset className="fieldset weights">
          <legend className="field-label">Priorities: points for each unit of</legend>
          <p className="hint">0 ignores a priority; the higher, the more it counts. Arrow keys move a slider by half a point.</p>
          {PLANNER_TERMS.map((t) => <WeightSlider key={t} {...form.field(t)} label={TERM_LABELS[t]} />)}
          <Button type="button" className="button button-secondary" onPress={() => form.setValues({ ...form.values, ...weightValues })}>Reset the priorities</Button>
        </fieldset>
        <Field {...form.field('timeLimit')} id={form.idOf('timeLimitSeconds')} error={form.errorFor('timeLimitSeconds')} label="Time limit (seconds)" hint="How long the exact solver may search; 10 is plenty for a hub" width="short" />
        {pins.size ? (
          <p>
            {plural(pins.size, 'school')} pinned: the next proposal keeps {pins.size === 1 ? 'its' : 'their'} workers as proposed.{' '}
            <Button type="button" className="button button-secondary" onPress={() => setPins(new Map())}>Clear the pins</Button>
          </p>
        ) : null}
        <div className="actions">
          <Button type="submit" className="button" isDisabled={running}>{running ? 'Proposing…' : 'Propose'}</Button>
          {running ? <Button type="button" className="button button-secondary" onPress={stopWaiting}>Stop waiting</Button> : null}
        </div>
        {running ? (
          <ProgressBar className="progress" value={Math.min(elapsed, limit)} maxValue={limit} valueLabel={`${Math.min(elapsed, limit)} of ${limit} seconds`}>
            {({ percentage, valueText }) => (
              <>
                <Label className="progress-label">Solving: the quick answer first, then the exact solver within the time limit ({valueText}). You can use LinkDesk meanwhile.</Label>
                <span className="progress-track"><span className="progress-fill" style={{ width: `${percentage ?? 0}%` }} /></span>
              </>
            )}
          </ProgressBar>
        ) : null}
      </FormShell>

      {applied ? (
        <Notice title={`Plan applied: ${plural(applied.applied, 'school')} changed (${plural(applied.changedRoles, 'role')})`}>
          <p>The map below shows the allocation as saved. <Link to="/allocations">See the board</Link>.</p>
        </Notice>
      ) : null}

      {result && !applied ? (
        <>
          <PlanSummary result={result} />
          {result.proposals.length ? <PlanExplanation result={result} pinned={new Set(pins.keys())} onPin={pin} /> : null}
          <PlanLoads loads={result.loads} />
        </>
      ) : null}

      <section aria-labelledby="plan-map-heading" className="card">
        <h2 id="plan-map-heading">{result && !applied ? 'Map of the team’s schools with the plan' : 'Map of the team’s schools'}</h2>
        {map.data ? <PlanMap key={mapHub ?? ''} hub={mapHub} map={map.data} proposals={result && !applied ? result.proposals : null} /> : map.isError ? <p className="error-message">{map.error.message}</p> : <p>Loading the map…</p>}
      </section>

      {result && !applied && result.proposals.length ? (
        <ApplyPlan result={result} onApplied={(a) => { setApplied(a); setResult(null); setPins(new Map()); }} />
      ) : null}
    </Page>
  );
}
