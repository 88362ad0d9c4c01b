import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { Link } from 'react-router';
import type { BoardRow } from '../../../../shared/domain/allocations.ts';
import { CATEGORY_LABELS, SCHOOL_CATEGORIES, type SchoolCategory } from '../../../../shared/domain/schools.ts';
import { filterBySearch } from '../../../../shared/domain/search.ts';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import { plural } from '../../format.ts';
import { AllocationsNav } from './AllocationsNav.tsx';

const ALL = 'all';
const unallocated = <span className="tag tag-warning">To be allocated</span>;

export function BoardPage() {
  const [hub, setHub] = useState<string>(ALL);
  const [category, setCategory] = useState<SchoolCategory | typeof ALL>(ALL);
  const [search, setSearch] = useState('');
  const hubs = useQuery({ queryKey: ['schools.hubs'], queryFn: () => invoke('schools.hubs', {}) });
  const filter = { ...(hub === ALL ? {} : { hub }), ...(category === ALL ? {} : { category }) };
  const rows = useQuery({ queryKey: ['allocations.board', filter], queryFn: () => invoke('allocations.board', filter) });
  const columns: Column<BoardRow>[] = [
    { key: 'school', header: 'School', width: '30%', render: (r) => <Link to={`/allocations/${r.urn}`} aria-label={`Allocate ${r.name}`}>{r.name}</Link> },
    { key: 'category', header: 'Category', render: (r) => CATEGORY_LABELS[r.category] },
    { key: 'hub', header: 'Hub', render: (r) => r.hub ?? '–' },
    { key: 'named', header: 'Named link worker (SPOC)', render: (r) => r.named?.name ?? unallocated },
    { key: 'secondary', header: 'Secondary link worker', render: (r) => r.secondary?.name ?? unallocated },
  ];
  // The board holds every open school already: it is filtered here, folded as the register's search is.
  const data = filterBySearch(rows.data ?? [], search, (r) => [r.name, r.urn, r.hub ?? '', r.named?.name ?? '', r.secondary?.name ?? ''].join(' '));
  const open = data.filter((r) => !r.named || !r.secondary).length;
  return (
    <Page title="Allocations">
      <AllocationsNav />
      <div className="filters" role="search" aria-label="Find schools on the board">
        <SearchField className="field search-field" value={search} onChange={setSearch}>
          <Label>Find a school or worker</Label>
          <Input placeholder="School, URN or link worker" />
        </SearchField>
        <Select label="Hub" value={hub} onChange={setHub} options={[{ id: ALL, label: 'All hubs' }, ...(hubs.data ?? []).map((h) => ({ id: h, label: h }))]} />
        <Select
          label="Category"
          value={category}
          onChange={setCategory}
          options={[{ id: ALL, label: 'All categories' }, ...SCHOOL_CATEGORIES.map((c) => ({ id: c, label: CATEGORY_LABELS[c] }))]}
        />
      </div>
      <p className="result-count" role="status">
        {rows.isPending ? 'Loading…' : `${plural(data.length, 'open school')}${search.trim() ? (data.length === 1 ? ' matches' : ' match') : ''}; ${open} missing a named or secondary link worker`}
      </p>
      {data.length > 0 ? <VirtualTable caption="Schools and their link workers, unallocated first" rows={data} columns={columns} rowKey={(r) => r.urn} /> : null}
    </Page>
  );
}
