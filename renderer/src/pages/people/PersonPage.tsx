import { formatDate, todayLocal } from '../../format.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { invoke } from '../../api.ts';
import { ConnectionsTable } from '../../components/ConnectionsTable.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { AllocationHistory } from '../allocations/AllocationHistory.tsx';
import { DeclareConnectionForm } from './DeclareConnectionForm.tsx';
import { DeclarationsSection } from './DeclarationsSection.tsx';
import { PersonForm } from './PersonForm.tsx';
import { HandoverSection } from './HandoverSection.tsx';
import { PersonWork } from './PersonWork.tsx';

export function PersonPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['people.get', id], queryFn: () => invoke('people.get', { id }) });
  const held = useQuery({ queryKey: ['allocations.workerHistory', id], queryFn: () => invoke('allocations.workerHistory', { personId: id }) });
  const [saved, setSaved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => /^(people|schools)/.test(String(q.queryKey[0])) });
  if (detail.isError) return <Page title="Person not found" lead={detail.error.message} />;
  if (!detail.data) return <Page title="Person" />;
  const { person, connections, warnings, active } = detail.data;
  return (
    <Page title={person.name} lead={active ? undefined : `Not active${person.activeTo ? ` since ${formatDate(person.activeTo)}` : ''}.`}>
      <p>
        <Link to="/people">All people</Link>
      </p>
      {warnings.map((w) => (
        <Notice key={w} kind="warning" title="Check this">
          <p>{w}</p>
        </Notice>
      ))}
      <PersonWork personId={person.id} held={held.data ?? []} />
      <HandoverSection personId={person.id} personName={person.name} />
      <section aria-labelledby="held-heading" className="card">
        <h2 id="held-heading">Allocation history</h2>
        <AllocationHistory periods={held.data ?? []} show="school" />
      </section>
      <section aria-labelledby="connections-heading" className="card">
        <h2 id="connections-heading">Declared connections</h2>
        <p className="muted">Personal connections to schools: they drive the allocation checks and are never published.</p>
        <ConnectionsTable
          connections={connections}
          show="school"
          onEnd={(c) => invoke('connections.end', { id: c.id, to: todayLocal() }).then(refresh)}
        />
        <DeclareConnectionForm personId={person.id} onSaved={refresh} />
      </section>
      <DeclarationsSection personId={person.id} hasConnections={connections.some((c) => c.to === null || c.to >= todayLocal())} />
      <section aria-labelledby="details-heading" className="card">
        <h2 id="details-heading">Details</h2>
        {saved ? <Notice title="Saved" /> : null}
        <PersonForm
          key={JSON.stringify(person)}
          person={person}
          submitLabel="Save changes"
          onSubmit={async (fields) => {
            setSaved(false);
            await invoke('people.update', { id: person.id, fields });
            setSaved(true);
            await refresh();
          }}
        />
      </section>
    </Page>
  );
}
