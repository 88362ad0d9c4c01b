import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { invoke } from '../api.ts';

/**
 * The set-up steps of a new team database, each ticked from what the database holds (so a step
 * done on its screen, by an import or on the command line ticks itself), each linking to the
 * screen that does it. Shown until every step that is not optional is done.
 */
export function FirstRunChecklist() {
  const list = useQuery({ queryKey: ['dashboard.firstRun'], queryFn: () => invoke('dashboard.firstRun', {}) });
  if (!list.data || list.data.complete) return null;
  const steps = list.data.steps;
  const done = steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="first-run-heading" className="card">
      <h2 id="first-run-heading">Set up your team database</h2>
      <p>
        {done} of {steps.length} steps done. Each step ticks itself when it is done.
      </p>
      <ol className="checklist">
        {steps.map((step, index) => (
          <li key={step.id} className={step.done ? 'checklist-done' : undefined}>
            <span className="checklist-mark" aria-hidden="true">
              {step.done ? '✓' : index + 1}
            </span>
            <span className="checklist-title">
              {step.title}
              <span className="visually-hidden">{step.done ? ': done' : ': to do'}</span>
            </span>
            <p className="checklist-detail">
              {step.detail} <Link to={step.link}>{step.action}</Link>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
