import { CONNECTION_LABELS, type Connection } from '../../../shared/domain/people.ts';
import { formatDate } from '../format.ts';

/** Declared connections, as team managers see them on a person or a school. Never published. */
export function ConnectionsTable({ connections, show }: { connections: Connection[]; show: 'person' | 'school' }) {
  if (connections.length === 0) return <p>No connections declared.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Declared connections</caption>
      <thead>
        <tr>
          <th scope="col">{show === 'person' ? 'Worker' : 'School'}</th>
          <th scope="col">Connection</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Recorded</th>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
