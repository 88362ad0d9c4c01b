import { CONNECTION_LABELS, type Connection } from '../../../shared/domain/people.ts';
import { formatDate } from '../format.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { TableScroll } from './TableScroll.tsx';

/** Declared connections, as team managers see them on a person or a school. Never published. */
interface ConnectionsTableProps {
  connections: Connection[];
  show: 'person' | 'school';
  /** When given, current connections get an "End" action that ends them today. */
  onEnd?: (connection: Connection) => Promise<unknown>;
}

export function ConnectionsTable({ connections, show, onEnd }: ConnectionsTableProps) {
  if (connections.length === 0) return <p>No connections declared.</p>;
  return (
    <TableScroll>
    <table className="table">
      <caption className="visually-hidden">Declared connections</caption>
      <thead>
        <tr>
          <th scope="col">{show === 'person' ? 'Worker' : 'School'}</th>
          <th scope="col">Connection</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Recorded</th>
          {onEnd ? <th scope="col">Action</th> : null}
        </tr>
      </thead>
      <tbody>
        {connections.map((c) => (
          <tr key={c.id}>
            <td>{show === 'person' ? c.personName : `${c.schoolName} (${c.urn})`}</td>
            <td>
              {CONNECTION_LABELS[c.kind]}
              {c.otherText ? `: ${c.otherText}` : ''}
            </td>
            <td>{formatDate(c.from)}</td>
            <td>{c.to ? formatDate(c.to) : 'Current'}</td>
            <td>
              {formatDate(c.recordedAt)} by {c.recordedBy}
            </td>
            {onEnd ? (
              <td>
                {c.to === null ? (
                  <ConfirmButton
                    label={`End connection to ${c.schoolName}`}
                    buttonText="End"
                    title="End this declared connection?"
                    confirmLabel="End it today"
                    onConfirm={() => onEnd(c).then(() => undefined)}
                  >
                    <p>
                      {CONNECTION_LABELS[c.kind]}: {c.schoolName}. It stays on record with today as its end date.
                    </p>
                  </ConfirmButton>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
