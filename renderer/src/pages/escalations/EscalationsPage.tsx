import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { Link } from 'react-router';
import { CONCERN_LABELS } from '../../../../shared/domain/escalations.ts';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../format.ts';
import { ManagerClockText } from './ManagerClockText.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

export function EscalationsPage() {
  const [all, setAll] = useState(false);
  // The clock moves on: refresh every minute so "time left" and "overdue" stay true.
  const list = useQuery({ queryKey: ['escalations.list', all], queryFn: () => invoke('escalations.list', { which: all ? 'all' : 'open' }), refetchInterval: 60_000 });
  const overdue = list.data?.filter((e) => e.clock.state === 'overdue').length ?? 0;

  return (
    <Page title="Escalations" lead="The safeguarding escalation log. A manager must be told of a concern immediately and never later than 24 hours after it was raised.">
      <p className="page-actions">
        <Link className="button" to="/escalations/new">
          Log an escalation
        </Link>
      </p>
      {overdue > 0 ? (
        <p className="notice notice-warning" role="status">
          {overdue} {overdue === 1 ? 'escalation has' : 'escalations have'} no manager told within 24 hours.
        </p>
      ) : null}
      <Checkbox className="checkbox" isSelected={all} onChange={setAll}>
        <span className="checkbox-box" aria-hidden="true" />
        Show closed escalations too
      </Checkbox>
      {list.data && list.data.length > 0 ? (
        <TableScroll>
        <table className="table">
          <caption className="visually-hidden">{all ? 'All escalations' : 'Open escalations'}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Raised</th>
              <th scope="col">School</th>
              <th scope="col">Concern</th>
              <th scope="col">Manager</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map(({ current, clock, open }) => (
              <tr key={current.escalationId}>
                <td>
                  <Link to={`/escalations/${current.escalationId}`} aria-label={`Escalation raised ${formatDateTime(`${current.raisedAt}:00`)} at ${current.schoolName}`}>
                    {formatDateTime(`${current.raisedAt}:00`)}
                  </Link>
                </td>
                <td>{current.schoolName}</td>
                <td>{CONCERN_LABELS[current.concern]}</td>
                <td><ManagerClockText clock={clock} /></td>
                <td>{open ? 'Open' : `Closed ${formatDateTime(`${current.closedAt ?? ''}:00`)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : (
        <p>{all ? 'Nothing logged yet.' : 'No open escalations.'}</p>
      )}
    </Page>
  );
}
