/**
 * Each worker's load before and after the plan: a chart of named schools (before as an outlined,
 * hatched bar, after as a solid one, each with its figure written beside it, so neither colour
 * nor pattern alone carries it) and a table with every figure.
 */
import { TableScroll } from '../../../components/TableScroll.tsx';
import type { PlanWorkerLoad } from '../../../../../shared/domain/planner.ts';

const BAR = 14;
const ROW = 2 * BAR + 14;
const LABEL = 180;
const WIDTH = 680;

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : 'no change');

function LoadChart({ loads }: { loads: readonly PlanWorkerLoad[] }) {
  // Scaled to the loads, not the capacities, so a change of one school is visible; the table gives capacity.
  const max = Math.max(1, ...loads.flatMap((w) => [w.before.schools, w.after.schools]));
  const length = (n: number) => (n / max) * (WIDTH - LABEL - 60);
  const height = loads.length * ROW + 8;
  return (
    <svg className="load-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Named schools per worker before and after the plan. The table below gives the figures.">
      <defs>
        <pattern id="before-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1d70b8" strokeWidth="2" />
        </pattern>
      </defs>
      {loads.map((w, i) => {
        const y = i * ROW;
        return (
          <g key={w.id}>
            <text x={LABEL - 8} y={y + BAR + 4} textAnchor="end" className="chart-label">{w.name}</text>
            <rect x={LABEL} y={y} width={length(w.before.schools)} height={BAR} fill="url(#before-hatch)" stroke="#1d70b8" strokeWidth="1.5" />
            <text x={LABEL + length(w.before.schools) + 6} y={y + BAR - 3} className="chart-value">before {w.before.schools}</text>
            <rect x={LABEL} y={y + BAR + 2} width={length(w.after.schools)} height={BAR} className={w.after.schools > w.capacity ? 'bar bar-over' : 'bar'} />
            <text x={LABEL + length(w.after.schools) + 6} y={y + 2 * BAR - 1} className="chart-value">after {w.after.schools}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function PlanLoads({ loads }: { loads: readonly PlanWorkerLoad[] }) {
  const changed = loads.filter((w) => w.before.schools !== w.after.schools || w.before.secondary !== w.after.secondary);
  return (
    <section aria-labelledby="plan-loads-heading" className="card">
      <h2 id="plan-loads-heading">Each worker’s load, before and after</h2>
      <p className="muted">
        Hatched bars are the named schools now, solid bars with the plan; red is over the worker’s capacity. {changed.length} of{' '}
        {loads.length} workers’ loads change.
      </p>
      <LoadChart loads={loads} />
      <TableScroll className="table-scroller" label="Load per worker">
        <table className="table">
          <caption className="visually-hidden">Load per worker before and after the plan</caption>
          <thead>
            <tr>
              <th scope="col">Worker</th>
              <th scope="col">Hub</th>
              <th scope="col">Named schools (before → after)</th>
              <th scope="col">Capacity</th>
              <th scope="col">Secondary (before → after)</th>
              <th scope="col">Pupils (before → after)</th>
              <th scope="col">Enhanced support (before → after)</th>
              <th scope="col">Level 3 plans</th>
            </tr>
          </thead>
          <tbody>
            {loads.map((w) => (
              <tr key={w.id}>
                <th scope="row">{w.name}</th>
                <td>{w.hub ?? '–'}</td>
                <td>
                  {w.before.schools} → {w.after.schools} <span className="muted">({signed(w.after.schools - w.before.schools)})</span>
                  {w.after.schools > w.capacity ? <span className="tag tag-warning">Over capacity</span> : null}
                </td>
                <td>{w.capacity}</td>
                <td>{w.before.secondary} → {w.after.secondary}</td>
                <td>{w.before.pupils.toLocaleString('en-GB')} → {w.after.pupils.toLocaleString('en-GB')}</td>
                <td>{w.before.enhanced} → {w.after.enhanced}</td>
                <td>{w.level3Plans}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
