import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ROLE_NAMES, type AllocationPeriod } from '../../../../shared/domain/allocations.ts';
import { KIND_LABELS } from '../../../../shared/domain/dashboard.ts';
import { invoke } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { ActionsTable } from '../actions/ActionsTable.tsx';

/** A worker's week: the schools they hold now, what is due at them, and the open actions they own. */
export function PersonWork({ personId, held }: { personId: string; held: AllocationPeriod[] }) {
  const current = held.filter((p) => p.to === null);
  const urns = new Set(current.map((p) => p.urn));
  const dashboard = useQuery({ queryKey: ['dashboard.get'], queryFn: () => invoke('dashboard.get', {}) });
  const actions = useQuery({ queryKey: ['actions.list', { ownerId: personId }], queryFn: () => invoke('actions.list', { ownerId: personId }) });
  // Their own actions are listed below; here, the rest of what is due at their schools.
  const due = dashboard.data ? [...dashboard.data.overdue, ...dashboard.data.thisWeek].filter((i) => urns.has(i.urn) && !i.actionId) : [];
  return (
    <>
      <section aria-labelledby="schools-now-heading" className="card">
        <h2 id="schools-now-heading">Their schools ({current.length})</h2>
        {current.length === 0 ? (
          <p>No schools at present.</p>
        ) : (
          <ul>
            {current.map((p) => (
              <li key={p.id}>
                <Link to={`/schools/${p.urn}`}>{p.schoolName}</Link> <span className="muted">· {ROLE_NAMES[p.role]} from {formatDate(p.from)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="due-heading" className="card">
        <h2 id="due-heading">Due at their schools ({due.length})</h2>
        {due.length === 0 ? (
          <p>Nothing overdue or due in the next seven days.</p>
        ) : (
          <ul className="dashboard-list">
            {due.map((item) => (
              <li key={`${item.kind}-${item.link}`}>
                <Link to={item.link}>
                  {KIND_LABELS[item.kind]}: {item.school}
                </Link>
                <span className="muted">
                  {item.due ? ` · due ${formatDate(item.due)}` : ''}
                  {item.detail ? ` · ${item.detail}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="actions-heading" className="card">
        <h2 id="actions-heading">Their open actions ({actions.data?.length ?? 0})</h2>
        {actions.data ? <ActionsTable actions={actions.data} today={dashboard.data?.today ?? ''} caption="Their open actions, earliest due first" showOwner={false} /> : null}
      </section>
    </>
  );
}
