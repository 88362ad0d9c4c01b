import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isCovered, PANEL_TYPE_LABELS, panelTitle, type PanelMeeting } from '../../../../shared/domain/panels.ts';
import { invoke } from '../../api.ts';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDate, todayLocal } from '../../format.ts';
import { PanelForm } from './PanelForm.tsx';
import { PanelsNav } from './PanelsNav.tsx';
import { PlanMeetingsSection } from './PlanMeetingsSection.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

export function attendanceText(m: PanelMeeting, today: string): string {
  if (m.cancelled) return `Cancelled${m.cancelledReason ? `: ${m.cancelledReason}` : ''}`;
  const names = (response: string) => m.attendance.filter((a) => a.response === response).map((a) => a.personName).join(', ');
  const parts = [names('attended') && `Attended: ${names('attended')}`, names('expected') && `Expected: ${names('expected')}`, names('apologies') && `Apologies: ${names('apologies')}`].filter(Boolean);
  if (!isCovered(m) && !names('apologies')) return m.date < today ? 'Nobody from the team' : 'Nobody from the team yet';
  return parts.join('. ');
}

export function PanelPage() {
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: ['panels.get', id], queryFn: () => invoke('panels.get', { id }) });
  const [saved, setSaved] = useState(false);
  const today = todayLocal();
  if (detail.isError) return <Page title="Panel not found" lead={detail.error.message} />;
  if (!detail.data) return <p className="loading">Loading…</p>;
  const { panel, meetings } = detail.data;

  return (
    <Page title={panelTitle(panel)} lead={`${PANEL_TYPE_LABELS[panel.type]}${panel.location ? `, ${panel.location}` : ''}.`}>
      <PanelsNav />
      <section aria-labelledby="meetings-heading" className="card">
        <h2 id="meetings-heading">Meetings ({meetings.length})</h2>
        {meetings.length ? (
          <TableScroll>
          <table className="table">
            <caption className="visually-hidden">Meetings of {panelTitle(panel)}, earliest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">From the team</th>
                <th scope="col">Tags</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/panels/${panel.id}/meetings/${m.id}`}>
                      {formatDate(m.date)}{m.time ? `, ${m.time}` : ''}
                    </Link>
                    {m.slot && m.slot !== m.date ? <span className="visit-status">Moved from {formatDate(m.slot)}</span> : null}
                  </td>
                  <td>{attendanceText(m, today)}</td>
                  <td>{m.tags.map((t) => <span key={t} className="tag tag-info">{t}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        ) : (
          <p>No meetings yet: plan them below.</p>
        )}
      </section>
      <PlanMeetingsSection panel={panel} lastMeeting={meetings.filter((m) => m.slot).at(-1)?.slot ?? null} />
      <section aria-labelledby="edit-heading" className="card">
        <h2 id="edit-heading">Panel details</h2>
        {saved ? <Notice title="Panel saved" /> : null}
        <PanelForm panel={panel} onSaved={() => setSaved(true)} />
      </section>
    </Page>
  );
}
