import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import type { AllocationPeriod, AllocationRole } from '../../../../shared/domain/allocations.ts';
import { CATEGORY_LABELS, REASON_LABELS, STATUS_LABELS } from '../../../../shared/domain/schools.ts';
import { invoke } from '../../api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ConnectionsTable } from '../../components/ConnectionsTable.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDate, todayLocal } from '../../format.ts';
import { AllocationHistory } from '../allocations/AllocationHistory.tsx';
import { ContactLogSection } from './ContactLogSection.tsx';
import { SchoolTimeline } from './SchoolTimeline.tsx';
import { EnhancedSupportSection } from './EnhancedSupportSection.tsx';
import { InsetDaysSection } from './InsetDaysSection.tsx';
import { SchoolScopeSection } from './SchoolScopeSection.tsx';
import { TeamFieldsSection } from './TeamFieldsSection.tsx';

/** Who holds a role today: the period that has started and not ended. */
const currentOf = (periods: AllocationPeriod[], role: AllocationRole, today: string) => periods.find((p) => p.role === role && p.from <= today && (!p.to || p.to >= today)) ?? null;

/**
 * A school's page opens on what the team needs first: the school at a glance and its story, newest
 * first. The forms (a contact, the team's fields, enhanced support, INSET days, scope) open on demand.
 */
export function SchoolPage() {
  const { urn = '' } = useParams();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['schools.get', urn], queryFn: () => invoke('schools.get', { urn }) });
  const history = useQuery({ queryKey: ['allocations.schoolHistory', urn], queryFn: () => invoke('allocations.schoolHistory', { urn }) });
  // The timeline's key starts with 'schools' too: a closure or a flag changes it.
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('schools') });
  if (detail.isError) return <Page title="School not found" lead={detail.error.message} />;
  if (!detail.data) return <Page title="School" />;
  const { school, connections } = detail.data;
  const address = [school.street, school.locality, school.address3, school.town, school.county, school.postcode].filter(Boolean).join(', ');
  const facts: [string, string | null][] = [
    ['URN', school.urn],
    ['Category', CATEGORY_LABELS[school.category]],
    ['Type of establishment', school.establishmentType],
    ['Phase', school.phase],
    ['Status', STATUS_LABELS[school.status] + (school.closedOn ? ` (closed ${formatDate(school.closedOn)})` : '')],
    ['Local authority', `${school.laName} (${school.laCode})`],
    ['Address', address || null],
    ['Telephone', school.phone],
    ['Website', school.website],
    ['Head teacher', school.headTeacher],
    ['Pupils', school.pupils?.toLocaleString('en-GB') ?? null],
    ['Easting, northing', school.easting !== null && school.northing !== null ? `${school.easting}, ${school.northing}` : null],
    ['Source', school.source === 'gias' ? `GIAS, last changed by an import on ${school.giasImportedAt ? formatDate(school.giasImportedAt) : ''}` : 'Added by hand'],
  ];
  const today = todayLocal();
  const spoc = currentOf(history.data ?? [], 'named', today);
  const secondary = currentOf(history.data ?? [], 'secondary', today);
  const glance: [string, string][] = [
    ['Category', CATEGORY_LABELS[school.category]],
    ['Status', STATUS_LABELS[school.status] + (school.closedOn ? ` (closed ${formatDate(school.closedOn)})` : '')],
    ['SPOC (named link worker)', spoc?.personName ?? 'None'],
    ['Secondary link worker', secondary?.personName ?? 'None'],
    ['Area or hub', school.hub ?? '–'],
    ['DSL', [school.dslName, school.dslEmail].filter(Boolean).join(', ') || '–'],
    ['Pupils', school.pupils?.toLocaleString('en-GB') ?? '–'],
    ['Served by the team', school.inScope ? 'Yes' : 'No'],
    ['Enhanced support', school.enhancedSupport ? `Yes, since ${formatDate(school.enhancedSupport.setOn)}: ${school.enhancedSupport.reasons.map((r) => REASON_LABELS[r]).join('; ')}` : 'No'],
  ];
  return (
    <Page title={school.name}>
      <p>
        <Link to="/schools">All schools</Link>
      </p>
      {school.closedInGiasOn ? (
        <Notice kind="warning" title={`GIAS lists this school as closed (found ${formatDate(school.closedInGiasOn)})`}>
          <p>Check its link workers and any open work, then mark this as dealt with.</p>
          <Button
            className="button button-secondary"
            onPress={() => void invoke('schools.acknowledgeClosure', { urn }).then(refresh)}
          >
            Mark as dealt with
          </Button>
        </Notice>
      ) : null}
      <section aria-labelledby="glance-heading" className="card">
        <h2 id="glance-heading">At a glance</h2>
        <dl className="summary-list">
          {glance.map(([label, value]) => (
            <div key={label} className="summary-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {school.status !== 'closed' ? (
          <p className="glance-actions">
            <Link to={`/allocations/${school.urn}`}>Change the link workers</Link>
          </p>
        ) : null}
      </section>
      <ContactLogSection urn={school.urn} spocId={spoc?.personId ?? null} secondaryId={secondary?.personId ?? null} />
      <SchoolTimeline urn={school.urn} />
      <TeamFieldsSection school={school} onSaved={refresh} />
      <EnhancedSupportSection school={school} onSaved={refresh} />
      <InsetDaysSection urn={school.urn} />
      <SchoolScopeSection school={school} onSaved={refresh} />
      <section aria-labelledby="workers-heading" className="card">
        <h2 id="workers-heading">Link workers</h2>
        <AllocationHistory periods={history.data ?? []} show="person" />
      </section>
      <section aria-labelledby="facts-heading" className="card">
        <h2 id="facts-heading">From Get Information About Schools</h2>
        <dl className="summary-list">
          {facts.map(([label, value]) => (
            <div key={label} className="summary-row">
              <dt>{label}</dt>
              <dd>{value ?? '–'}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="connections-heading" className="card">
        <h2 id="connections-heading">Declared connections</h2>
        <p className="muted">Workers’ personal connections to this school. Seen by team managers only; never published.</p>
        <ConnectionsTable connections={connections} show="person" />
      </section>
      {school.status !== 'closed' ? (
        <section aria-labelledby="close-heading" className="card">
          <h2 id="close-heading">Close this school</h2>
          <p>The school and its history stay in LinkDesk; it leaves the lists of open schools.</p>
          <ConfirmButton
            label="Close school"
            title={`Close ${school.name}?`}
            confirmLabel="Close school"
            onConfirm={() => invoke('schools.close', { urn, closedOn: todayLocal() }).then(refresh)}
          >
            <p>It will be marked closed from today. Its records are kept.</p>
          </ConfirmButton>
        </section>
      ) : null}
    </Page>
  );
}
