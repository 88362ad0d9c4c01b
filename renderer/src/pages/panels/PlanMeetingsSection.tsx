import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { AddMeetingInput, GenerateMeetingsInput, type GeneratedMeetings, type Panel } from '../../../../shared/domain/panels.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { TimeField } from '../../components/TimeField.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { addDays } from '../../../../shared/format.ts';
import { formatDate, todayLocal } from '../../format.ts';

/** Plans meetings from the cadence (shown first, then added), or adds one by hand. */
export function PlanMeetingsSection({ panel, lastMeeting }: { panel: Panel; lastMeeting: string | null }) {
  const queryClient = useQueryClient();
  const years = useQuery({ queryKey: ['calendar.years'], queryFn: () => invoke('calendar.years', {}) });
  const today = todayLocal();
  const yearEnd = years.data?.flatMap((y) => y.terms).map((t) => t.endsOn).find((end) => end >= today) ?? '';
  // The count of term weeks runs on from the panel's first meeting, so later planning starts the day after the last one.
  const plan = useForm({ from: lastMeeting && panel.anchor ? addDays(lastMeeting, 1) : today, until: '', restart: false });
  const one = useForm({ date: '', time: '' });
  const [preview, setPreview] = useState<GeneratedMeetings | null>(null);
  const [message, setMessage] = useState<{ title: string; warnings: string[] } | null>(null);
  const until = plan.valueOr('until', yearEnd);
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => /^(panels|dashboard)/.test(String(q.queryKey[0])) });

  const run = async (dryRun: boolean) => {
    setMessage(null);
    const input = { panelId: panel.id, from: plan.values.from, until, dryRun, restart: plan.values.restart };
    if (!plan.validate(GenerateMeetingsInput, input)) return;
    try {
      const result = await invoke('panels.generate', input);
      if (dryRun) {
        setPreview(result);
        return;
      }
      setPreview(null);
      setMessage({ title: `${result.dates.length} ${result.dates.length === 1 ? 'meeting' : 'meetings'} added`, warnings: [] });
      await refresh();
    } catch (error) {
      setPreview(null);
      plan.fail(error);
    }
  };

  const addOne = async () => {
    setMessage(null);
    const input = { panelId: panel.id, date: one.values.date, time: one.values.time };
    if (!one.validate(AddMeetingInput, input)) return;
    try {
      const result = await invoke('panels.addMeeting', input);
      setMessage({ title: `Meeting added on ${formatDate(result.meeting.date)}`, warnings: result.warnings });
      one.setValues({ date: '', time: '' });
      await refresh();
    } catch (error) {
      one.fail(error);
    }
  };

  return (
    <section aria-labelledby="plan-heading" className="card">
      <h2 id="plan-heading">Plan meetings</h2>
      {message ? (
        <Notice kind={message.warnings.length ? 'warning' : 'success'} title={message.title}>
          {message.warnings.length ? <ul>{message.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : null}
        </Notice>
      ) : null}
      {panel.everyWeeks ? (
        <>
          <p>
            Every {panel.everyWeeks === 1 ? 'week' : `${panel.everyWeeks} weeks`} of term time, on the weekday of the first meeting
            {panel.anchor ? ` (counted from ${formatDate(panel.anchor)})` : ''}. Half-terms and holidays do not count; a meeting on a bank holiday, or on a day
            outside term when a term starts or ends that week, moves to another day that week. Meetings already planned, moved or cancelled are left as they are.
          </p>
          <FormShell form={plan} onSubmit={() => run(true)}>
            <div className="date-row">
              <DateField {...plan.field('from')} label={panel.anchor ? 'Plan from' : 'First meeting'} onChange={(x) => { plan.set('from', x); setPreview(null); }} />
              <DateField {...plan.field('until')} value={until} label="Plan up to" onChange={(x) => { plan.set('until', x); setPreview(null); }} />
            </div>
            {panel.anchor ? (
              <Checkbox className="checkbox" isSelected={plan.values.restart} onChange={(v) => { plan.set('restart', v); setPreview(null); }}>
                <span className="checkbox-box" aria-hidden="true" />
                Start the count again: the panel’s pattern changed, and its next meeting is on this date
              </Checkbox>
            ) : null}
            <Button type="submit" className="button button-secondary">
              Show the dates
            </Button>
          </FormShell>
          {preview ? (
            <div aria-live="polite">
              <h3>{preview.dates.length} new {preview.dates.length === 1 ? 'meeting' : 'meetings'}</h3>
              {preview.dates.length ? <ul>{preview.dates.map((d) => <li key={d}>{formatDate(d)}</li>)}</ul> : <p>Every date is already planned.</p>}
              {preview.shifted.length ? <p>Moved to another day of the same week: {preview.shifted.map((s) => `${formatDate(s.from)} to ${formatDate(s.to)}`).join('; ')}.</p> : null}
              {preview.kept.length ? <p className="muted">{preview.kept.length} already planned, left as they are.</p> : null}
              {preview.dates.length ? (
                <Button className="button" onPress={() => void run(false)}>
                  Add these meetings
                </Button>
              ) : null}
            </div>
          ) : null}
        </>
      ) : (
        <p>This panel meets when called: add its meetings one by one.</p>
      )}
      <h3>Add one meeting</h3>
      <FormShell form={one} onSubmit={addOne}>
        <div className="date-row">
          <DateField {...one.field('date')} label="Date" />
          <TimeField {...one.field('time')} label="Time (optional)" />
        </div>
        <Button type="submit" className="button button-secondary">
          Add the meeting
        </Button>
      </FormShell>
    </section>
  );
}
