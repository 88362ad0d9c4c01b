import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Checkbox, Input, Label, SearchField } from 'react-aria-components';
import { Link } from 'react-router';
import { LEVEL3_PLANS_NORM, ROLE_LABELS } from '../../../../shared/domain/people.ts';
import { filterBySearch } from '../../../../shared/domain/search.ts';
import { invoke } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

export function PeoplePage() {
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });
  const [showInactive, setShowInactive] = useState(false);
  const [search, setSearch] = useState('');
  const listed = (people.data ?? []).filter((p) => showInactive || p.active);
  // Folded as the register's search is: "obrien" finds O’Brien, "sian" finds Siân.
  const rows = filterBySearch(listed, search, (p) => [p.name, p.email ?? '', p.hub ?? '', ROLE_LABELS[p.role]].join(' '));
  return (
    <Page title="People">
      <div className="page-actions">
        <Link className="button" to="/people/new">
          Add a person
        </Link>
        <Link className="button button-secondary" to="/people/import">
          Import people
        </Link>
        <Link className="button button-secondary" to="/people/import-connections">
          Import declared connections
        </Link>
      </div>
      <div className="filters" role="search" aria-label="Find people">
        <SearchField className="field search-field" value={search} onChange={setSearch}>
          <Label>Find a person</Label>
          <Input placeholder="Name, email, hub or role" />
        </SearchField>
        <Checkbox className="checkbox filter-checkbox" isSelected={showInactive} onChange={setShowInactive}>
          <span className="checkbox-box" aria-hidden="true" />
          Show people who have left
        </Checkbox>
      </div>
      <p className="result-count" role="status">
        {listed.length > 0 && search.trim() ? (rows.length === 1 ? '1 person matches' : `${rows.length} people match`) : ''}
      </p>
      {listed.length > 0 && rows.length === 0 ? (
        <p>Nobody matches. Try fewer letters{showInactive ? '' : ', or show people who have left'}.</p>
      ) : rows.length === 0 ? (
        <p>
          {people.isPending ? (
            'Loading…'
          ) : (
            <>
              Nobody yet. Add the team’s workers one by one, or <Link to="/people/import">import them from a spreadsheet</Link>.
            </>
          )}
        </p>
      ) : (
        <TableScroll>
        <table className="table">
          <caption className="visually-hidden">The team’s workers</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Hub</th>
              <th scope="col">Capacity</th>
              <th scope="col">Level 3 plans</th>
              <th scope="col">Declared connections</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/people/${p.id}`}>{p.name}</Link>
                </td>
                <td>{ROLE_LABELS[p.role]}</td>
                <td>{p.hub ?? '–'}</td>
                <td>{p.capacity ?? `${team.data?.settings.defaultCapacity ?? ''} (team default)`}</td>
                <td>
                  {p.level3Plans}
                  {p.level3Plans > LEVEL3_PLANS_NORM ? <span className="tag tag-warning">Above {LEVEL3_PLANS_NORM}</span> : null}
                </td>
                <td>{p.connections}</td>
                <td>{p.active ? 'Active' : p.activeTo ? `Left ${formatDate(p.activeTo)}` : `Starts ${formatDate(p.activeFrom)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </Page>
  );
}
