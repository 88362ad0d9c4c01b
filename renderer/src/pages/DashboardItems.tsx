import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { KIND_LABELS, type DashboardItem } from '../../../shared/domain/dashboard.ts';
import { invoke } from '../api.ts';
import { Notice } from '../components/Notice.tsx';
import { formatDate, plural } from '../format.ts';
import { VisitsToAgree } from './VisitsToAgree.tsx';
import { DeclarationsDue } from './DeclarationsDue.tsx';
import { MarkDoneButton } from './actions/MarkDoneButton.tsx';

const isToAgree = (item: DashboardItem) => item.kind === 'visit_to_agree';

function ItemList({ items, empty, onDone }: { items: DashboardItem[]; empty: string; onDone: (item: DashboardItem & { actionId: string }) => void }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="dashboard-list">
      {items.map((item) => (
        <li key={`${item.kind}-${item.actionId ?? item.link}-${item.due ?? ''}`}>
          <Link to={item.link}>
            {KIND_LABELS[item.kind]}: {item.school}
          </Link>
          <span className="muted">
            {' '}
            {item.due ? `due ${formatDate(item.due)}` : ''}
            {item.detail ? ` · ${item.detail}` : ''}
            {item.owner ? ` · ${item.owner}` : ''}
          </span>
          {item.actionId ? (
            <>
              {' '}
              <MarkDoneButton label={`Mark done: ${KIND_LABELS[item.kind]}, ${item.school}${item.detail ? `, ${item.detail}` : ''}`} onPress={() => onDone({ ...item, actionId: item.actionId ?? '' })} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Overdue first, then this week: every item opens its record. */
export function DashboardItems() {
  const data = useQuery({ queryKey: ['dashboard.get'], queryFn: () => invoke('dashboard.get', {}) });
  const nurse = useQuery({ queryKey: ['consultations.withoutNurse'], queryFn: () => invoke('consultations.withoutNurse', {}) });
  const queryClient = useQueryClient();
  const [doneNote, setDoneNote] = useState<{ ok: boolean; text: string } | null>(null);
  const markDone = (item: DashboardItem & { actionId: string }) => {
    setDoneNote(null);
    invoke('actions.done', { id: item.actionId })
      .then(async () => {
        setDoneNote({ ok: true, text: `Marked done: ${KIND_LABELS[item.kind]}, ${item.school}` });
        await queryClient.invalidateQueries({ predicate: (q) => /^(dashboard|actions)/.test(String(q.queryKey[0])) });
      })
      .catch((error: unknown) => setDoneNote({ ok: false, text: error instanceof Error ? error.message : 'That did not work. Nothing was changed.' }));
  };
  if (!data.data) return null;
  const { overdue, thisWeek, today, moreActions } = data.data;
  // Visits to agree have their own group; the two lists keep everything else.
  const toAgree = [...overdue, ...thisWeek].filter(isToAgree);
  const otherOverdue = overdue.filter((i) => !isToAgree(i));
  const toAgreeOverdue = overdue.length - otherOverdue.length;
  const otherThisWeek = thisWeek.filter((i) => !isToAgree(i));
  return (
    <>
    {data.data.bankHolidayWarning ? (
      <p className="notice notice-warning">
        {data.data.bankHolidayWarning} <Link to="/settings">Open Settings</Link>
      </p>
    ) : null}
    {nurse.data?.term && nurse.data.schools.length > 0 ? (
      <p className="notice notice-info">
        <Link to="/consultations">
          {nurse.data.schools.length} {nurse.data.schools.length === 1 ? 'school has' : 'schools have'} had no consultation with the school nurse team this term
        </Link>
      </p>
    ) : null}
    {doneNote ? <Notice kind={doneNote.ok ? 'success' : 'warning'} title={doneNote.text} /> : null}
    <div className="two-columns">
      <section aria-labelledby="overdue-heading" className="card card-overdue">
        <h2 id="overdue-heading">Overdue ({otherOverdue.length + moreActions.overdue})</h2>
        {toAgreeOverdue ? (
          <p>
            {toAgreeOverdue} {toAgreeOverdue === 1 ? 'school has' : 'schools have'} no agreed visit this term: see Visits to agree.
          </p>
        ) : null}
        <ItemList items={otherOverdue} empty={toAgreeOverdue ? 'Nothing else overdue.' : 'Nothing overdue.'} onDone={markDone} />
        {moreActions.overdue ? (
          <p>
            And <Link to="/actions">{plural(moreActions.overdue, 'more overdue action')}</Link>, listed on the Actions screen.
          </p>
        ) : null}
      </section>
      <section aria-labelledby="week-heading" className="card">
        <h2 id="week-heading">This week ({otherThisWeek.length + moreActions.thisWeek})</h2>
        <ItemList items={otherThisWeek} empty="Nothing due in the next seven days." onDone={markDone} />
        {moreActions.thisWeek ? (
          <p>
            And <Link to="/actions">{plural(moreActions.thisWeek, 'more action')}</Link> due this week, listed on the Actions screen.
          </p>
        ) : null}
        <p>
          <Link to="/actions">Every open action</Link>
        </p>
      </section>
    </div>
    <VisitsToAgree items={toAgree} today={today} />
    <DeclarationsDue due={data.data.declarationsDue} more={data.data.moreDeclarationsDue} />
    </>
  );
}
