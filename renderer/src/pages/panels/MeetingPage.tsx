import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { panelTitle, RecordMeetingInput, RESPONSE_LABELS, RESPONSES, UpdateMeetingInput, type PanelMeeting, type Response } from '../../../../shared/domain/panels.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { TimeField } from '../../components/TimeField.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { TextBlock } from '../../components/TextBlock.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate } from '../../format.ts';

type Choice = Response | 'none';

function DateSection({ meeting, onSaved }: { meeting: PanelMeeting; onSaved: (title: string, warnings: string[]) => void }) {
  const form = useForm({ date: meeting.date, time: meeting.time ?? '', cancelled: meeting.cancelled, cancelledReason: meeting.cancelledReason ?? '' });
  const submit = async () => {
    if (!form.validate(UpdateMeetingInput, { id: meeting.id, ...form.values })) return;
    try {
      const result = await invoke('panels.updateMeeting', { id: meeting.id, ...form.values });
      onSaved(result.meeting.cancelled ? 'Meeting cancelled' : 'Date saved', result.warnings);
    } catch (error) {
      form.fail(error);
    }
  };
  return (
    <section aria-labelledby="date-heading" className="card">
      <h2 id="date-heading">Date</h2>
      <FormShell form={form} onSubmit={submit}>
        <div className="date-row">
          <DateField {...form.field('date')} label="Date" />
          <TimeField {...form.field('time')} label="Time (optional)" />
        </div>
        <Checkbox className="checkbox" isSelected={form.values.cancelled} onChange={(v) => form.set('cancelled', v)}>
          <span className="checkbox-box" aria-hidden="true" />
          The meeting is cancelled
        </Checkbox>
        {form.values.cancelled ? (
          <Field id={form.idOf('cancelledReason')} label="Why it is cancelled" value={form.values.cancelledReason} onChange={(v) => form.set('cancelledReason', v)} error={form.errorFor('cancelledReason')} />
        ) : null}
        <Button type="submit" className="button button-secondary">
          Save the date
        </Button>
      </FormShell>
    </section>
  );
}

function AttendanceSection({ meeting, onSaved }: { meeting: PanelMeeting; onSaved: (title: string) => void }) {
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const [choices, setChoices] = useState<Record<string, Choice>>(() => Object.fromEntries(meeting.attendance.map((a) => [a.personId, a.response])));
  const form = useForm({ notes: meeting.notes ?? '', themes: meeting.themes ?? '', tags: meeting.tags.join(', ') });
  const listed = (people.data ?? []).filter((p) => p.active || choices[p.id]);

  const submit = async () => {
    const attendance = Object.entries(choices).flatMap(([personId, response]) => (response === 'none' ? [] : [{ personId, response }]));
    const input = { id: meeting.id, attendance, notes: form.values.notes, themes: form.values.themes, tags: form.values.tags.split(',').map((t) => t.trim()).filter(Boolean) };
    if (!form.validate(RecordMeetingInput, input)) return;
    try {
      await invoke('panels.recordMeeting', input);
      onSaved('Meeting saved');
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <section aria-labelledby="attendance-heading" className="card">
      <h2 id="attendance-heading">Who from the team</h2>
      <FormShell form={form} onSubmit={submit}>
        <fieldset className="fieldset">
          <legend>People from the team</legend>
          <p className="hint">Before the meeting, mark who is expected to go and who sent apologies; after it, who attended.</p>
          <div className="date-row">
            {listed.map((p) => (
              <Select<Choice>
                key={p.id}
                id={form.idOf(`attendance.${p.id}`)}
                label={p.name}
                value={choices[p.id] ?? 'none'}
                onChange={(v) => setChoices((c) => ({ ...c, [p.id]: v }))}
                options={[{ id: 'none', label: 'Not going' }, ...RESPONSES.map((r) => ({ id: r, label: RESPONSE_LABELS[r] }))]}
              />
            ))}
          </div>
        </fieldset>
        <TextBlock id={form.idOf('notes')} label="Notes (optional)" value={form.values.notes} onChange={(v) => form.set('notes', v)} error={form.errorFor('notes')} />
        <TextBlock id={form.idOf('themes')} label="Key themes and trends (optional)" value={form.values.themes} onChange={(v) => form.set('themes', v)} error={form.errorFor('themes')} />
        <Field id={form.idOf('tags')} label="Tags (optional)" hint="Separated by commas: ebsa, year 9, managed moves" value={form.values.tags} onChange={(v) => form.set('tags', v)} error={form.errorFor('tags')} />
        <Button type="submit" className="button">
          Save the meeting
        </Button>
      </FormShell>
    </section>
  );
}

export function MeetingPage() {
  const { id = '', meetingId = '' } = useParams();
  const queryClient = useQueryClient();
  const meeting = useQuery({ queryKey: ['panels.meeting', meetingId], queryFn: () => invoke('panels.meeting', { id: meetingId }) });
  const [notice, setNotice] = useState<{ title: string; warnings: string[] } | null>(null);
  // Saving one section reloads only that section, so unsaved changes in the other are kept.
  const [versions, setVersions] = useState({ attendance: 0, date: 0 });
  if (meeting.isError) return <Page title="Meeting not found" lead={meeting.error.message} />;
  if (!meeting.data) return <p className="loading">Loading…</p>;
  const m = meeting.data;
  const saved = async (section: 'attendance' | 'date', title: string, warnings: string[] = []) => {
    setNotice({ title, warnings });
    await queryClient.invalidateQueries({ predicate: (q) => /^(panels|dashboard)/.test(String(q.queryKey[0])) });
    setVersions((v) => ({ ...v, [section]: v[section] + 1 }));
  };

  return (
    <Page title={`${panelTitle({ name: m.panelName, area: m.area })}, ${formatDate(m.date)}`} lead={m.cancelled ? `Cancelled: ${m.cancelledReason ?? ''}` : m.time ? `Starts at ${m.time}.` : undefined}>
      <p>
        <Link to={`/panels/${id}`}>Back to the panel</Link>
      </p>
      {notice ? (
        <Notice kind={notice.warnings.length ? 'warning' : 'success'} title={notice.title}>
          {notice.warnings.length ? <ul>{notice.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : null}
        </Notice>
      ) : null}
      <AttendanceSection key={`a${versions.attendance}`} meeting={m} onSaved={(t) => void saved('attendance', t)} />
      <DateSection key={`d${versions.date}`} meeting={m} onSaved={(t, w) => void saved('date', t, w)} />
    </Page>
  );
}
