import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ROLE_NAMES, type BoardRow } from '../../../../shared/domain/allocations.ts';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { AllocationsNav } from './AllocationsNav.tsx';

function SchoolList({ rows, empty }: { rows: BoardRow[]; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {rows.map((r) => (
        <li key={r.urn}>
          <Link to={`/allocations/${r.urn}`}>{r.name}</Link> ({r.hub ?? 'no hub'})
        </li>
      ))}
    </ul>
  );
}

export function GapsPage() {
  const gaps = useQuery({ queryKey: ['allocations.gaps'], queryFn: () => invoke('allocations.gaps', {}) });
  const g = gaps.data;
  return (
    <Page title="Coverage gaps">
      <AllocationsNav />
      {g ? (
        <>
          <section aria-labelledby="no-named" className="card">
            <h2 id="no-named">Schools without a named link worker ({g.withoutNamed.length})</h2>
            <SchoolList rows={g.withoutNamed} empty="Every open school has a named link worker." />
          </section>
          <section aria-labelledby="no-secondary" className="card">
            <h2 id="no-secondary">Schools without a secondary link worker ({g.withoutSecondary.length})</h2>
            <SchoolList rows={g.withoutSecondary} empty="Every open school has a secondary link worker." />
          </section>
          <section aria-labelledby="conflicts" className="card">
            <h2 id="conflicts">Link workers whose own child attends the school ({g.inConflict.length})</h2>
            {g.inConflict.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul>
                {g.inConflict.map((p) => (
                  <li key={p.id}>
                    <Link to={`/allocations/${p.urn}`}>{p.schoolName}</Link>: {p.personName}, {ROLE_NAMES[p.role]}. Reallocate it.
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="leavers" className="card">
            <h2 id="leavers">Allocations held by people who have left ({g.heldByLeavers.length})</h2>
            {g.heldByLeavers.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul>
                {g.heldByLeavers.map((p) => (
                  <li key={p.id}>
                    <Link to={`/allocations/${p.urn}`}>{p.schoolName}</Link>: {p.personName}, {ROLE_NAMES[p.role]} since {formatDate(p.from)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
