import { NavLink } from 'react-router';

/** The views of the allocations area. */
export function AllocationsNav() {
  return (
    <nav aria-label="Allocation views" className="sub-nav">
      <ul>
        <li><NavLink to="/allocations" end>Board</NavLink></li>
        <li><NavLink to="/allocations/load">Load</NavLink></li>
        <li><NavLink to="/allocations/gaps">Coverage gaps</NavLink></li>
        <li><NavLink to="/allocations/map">Map</NavLink></li>
        <li><NavLink to="/allocations/planner">Planner</NavLink></li>
        <li><NavLink to="/allocations/import">Import from a spreadsheet</NavLink></li>
      </ul>
    </nav>
  );
}
