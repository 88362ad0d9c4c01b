/** Every saved version of a visit record (who, when), and an earlier one opened to read. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { CHILD_CATEGORY_LABELS, DECISION_LABELS, versionLabel, yearGroupLabel, type VisitRecord } from '../../../../shared/domain/records.ts';
import { invoke } from '../../api.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

export function RecordVersions({ visitId }: { visitId: string }) {
  const versions = useQuery({ queryKey: ['records.visitVersions', visitId], queryFn: () => invoke('records.visitVersions', { visitId }) });
  const [open, setOpen] = useState<number | null>(null);
  const newest = versions.data?.[0]?.version;
  if (!versions.data?.length) return null;
  return (
    <section aria-labelledby="versions-heading" className="card">
      <h2 id="versions-heading">Versions of this record</h2>
      <p>Every save is kept. The form above is the newest version; an earlier one opens here to read.</p>
      <TableScroll>
      <table className="table">
        <caption className="visually-hidden">Versions of this record, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved by</th>
            <th scope="col">Saved</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.data.map((v) => (
            <tr key={v.version}>
              <td>
                Version {v.version}
                {v.version === newest ? ' (current)' : ''}
              </td>
              <td>{v.writtenBy}</td>
              <td>{formatDateTime(v.writtenAt)}</td>
              <td>
                {v.version === newest ? null : (
                  <Button className="button button-secondary" onPress={() => setOpen(open === v.version ? null : v.version)} aria-expanded={open === v.version}>
                    {open === v.version ? `Close version ${v.version}` : `Read version ${v.version}`}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      {open !== null ? <EarlierVersion visitId={visitId} version={open} /> : null}
    </section>
  );
}

function EarlierVersion({ visitId, version }: { visitId: string; version: number }) {
  const record = useQuery({ queryKey: ['records.visitGet', visitId, version], queryFn: () => invoke('records.visitGet', { visitId, version }) });
  if (record.isError) return <p role="alert">{record.error.message}</p>;
  if (!record.data) return <p>Loading…</p>;
  return <ReadOnlyRecord record={record.data} />;
}

const orNone = (v: string | null) => v || 'None';

function ReadOnlyRecord({ record: r }: { record: VisitRecord }) {
  const heading = `${versionLabel(r)} (read only)`;
  return (
    <article aria-label={heading} className="card">
      <h3>{heading}</h3>
      <p>Saved by {r.writtenBy}. It cannot be changed: save the form above to make a new version.</p>
      <dl className="summary-list">
        <dt>Attendees from the school</dt>
        <dd>{orNone(r.schoolAttendees)}</dd>
        <dt>Attendees from the team</dt>
        <dd>{orNone(r.teamAttendees)}</dd>
        <dt>Suspension threshold</dt>
        <dd>{r.exclusionThresholdDays} school days</dd>
        <dt>Next visit</dt>
        <dd>{r.nextVisitOn ? formatDate(r.nextVisitOn) : 'To be agreed'}</dd>
        <dt>Managed moves</dt>
        <dd>
          Internal {r.managedMovesInternal}, external {r.managedMovesExternal}. {r.managedMovesAgreed ?? ''}
        </dd>
        <dt>Alternative provision</dt>
        <dd>{orNone(r.alternativeProvision)}</dd>
        <dt>Suspensions and exclusions not notified</dt>
        <dd>{orNone(r.unnotifiedExclusions)}</dd>
        <dt>Other issues</dt>
        <dd>{orNone(r.otherIssues)}</dd>
      </dl>
      <h4>Children reviewed</h4>
      {r.children.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {r.children.map((c, i) => (
            <li key={i}>
              {c.child.initials}, {yearGroupLabel(c.child.yearGroup)}: {CHILD_CATEGORY_LABELS[c.category]}
              {c.attendancePercent === null || c.attendancePercent === undefined ? '' : `; attendance ${c.attendancePercent}%`}. Statutory education intervention: {DECISION_LABELS[c.statutoryIntervention]}; Early Help referral:{' '}
              {DECISION_LABELS[c.earlyHelpReferral]}.{c.action ? ` Action: ${c.action}.` : ''}
              {c.who ? ` Who: ${c.who}.` : ''}
              {c.byWhen ? ` By ${formatDate(c.byWhen)}.` : ''}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
