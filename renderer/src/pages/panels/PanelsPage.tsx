import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PANEL_TYPE_LABELS, panelTitle } from '../../../../shared/domain/panels.ts';
import { invoke } from '../../api.ts';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { PanelForm } from './PanelForm.tsx';
import { PanelsNav } from './PanelsNav.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

export function PanelsPage() {
  const panels = useQuery({ queryKey: ['panels.list'], queryFn: () => invoke('panels.list', {}) });
  const uncovered = useQuery({ queryKey: ['panels.uncovered'], queryFn: () => invoke('panels.uncovered', { weeks: 8 }) });
  const [added, setAdded] = useState<string | null>(null);

  return (
    <Page title="Panels" lead="Pupil Placement Panels, Behaviour Forums and other panels the team attends: their meetings and who goes.">
      <PanelsNav />
      <section aria-labelledby="uncovered-heading" className={`card${uncovered.data?.length ? ' card-overdue' : ''}`}>
        <h2 id="uncovered-heading">Coming meetings with nobody from the team ({uncovered.data?.length ?? 0})</h2>
        <p className="muted">The next eight weeks, cancelled meetings left out.</p>
        {uncovered.data && uncovered.data.length > 0 ? (
          <ul className="dashboard-list">
            {uncovered.data.map((m) => (
              <li key={m.id}>
                <Link to={`/panels/${m.panelId}/meetings/${m.id}`}>
                  {formatDate(m.date)}{m.time ? `, ${m.time}` : ''}: {panelTitle({ name: m.panelName, area: m.area })}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>Someone from the team is going to every coming meeting.</p>
        )}
      </section>
      <section aria-labelledby="panels-heading" className="card">
        <h2 id="panels-heading">Panels</h2>
        {panels.data && panels.data.length > 0 ? (
          <TableScroll>
          <table className="table">
            <caption className="visually-hidden">Panels the team attends</caption>
            <thead>
              <tr>
                <th scope="col">Panel</th>
                <th scope="col">Type</th>
                <th scope="col">Meets</th>
                <th scope="col">Next meeting</th>
              </tr>
            </thead>
            <tbody>
              {panels.data.map((p) => (
                <tr key={p.id}>
                  <td><Link to={`/panels/${p.id}`}>{panelTitle(p)}</Link></td>
                  <td>{PANEL_TYPE_LABELS[p.type]}</td>
                  <td>{p.everyWeeks ? `Every ${p.everyWeeks === 1 ? 'week' : `${p.everyWeeks} weeks`} of term${p.usualTime ? `, ${p.usualTime}` : ''}` : 'When called'}</td>
                  <td>{p.nextMeeting ? formatDate(p.nextMeeting) : 'None planned'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        ) : (
          <p>No panels yet: add the first below.</p>
        )}
      </section>
      <section aria-labelledby="add-heading" className="card">
        <h2 id="add-heading">Add a panel</h2>
        {added ? <Notice title={`${added} added. Open it to plan its meetings.`} /> : null}
        <PanelForm onSaved={(p) => setAdded(panelTitle(p))} />
      </section>
    </Page>
  );
}
