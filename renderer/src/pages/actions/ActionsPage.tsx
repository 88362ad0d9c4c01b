import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { ActionsTable } from './ActionsTable.tsx';

type Show = 'open' | 'overdue' | 'done' | 'all';
const SHOW_LABELS: Record<Show, string> = { open: 'Open', overdue: 'Overdue', done: 'Done', all: 'Open and done' };

/** Every action to close, from visit records, consultations, contact follow-ups and escalations. */
export function ActionsPage() {
  const [show, setShow] = useState<Show>('open');
  const [owner, setOwner] = useState('anyone');
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const dashboard = useQuery({ queryKey: ['dashboard.get'], queryFn: () => invoke('dashboard.get', {}) });
  const today = dashboard.data?.today;
  const query = {
    state: show === 'overdue' ? 'open' : show,
    ...(show === 'overdue' && today ? { dueBefore: today } : {}),
    ...(owner === 'nobody' ? { unowned: true } : owner !== 'anyone' ? { ownerId: owner } : {}),
  } as const;
  const list = useQuery({ queryKey: ['actions.list', query], queryFn: () => invoke('actions.list', query), enabled: show !== 'overdue' || Boolean(today) });
  const owners = [
    { id: 'anyone', label: 'Anyone' },
    { id: 'nobody', label: 'Nobody yet' },
    ...(people.data ?? []).map((p) => ({ id: p.id, label: p.active ? p.name : `${p.name} (left)` })),
  ];
  return (
    <Page title="Actions" lead="Every action to close: from visit records, consultations, contact follow-ups and escalation outcomes to chase. An action stays open until someone marks it done.">
      <div className="filters" role="group" aria-label="Filter the actions">
        <Select label="Show" value={show} options={(Object.keys(SHOW_LABELS) as Show[]).map((id) => ({ id, label: SHOW_LABELS[id] }))} onChange={setShow} />
        <Select label="Owner" value={owner} options={owners} onChange={setOwner} />
      </div>
      {list.data ? (
        <>
          <p role="status">
            {list.data.length} {list.data.length === 1 ? 'action' : 'actions'}
            {list.data.length === 500 ? ' (the first 500)' : ''}
          </p>
          <ActionsTable actions={list.data} today={today ?? ''} caption={`${SHOW_LABELS[show]} actions, earliest due first`} />
        </>
      ) : null}
    </Page>
  );
}
