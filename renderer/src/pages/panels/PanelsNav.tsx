import { NavLink } from 'react-router';

export function PanelsNav() {
  return (
    <nav aria-label="Panels" className="sub-nav">
      <ul>
        <li><NavLink to="/panels" end>Panels and coming meetings</NavLink></li>
        <li><NavLink to="/panels/attendance">Attendance</NavLink></li>
      </ul>
    </nav>
  );
}
