import { ROLE_NAMES, type AllocationPeriod } from '../../../../shared/domain/allocations.ts';
import { formatDate } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

/** Who held which role when, and why: the school's or the worker's allocation history. */
export function AllocationHistory({ periods, show }: { periods: AllocationPeriod[]; show: 'person' | 'school' }) {
  if (periods.length === 0) return <p>No allocations yet.</p>;
  return (
    <TableScroll>
    <table className="table">
      <caption className="visually-hidden">Allocation history, newest first</caption>
      <thead>
        <tr>
          <th scope="col">{show === 'person' ? 'Worker' : 'School'}</th>
          <th scope="col">Role</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Allocated</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {periods.map((p) => (
          <tr key={p.id}>
            <td>{show === 'person' ? p.personName : p.schoolName}</td>
            <td>{ROLE_NAMES[p.role]}</td>
            <td>{formatDate(p.from)}</td>
            <td>{p.to ? formatDate(p.to) : 'Current'}</td>
            <td>
              {formatDate(p.allocatedAt)} by {p.allocatedBy}
            </td>
            <td>
              {p.reason ?? ''}
              {p.overrideReason ? <span className="override"> Warnings accepted: {p.overrideReason}</span> : null}
              {p.countyAgreedOn ? <span className="override"> Agreed at county level on {formatDate(p.countyAgreedOn)} by {p.countyAgreedBy}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
