import { useQuery } from '@tanstack/react-query';
import { CATEGORY_LABELS, type SchoolCategory } from '../../../../shared/domain/schools.ts';
import type { LoadReport } from '../../../../shared/domain/allocations.ts';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { AllocationsNav } from './AllocationsNav.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 170;
const CHART_WIDTH = 640;

/** The most named schools before a worker's load counts as unfair: the team average plus the team's fairness percentage. */
const fairnessLimit = (report: LoadReport): number => report.average.schools * (1 + report.fairnessPercent / 100);

/** Named schools per worker against the team average and the fairness limit. The table below holds the same figures. */
function LoadChart({ report }: { report: LoadReport }) {
  const max = Math.max(1, ...report.workers.map((w) => Math.max(w.named, w.capacity)), report.average.schools * (1 + report.fairnessPercent / 100));
  const scale = (n: number) => LABEL_WIDTH + (n / max) * (CHART_WIDTH - LABEL_WIDTH - 40);
  const height = report.workers.length * (BAR_HEIGHT + GAP) + 30;
  const limit = fairnessLimit(report);
  const over = report.workers.filter((w) => w.named > limit).map((w) => w.name);
  const summary = `Named schools per worker; team average ${report.average.schools.toFixed(1)}, limit ${limit.toFixed(1)}. ${
    over.length ? `Above the limit: ${over.join(', ')}.` : 'Nobody is above the limit.'
  } The table below gives the figures.`;
  return (
    <svg className="load-chart" viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-label={summary}>
      {/* Red alone is no cue for everyone (WCAG 1.4.1): bars above the limit are also striped and say so. */}
      <defs>
        <pattern id="load-over-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" className="bar-over" />
          <line x1="0" y1="0" x2="0" y2="8" className="stripe" />
        </pattern>
      </defs>
      {report.workers.map((w, i) => {
        const y = i * (BAR_HEIGHT + GAP);
        const isOver = w.named > limit;
        return (
          <g key={w.id}>
            <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT * 0.72} textAnchor="end" className="chart-label">{w.name}</text>
            <rect x={LABEL_WIDTH} y={y} width={Math.max(0, scale(w.named) - LABEL_WIDTH)} height={BAR_HEIGHT} className={isOver ? 'bar bar-over-striped' : 'bar'} />
            <text x={scale(w.named) + 6} y={y + BAR_HEIGHT * 0.72} className="chart-value">{isOver ? `${w.named} ▲ above the limit` : w.named}</text>
          </g>
        );
      })}
      <line x1={scale(report.average.schools)} x2={scale(report.average.schools)} y1={0} y2={height - 24} className="average-line" />
      <text x={scale(report.average.schools)} y={height - 8} textAnchor="middle" className="chart-label">average {report.average.schools.toFixed(1)}</text>
    </svg>
  );
}

export function LoadPage() {
  const report = useQuery({ queryKey: ['allocations.load'], queryFn: () => invoke('allocations.load', {}) });
  const r = report.data;
  return (
    <Page title="Load" lead="Each active worker's schools as named link worker, against the team average and their capacity.">
      <AllocationsNav />
      {r ? (
        <>
          <section aria-labelledby="chart-heading" className="card">
            <h2 id="chart-heading">Named schools per worker</h2>
            <p className="muted">
              Bars striped in red and marked “above the limit” are more than {r.fairnessPercent}% above the team average ({r.average.schools.toFixed(1)} schools,{' '}
              {Math.round(r.average.pupils).toLocaleString('en-GB')} pupils among workers who hold schools).
            </p>
            <LoadChart report={r} />
          </section>
          <TableScroll>
          <table className="table">
            <caption className="visually-hidden">Load per worker</caption>
            <thead>
              <tr>
                <th scope="col">Worker</th>
                <th scope="col">Hub</th>
                <th scope="col">Named</th>
                <th scope="col">Capacity</th>
                <th scope="col">Secondary</th>
                <th scope="col">Pupils (named)</th>
                <th scope="col">APCs</th>
                <th scope="col">Categories (named)</th>
              </tr>
            </thead>
            <tbody>
              {r.workers.map((w) => (
                <tr key={w.id}>
                  <td>{w.name}</td>
                  <td>{w.hub ?? '–'}</td>
                  <td>
                    {w.named}
                    {w.named > fairnessLimit(r) ? <span className="tag tag-warning">Above the limit</span> : null}
                    {w.named > w.capacity ? <span className="tag tag-warning">Over capacity</span> : null}
                  </td>
                  <td>{w.capacity}</td>
                  <td>{w.secondary}</td>
                  <td>{w.pupils.toLocaleString('en-GB')}</td>
                  <td>{w.apcs}</td>
                  <td>
                    {(Object.entries(w.byCategory) as [SchoolCategory, number][]).map(([c, n]) => `${CATEGORY_LABELS[c]} ${n}`).join(', ') || '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        </>
      ) : null}
    </Page>
  );
}
