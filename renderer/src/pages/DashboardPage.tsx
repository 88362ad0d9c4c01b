import { useQuery } from '@tanstack/react-query';
import { describeAudit } from '../../../shared/domain/audit-words.ts';
import { invoke } from '../api.ts';
import { HistoryWarnings } from '../components/HistoryWarnings.tsx';
import { Page } from '../components/Page.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { DashboardItems } from './DashboardItems.tsx';
import { FirstRunChecklist } from './FirstRunChecklist.tsx';
import { TableScroll } from '../components/TableScroll.tsx';

export function DashboardPage() {
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });
  const audit = useQuery({ queryKey: ['audit', 20], queryFn: () => invoke('audit.list', { limit: 20 }) });
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => invoke('app.info', {}) });
  return (
    <Page title="Dashboard">
      <HistoryWarnings findings={info.data?.session?.integrityWarnings ?? []} id="history-warning-heading" />
      <FirstRunChecklist />
      <DashboardItems />
      {team.data ? (
        <section aria-labelledby="team-heading" className="card">
          <h2 id="team-heading">{team.data.settings.teamName}</h2>
          <dl className="summary-list">
            <dt>Local authority</dt>
            <dd>{team.data.settings.localAuthority}</dd>
            <dt>Database file</dt>
            <dd className="path">{info.data?.session?.path}</dd>
            <dt>Created</dt>
            <dd>
              {formatDate(team.data.createdAt)} by {team.data.createdBy}
            </dd>
            <dt>Locks itself after</dt>
            <dd>{team.data.settings.idleLockMinutes} minutes without activity</dd>
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent changes</h2>
        {audit.data && audit.data.length > 0 ? (
          <TableScroll>
          <table className="table">
            <caption className="visually-hidden">The latest changes to this team database, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td>{describeAudit(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        ) : (
          <p>No changes yet.</p>
        )}
      </section>
    </Page>
  );
}
