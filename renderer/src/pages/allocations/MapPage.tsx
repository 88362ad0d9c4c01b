import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { AllocationsNav } from './AllocationsNav.tsx';
import { PlanMap } from './planner/PlanMap.tsx';

/** The team's schools and the workers' bases on the map, as allocated now. */
export function MapPage() {
  const map = useQuery({ queryKey: ['planner.map'], queryFn: () => invoke('planner.map', {}) });
  return (
    <Page title="Map" lead="The open schools the team serves, where they are, coloured by named link worker or hub, with the workers’ bases.">
      <AllocationsNav />
      <p>
        To change many schools at once by the team’s priorities, use the <Link to="/allocations/planner">Planner</Link>.
      </p>
      {map.data ? <div className="card"><PlanMap map={map.data} /></div> : map.isError ? <p className="error-message">{map.error.message}</p> : <p>Loading the map…</p>}
    </Page>
  );
}
