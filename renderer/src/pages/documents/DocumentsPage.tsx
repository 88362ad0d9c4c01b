import { useQuery } from '@tanstack/react-query';
import { MoreRows } from '../../components/MoreRows.tsx';
import { usePages } from '../../components/usePages.ts';
import { Link } from 'react-router';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { DocumentsTable } from './DocumentsTable.tsx';
import { MeetingRecordButton } from './MeetingRecordButton.tsx';
import { SpocListSection } from './SpocListSection.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

export function DocumentsPage() {
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });
  const producible = usePages(['documents.producible'], (offset) => invoke('documents.producible', { offset }));
  const teamFolder = team.data?.settings.teamFolder ?? '';

  return (
    <Page title="Documents" lead="Word meeting records of visits and consultations, saved in each school's folder, and the published Excel SPOC contact list.">
      {team.data && !teamFolder ? (
        <p className="notice notice-warning" role="status">
          Meeting records are saved in the team folder, which is not set yet: <Link to="/settings">set it in Settings</Link>.
        </p>
      ) : null}
      <section aria-labelledby="records-heading" className="card">
        <h2 id="records-heading">Meeting records</h2>
        {teamFolder ? <p className="muted">Saved in <code className="path">{teamFolder}</code>, in a folder per school.</p> : null}
        {producible.rows.length > 0 ? (
          <>
            <TableScroll>
            <table className="table">
              <caption className="visually-hidden">Visit records and consultations a Word record can be made from, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">School</th>
                  <th scope="col">Meeting</th>
                  <th scope="col"><span className="visually-hidden">Make the record</span></th>
                </tr>
              </thead>
              <tbody>
                {producible.rows.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDate(p.date)}</td>
                    <td>{p.school}</td>
                    <td>{p.kind === 'visit' ? 'SPOC visit' : 'Early Help Consultation'}</td>
                    <td><MeetingRecordButton kind={p.kind} id={p.id} ariaLabel={`Create the Word record of the ${p.kind === 'visit' ? 'visit' : 'consultation'} at ${p.school} on ${formatDate(p.date)}`} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
            </TableScroll>
            <MoreRows shown={producible.rows.length} total={producible.total} noun="meetings" hasMore={producible.hasMore} loading={producible.loadingMore} onMore={producible.more} />
          </>
        ) : producible.loaded ? (
          <p>No visit records or consultations yet.</p>
        ) : null}
      </section>
      <section aria-labelledby="made-heading" className="card">
        <h2 id="made-heading">Documents made</h2>
        <DocumentsTable caption="Documents made, newest first" />
      </section>
      <SpocListSection teamFolder={teamFolder} />
    </Page>
  );
}
