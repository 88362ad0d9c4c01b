import { Link } from 'react-router';
import type { DashboardItem } from '../../../shared/domain/dashboard.ts';
import { formatDate } from '../format.ts';

/**
 * The dashboard's group of schools whose visit this term still has no date: every open school
 * the team serves, from the week of term the team chose in Settings. Kept apart from the other
 * items so a September's worth of them does not bury a pro forma or an escalation.
 */
export function VisitsToAgree({ items, today }: { items: DashboardItem[]; today: string }) {
  if (items.length === 0) return null;
  const due = items[0]?.due ?? null;
  const overdue = due !== null && due < today;
  return (
    <section aria-labelledby="to-agree-heading" className={overdue ? 'card card-overdue' : 'card'}>
      <h2 id="to-agree-heading">Visits to agree ({items.length})</h2>
      <p>
        {items.length === 1 ? 'This school has' : 'These schools have'} no agreed visit this term
        {due ? `: ${overdue ? 'due to be agreed by' : 'to agree by'} ${formatDate(due)}` : ''}. Agree each date with the school, or see them all in the{' '}
        <Link to="/visits">year planner</Link>.
      </p>
      <ul className="dashboard-list">
        {items.map((item) => (
          <li key={item.link}>
            <Link to={item.link}>{item.school}</Link>
            <span className="muted"> · {item.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
