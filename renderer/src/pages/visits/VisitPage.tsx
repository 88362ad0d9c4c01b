import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { TERM_LABELS, TERM_NAMES, type TermName } from '../../../../shared/domain/calendar.ts';
import { z } from 'zod';
import { isoDate } from '../../../../shared/dates.ts';
import { CANCELLED_REASON_KIND_LABELS, CANCELLED_REASON_KINDS, cancelledReasonText, type CancelledReasonKind } from '../../../../shared/domain/reason-kinds.ts';
import { heldWithoutProForma, NEXT_STATUSES, PlanVisitInput, reasonNeeded, VISIT_STATUS_LABELS, type Visit, type VisitStatus } from '../../../../shared/domain/visits.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, todayLocal } from '../../format.ts';

const ACTION_LABELS: Partial<Record<VisitStatus, string>> = {
  pro_forma_sent: 'Pro forma sent',
  pro_forma_returned: 'Pro forma returned',
  held: 'Visit held',
  record_written: 'Record written',
};

function Deadlines({ deadlines }: { deadlines: Visit['deadlines'] }) {
  if (!deadlines) return null;
  return (
    <dl className="summary-list deadlines">
      <dt>Send the pro forma by</dt>
      <dd>{formatDate(deadlines.sendProForma)} (10 working days before)</dd>
      <dt>Pro forma due back by</dt>
      <dd>{formatDate(deadlines.proFormaDue)} (5 working days before)</dd>
    </dl>
  );
}

const OnDay = z.object({ on: isoDate('the day it happened') });

const NOBODY = 'held-by:none';

/** Who held the visit: the team's active workers, the school's SPOC first chosen. */
function useHeldByOptions(visit: Visit) {
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const on = visit.date ?? todayLocal();
  const links = useQuery({ queryKey: ['allocations.onDate', visit.urn, on], queryFn: () => invoke('allocations.onDate', { urn: visit.urn, date: on }) });
  const spoc = links.data?.find((p) => p.role === 'named')?.personId ?? null;
  // Nobody chosen, the service records the school's named link worker on the day it was held.
  const options = [{ id: NOBODY, label: 'The school’s SPOC on the day' }, ...(people.data ?? []).filter((p) => p.active).map((p) => ({ id: p.id, label: p.name }))];
  return { options, spoc };
}

function StatusActions({ visit, onDone }: { visit: Visit; onDone: () => void }) {
  const form = useForm({ on: todayLocal(), reason: '', heldBy: '', reasonKind: '' as CancelledReasonKind | '' });
  const { options, spoc } = useHeldByOptions(visit);
  const heldBy = form.valueOr('heldBy', spoc ?? NOBODY);
  const move = async (to: VisitStatus) => {
    // The day is checked here too, so a date typed wrongly is named in words, not as the API's format.
    if (!form.validate(OnDay)) return;
    const needed = reasonNeeded(visit.status, to);
    if (needed && !form.values.reason.trim()) return form.addIssues([{ path: 'reason', message: needed }]);
    const reasonKind = form.values.reasonKind;
    if (to === 'cancelled' && !reasonKind) return form.addIssues([{ path: 'reasonKind', message: 'Choose why the visit was cancelled' }]);
    try {
      await invoke('visits.setStatus', {
        id: visit.id, to, on: form.values.on,
        ...(form.values.reason ? { reason: form.values.reason } : {}),
        ...(to === 'cancelled' && reasonKind ? { reasonKind } : {}),
        ...(to === 'held' && heldBy !== NOBODY ? { heldBy } : {}),
      });
      onDone();
    } catch (error) {
      form.fail(error);
    }
  };
  const next = NEXT_STATUSES[visit.status].filter((s) => s !== 'to_be_agreed');
  if (next.length === 0) return <p>Nothing more to do for this visit.</p>;
  const withoutProForma = next.includes('held') && heldWithoutProForma(visit.status, 'held');
  const reasonLabel = withoutProForma ? 'Reason in words (needed to mark the visit held without a pro forma; optional to cancel)' : 'Reason in words (optional)';
  return (
    <FormShell form={form} onSubmit={() => undefined}>
      <DateField {...form.field('on')} label="On" hint="The day it happened" />
      {next.includes('held') ? <Select id={form.idOf('heldBy')} label="Held by" value={heldBy} onChange={(v) => form.set('heldBy', v)} options={options} /> : null}
      {next.includes('cancelled') ? (
        <>
          <Select<CancelledReasonKind | ''>
            id={form.idOf('reasonKind')} error={form.errorFor('reasonKind')}
            label="Why it is cancelled (needed to cancel)"
            value={form.values.reasonKind}
            onChange={(k) => form.set('reasonKind', k)}
            options={[{ id: '', label: 'Choose a reason' }, ...CANCELLED_REASON_KINDS.map((k) => ({ id: k, label: CANCELLED_REASON_KIND_LABELS[k] }))]}
          />
          <Field id={form.idOf('reason')} label={reasonLabel} hint="The reports count the reason chosen above, never these words" value={form.values.reason} onChange={(v) => form.set('reason', v)} error={form.errorFor('reason')} />
        </>
      ) : null}
      <div className="actions">
        {next.map((s) => (
          <Button key={s} className={s === 'cancelled' ? 'button button-warning' : s === 'held' && withoutProForma ? 'button button-secondary' : 'button'} onPress={() => void move(s)}>
            {s === 'cancelled' ? 'Cancel the visit' : s === 'held' && withoutProForma ? 'Held without a pro forma' : (ACTION_LABELS[s] ?? VISIT_STATUS_LABELS[s])}
          </Button>
        ))}
      </div>
    </FormShell>
  );
}

export function VisitPage() {
  const { urn = '', year = '', term = 'autumn' } = useParams();
  const termName = (TERM_NAMES as readonly string[]).includes(term) ? (term as TermName) : 'autumn';
  const queryClient = useQueryClient();
  const school = useQuery({ queryKey: ['schools.get', urn], queryFn: () => invoke('schools.get', { urn }) });
  const visits = useQuery({ queryKey: ['visits.forSchool', urn], queryFn: () => invoke('visits.forSchool', { urn }) });
  const visit = visits.data?.find((v) => v.yearLabel === year && v.term === termName);
  const form = useForm({ date: '', agreedWith: '', movedReason: '' });
  const date = form.valueOr('date', visit?.date ?? '');
  const agreedWith = form.valueOr('agreedWith', visit?.agreedWith ?? '');
  const [saved, setSaved] = useState<string[] | null>(null);
  const checkInput = useDeferredValue(date);
  const check = useQuery({
    // The visit's own progress counts: a pro forma already sent in time is not warned about again.
    queryKey: ['visits.checkDate', urn, checkInput, termName, year, visit?.status],
    queryFn: () => invoke('visits.checkDate', { urn, date: checkInput, term: termName, yearLabel: year }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(checkInput),
  });
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('visits') });
  const moving = Boolean(visit?.date && date !== visit.date);

  const submit = async () => {
    setSaved(null);
    const input = { urn, yearLabel: year, term: termName, date, agreedWith, movedReason: form.values.movedReason };
    if (!form.validate(PlanVisitInput, input)) return;
    try {
      const result = await invoke('visits.plan', input);
      setSaved(result.warnings);
      await refresh();
    } catch (error) {
      form.fail(error, 'date');
    }
  };

  const title = `${TERM_LABELS[termName]} ${year} visit${school.data ? ` to ${school.data.school.name}` : ''}`;
  return (
    <Page title={title}>
      <p>
        <Link to="/visits">Year planner</Link>
      </p>
      {visit ? (
        <p>
          Status: <strong>{VISIT_STATUS_LABELS[visit.status]}</strong>
          {visit.status === 'cancelled' && cancelledReasonText(visit) ? ` (${cancelledReasonText(visit)})` : ''}
          {visit.movedReason ? `. Moved: ${visit.movedReason}` : ''}
          {visit.heldByName ? `. Held by ${visit.heldByName}` : ''}
          {visit.heldWithoutProForma ? `. Held without a pro forma: ${visit.heldWithoutProForma}` : ''}
        </p>
      ) : (
        <p>Not planned yet.</p>
      )}
      {saved ? (
        <Notice kind={saved.length ? 'warning' : 'success'} title={saved.length ? 'Saved, with warnings' : 'Visit saved'}>
          {saved.length ? <ul>{saved.map((w) => <li key={w}>{w}</li>)}</ul> : null}
        </Notice>
      ) : null}
      <section aria-labelledby="agree-heading" className="card">
        <h2 id="agree-heading">Agree the date</h2>
        <FormShell form={form} onSubmit={submit}>
          <DateField {...form.field('date')} value={date} label="Visit date (optional)" hint="For example 24/02/2027; leave empty while it is to be agreed" />
          <Field id={form.idOf('agreedWith')} label="Agreed with (optional)" hint="For example the head teacher or the DSL" value={agreedWith} onChange={(v) => form.set('agreedWith', v)} error={form.errorFor('agreedWith')} />
          {moving ? (
            <Field id={form.idOf('movedReason')} label="Why the visit moved" value={form.values.movedReason} onChange={(v) => form.set('movedReason', v)} error={form.errorFor('movedReason')} />
          ) : null}
          <div aria-live="polite" className="checks">
            {check.data ? (
              <>
                <Deadlines deadlines={check.data.deadlines} />
                {check.data.warnings.length ? (
                  <div className="finding-group finding-warning">
                    <p className="finding-title">Check this date</p>
                    <ul>{check.data.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
                  </div>
                ) : null}
              </>
            ) : null}
          </div>
          <Button type="submit" className="button">
            Save the visit
          </Button>
        </FormShell>
      </section>
      {visit && (visit.status === 'held' || visit.status === 'record_written') ? (
        <p>
          <Link className="button" to={`/visits/${urn}/${year}/${termName}/record`}>
            {visit.status === 'held' ? 'Write the visit record' : 'Open the visit record'}
          </Link>
        </p>
      ) : null}
      {visit?.date ? (
        <section aria-labelledby="progress-heading" className="card">
          <h2 id="progress-heading">Progress</h2>
          <StatusActions key={visit.status} visit={visit} onDone={() => void refresh()} />
        </section>
      ) : null}
    </Page>
  );
}
