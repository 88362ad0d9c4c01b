import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Button, Checkbox, Input, Label, SearchField } from 'react-aria-components';
import { Link } from 'react-router';
import { CATEGORY_LABELS, SCHOOL_CATEGORIES, SCHOOL_STATUSES, STATUS_LABELS, type SchoolCategory, type SchoolStatus, type SchoolSummary } from '../../../../shared/domain/schools.ts';
import { invoke } from '../../api.ts';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { usePages } from '../../components/usePages.ts';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import { tableWindow } from '../../components/tablePages.ts';
import { plural } from '../../format.ts';
import { BulkEditSection } from './BulkEditSection.tsx';

type Sort = 'name' | 'urn' | 'town' | 'pupils' | 'category';
const ALL = 'all';

export function SchoolsPage() {
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<SchoolCategory | typeof ALL>(ALL);
  const [status, setStatus] = useState<SchoolStatus | 'current' | typeof ALL>('current');
  const [hub, setHub] = useState<string>(ALL);
  const [enhancedOnly, setEnhancedOnly] = useState(false);
  const [sort, setSort] = useState<{ by: Sort; descending: boolean }>({ by: 'name', descending: false });
  // Ticked schools, kept while the search and filters change, so a selection can be built up from several searches.
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const [changed, setChanged] = useState<string | null>(null);
  const deferredSearch = useDeferredValue(search);
  const hubs = useQuery({ queryKey: ['schools.hubs'], queryFn: () => invoke('schools.hubs', {}) });
  const query = {
    search: deferredSearch,
    categories: category === ALL ? [] : [category],
    statuses: status === ALL ? [] : status === 'current' ? SCHOOL_STATUSES.filter((s) => s !== 'closed') : [status],
    ...(hub === ALL ? {} : { hub: hub === 'none' ? '' : hub }),
    enhancedOnly,
    sort: sort.by,
    descending: sort.descending,
  };
  // A page at a time: the next page loads as the table is scrolled (or tabbed) near its end.
  const schools = usePages(['schools.list', query], (offset) => invoke('schools.list', { ...query, offset, limit: 100 }));

  const sortable = (by: Sort): Pick<Column<SchoolSummary>, 'sort' | 'onSort'> => ({
    sort: sort.by === by ? (sort.descending ? 'descending' : 'ascending') : 'none',
    onSort: () => setSort((s) => ({ by, descending: s.by === by ? !s.descending : false })),
  });
  const choose = (picked: SchoolSummary[], on: boolean) =>
    setChosen((current) => {
      const next = new Map(current);
      for (const s of picked) {
        if (on) next.set(s.urn, s.name);
        else next.delete(s.urn);
      }
      return next;
    });
  // A list over 500 rows pages (tablePages.ts): "shown" is the page in view, and a new search starts at its first page.
  const listKey = JSON.stringify(query);
  const [paging, setPaging] = useState({ listKey, page: 0 });
  const page = paging.listKey === listKey ? paging.page : 0;
  const view = tableWindow(Math.max(schools.total, schools.rows.length), page);
  const shown = schools.rows.slice(view.start, view.end);
  const allShownChosen = shown.length > 0 && shown.every((s) => chosen.has(s.urn));
  const chosenHidden = [...chosen.keys()].filter((urn) => !shown.some((s) => s.urn === urn)).length;
  const columns: Column<SchoolSummary>[] = [
    {
      key: 'select', header: 'Select', width: '5rem',
      render: (s) => (
        <Checkbox className="checkbox table-checkbox" aria-label={`Select ${s.name}`} isSelected={chosen.has(s.urn)} onChange={(on) => choose([s], on)}>
          <span className="checkbox-box" aria-hidden="true" />
        </Checkbox>
      ),
    },
    {
      key: 'name', header: 'School', ...sortable('name'), width: '34%',
      render: (s) => (
        <>
          <Link to={`/schools/${s.urn}`}>{s.name}</Link>
          {s.enhanced ? <span className="tag tag-info">Enhanced support</span> : null}
          {s.closedInGiasOn ? <span className="tag tag-warning">Closed in GIAS</span> : null}
        </>
      ),
    },
    { key: 'urn', header: 'URN', ...sortable('urn'), render: (s) => s.urn },
    { key: 'category', header: 'Category', ...sortable('category'), render: (s) => CATEGORY_LABELS[s.category] },
    { key: 'town', header: 'Town', ...sortable('town'), render: (s) => [s.town, s.postcode].filter(Boolean).join(', ') },
    { key: 'hub', header: 'Hub', render: (s) => s.hub ?? '–' },
    { key: 'pupils', header: 'Pupils', ...sortable('pupils'), render: (s) => s.pupils?.toLocaleString('en-GB') ?? '–' },
    { key: 'status', header: 'Status', render: (s) => STATUS_LABELS[s.status] },
  ];

  const total = schools.total;
  return (
    <Page title="Schools">
      <div className="page-actions">
        <Link className="button" to="/schools/import">
          Import from GIAS
        </Link>
        <Link className="button button-secondary" to="/schools/import-hubs">
          Import hubs
        </Link>
        <Link className="button button-secondary" to="/schools/new">
          Add a school
        </Link>
      </div>
      <div className="filters" role="search" aria-label="Find schools">
        <SearchField className="field search-field" value={search} onChange={setSearch}>
          <Label>Search</Label>
          <Input placeholder="Name, URN, town or postcode" />
        </SearchField>
        <Select
          label="Category"
          value={category}
          onChange={setCategory}
          options={[{ id: ALL, label: 'All categories' }, ...SCHOOL_CATEGORIES.map((c) => ({ id: c, label: CATEGORY_LABELS[c] }))]}
        />
        <Select
          label="Status"
          value={status}
          onChange={setStatus}
          options={[
            { id: 'current', label: 'Open or proposed' },
            { id: ALL, label: 'All, with closed' },
            ...SCHOOL_STATUSES.map((s) => ({ id: s, label: STATUS_LABELS[s] })),
          ]}
        />
        <Select
          label="Hub"
          value={hub}
          onChange={setHub}
          options={[{ id: ALL, label: 'All hubs' }, ...(hubs.data ?? []).map((h) => ({ id: h, label: h })), { id: 'none', label: 'No hub yet' }]}
        />
        <Checkbox className="checkbox filter-checkbox" isSelected={enhancedOnly} onChange={setEnhancedOnly}>
          <span className="checkbox-box" aria-hidden="true" />
          Enhanced support only
        </Checkbox>
      </div>
      <p className="result-count" role="status">
        {schools.pending ? 'Loading schools…' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'school' : 'schools'}`}
      </p>
      {changed ? <Notice title={changed} /> : null}
      {shown.length > 0 ? (
        <div className="selection-bar">
          <p role="status">
            {/* Worded without 'schools': the count of the list above is the status that says how many schools match. */}
            Selected: {chosen.size === 0 ? 'none' : `${chosen.size}${chosenHidden ? `, ${chosenHidden} of them not in the list shown` : ''}`}.
          </p>
          <Button className="button button-secondary" onPress={() => choose(shown, !allShownChosen)}>
            {allShownChosen ? `Unselect the ${plural(shown.length, 'school')} shown` : `Select all ${plural(shown.length, 'school')} shown`}
          </Button>
          {chosen.size > 0 ? (
            <Button className="button button-secondary" onPress={() => setChosen(new Map())}>
              Clear the selection
            </Button>
          ) : null}
        </div>
      ) : null}
      {chosen.size > 0 ? <BulkEditSection chosen={chosen} hubs={hubs.data ?? []} onDone={(message) => { setChanged(message); setChosen(new Map()); }} /> : null}
      {schools.rows.length > 0 ? (
        <VirtualTable caption="Schools, sorted as chosen above" rows={schools.rows} totalRows={total} onNearEnd={schools.more} page={page} onPage={(p) => setPaging({ listKey, page: p })} columns={columns} rowKey={(s) => s.urn} />
      ) : schools.loaded ? (
        <p>No schools match. {total === 0 && !search ? 'Import the GIAS file to fill the register.' : 'Try fewer words or other filters.'}</p>
      ) : null}
    </Page>
  );
}
