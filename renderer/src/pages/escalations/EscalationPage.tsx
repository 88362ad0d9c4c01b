import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { changedFields, CONCERN_LABELS, ESCALATION_FIELD_LABELS, REFERRAL_LABELS, referralRouteText, type EscalationEntry } from '../../../../shared/domain/escalations.ts';
import type { InputOf } from '../../../../shared/api.ts';
import { LATE_REASON_KIND_LABELS } from '../../../../shared/domain/reason-kinds.ts';
import { invoke } from '../../api.ts';
import { childRefsText } from '../../components/childRefs.ts';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../format.ts';
import { EscalationForm } from './EscalationForm.tsx';
import { ManagerClockText } from './ManagerClockText.tsx';

const when = (wallTime: string | null) => (wallTime ? formatDateTime(`${wallTime}:00`) : 'Not yet');

function EntrySummary({ entry }: { entry: EscalationEntry }) {
  const rows: [string, string][] = [
    ['School', entry.schoolName],
    ['Raised at', when(entry.raisedAt)],
    ['Raised by', entry.raisedBy],
    ['Concern', CONCERN_LABELS[entry.concern]],
    ['Children', childRefsText(entry.children) || 'None recorded'],
    ['Summary', entry.summary],
    ['Manager told', entry.managerInformed ? `${entry.managerInformed}, ${when(entry.managerInformedAt)}` : 'Not yet'],
    ...(entry.lateReasonKind || entry.lateReason
      ? [['Why late', [entry.lateReasonKind ? LATE_REASON_KIND_LABELS[entry.lateReasonKind] : null, entry.lateReason].filter(Boolean).join(': ')] as [string, string]]
      : []),
    ['Referral made', `${REFERRAL_LABELS[entry.referralMade]}${entry.referralAt ? `, ${when(entry.referralAt)}` : ''}${entry.referralReference ? ` (ref. ${entry.referralReference})` : ''}`],
    ['Referral route', referralRouteText(entry)],
    ['Advice the team gave', entry.advice ?? 'None recorded'],
    ['Outcome', entry.outcome ?? 'None recorded'],
    ['Closed', when(entry.closedAt)],
  ];
  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <div className="summary-row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EscalationPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['escalations.get', id], queryFn: () => invoke('escalations.get', { id }), refetchInterval: 60_000 });
  const [saved, setSaved] = useState(false);
  if (detail.isError) return <Page title="Escalation not found" lead={detail.error.message} />;
  if (!detail.data) return <p className="loading">Loading…</p>;
  const { current, clock, open, history } = detail.data;

  return (
    <Page title={`Escalation: ${current.schoolName}`} lead={`${CONCERN_LABELS[current.concern]}, raised ${when(current.raisedAt)}.`}>
      <p>
        <Link to="/escalations">Back to the escalation log</Link>
      </p>
      {saved ? <Notice title="Entry added to the log" /> : search.get('logged') ? <Notice title="Escalation logged" /> : null}
      <section aria-labelledby="clock-heading" className={`card${clock.state === 'overdue' || clock.state === 'informed_late' ? ' card-overdue' : ''}`}>
        <h2 id="clock-heading">24-hour manager rule</h2>
        <p>
          <ManagerClockText clock={clock} />
        </p>
        <p className="muted">{open ? 'Open.' : `Closed ${when(current.closedAt)}.`} Version {current.version} of the entry.</p>
      </section>
      <section aria-labelledby="current-heading" className="card">
        <h2 id="current-heading">The escalation now</h2>
        <EntrySummary entry={current} />
      </section>
      <section aria-labelledby="correct-heading" className="card">
        <h2 id="correct-heading">Add an entry</h2>
        <p>The log is never overwritten. Change what needs changing below (the manager told, the referral, the outcome, closing it, or a mistake put right): it is saved as a new entry, and the earlier ones stay in the history.</p>
        <EscalationForm
          key={current.id}
          latest={current}
          submitLabel="Add the entry"
          onSubmit={async (input) => {
            await invoke('escalations.correct', input as InputOf<'escalations.correct'>);
            setSaved(true);
            await queryClient.invalidateQueries({ predicate: (q) => /^(escalations|dashboard)/.test(String(q.queryKey[0])) });
          }}
        />
      </section>
      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading">History ({history.length} {history.length === 1 ? 'entry' : 'entries'})</h2>
        <ol>
          {history.map((entry, i) => {
            const before = history[i - 1];
            const changes = before ? changedFields(before, entry).map((k) => ESCALATION_FIELD_LABELS[k]) : [];
            return (
              <li key={entry.id} className="history-entry">
                <p>
                  <strong>{i === 0 ? 'Raised' : `Entry ${entry.version}`}</strong>, recorded by {entry.recordedBy} on {formatDateTime(entry.recordedAt)}
                </p>
                {before ? <p>Changed: {changes.length ? changes.join(', ') : 'nothing'}</p> : null}
                {entry.changeNote ? <p>Note: {entry.changeNote}</p> : null}
              </li>
            );
          })}
        </ol>
      </section>
    </Page>
  );
}
