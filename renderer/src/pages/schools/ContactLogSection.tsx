import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { CHANNEL_LABELS, CHANNELS, ContactInput, DIRECTION_LABELS, DIRECTIONS, type Channel } from '../../../../shared/domain/contacts.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { DateTimeField } from '../../components/DateTimeField.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, formatDateTime, todayLocal } from '../../format.ts';

function nowLocal(): string {
  const d = new Date();
  return `${todayLocal()}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The SPOC's log of contact with the school outside visits. Refer to children by initials and year group only. */
export function ContactLogSection({ urn }: { urn: string }) {
  const queryClient = useQueryClient();
  const contacts = useQuery({ queryKey: ['contacts.forSchool', urn], queryFn: () => invoke('contacts.forSchool', { urn }) });
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const form = useForm({ at: nowLocal(), workerId: '', withWhom: '', direction: 'from_school' as (typeof DIRECTIONS)[number], channel: 'phone' as Channel, summary: '', followUp: '', followUpDue: '' });
  const [saved, setSaved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => /^(contacts|dashboard)/.test(String(q.queryKey[0])) });
  const active = (people.data ?? []).filter((p) => p.active);
  const workerId = form.valueOr('workerId', active[0]?.id ?? '');

  const submit = async () => {
    setSaved(false);
    const input = { urn, ...form.values, workerId };
    if (!form.validate(ContactInput, input)) return;
    try {
      await invoke('contacts.log', input);
      form.setValues({ ...form.values, summary: '', followUp: '', followUpDue: '', withWhom: '', at: nowLocal() });
      setSaved(true);
      await refresh();
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <section aria-labelledby="contacts-heading" className="card">
      <h2 id="contacts-heading">Contact log</h2>
      <p className="muted">Contact outside the termly visits. Refer to a child by initials and year group only.</p>
      {saved ? <Notice title="Contact logged" /> : null}
      <FormShell form={form} onSubmit={submit}>
        <DateTimeField {...form.field('at')} label="When" />
        <Select id={form.idOf('workerId')} label="Worker" value={workerId} onChange={(v) => form.set('workerId', v)} options={active.map((p) => ({ id: p.id, label: p.name }))} />
        <Field id={form.idOf('withWhom')} label="With whom" hint="For example the DSL, Mrs Patel" value={form.values.withWhom} onChange={(v) => form.set('withWhom', v)} error={form.errorFor('withWhom')} />
        <Select label="Direction" value={form.values.direction} onChange={(v) => form.set('direction', v)} options={DIRECTIONS.map((d) => ({ id: d, label: DIRECTION_LABELS[d] }))} />
        <Select label="How" value={form.values.channel} onChange={(v) => form.set('channel', v)} options={CHANNELS.map((c) => ({ id: c, label: CHANNEL_LABELS[c] }))} />
        <Field id={form.idOf('summary')} label="Summary" value={form.values.summary} onChange={(v) => form.set('summary', v)} error={form.errorFor('summary')} />
        <Field id={form.idOf('followUp')} label="Follow-up (optional)" value={form.values.followUp} onChange={(v) => form.set('followUp', v)} error={form.errorFor('followUp')} />
        <DateField {...form.field('followUpDue')} label="Follow-up due (optional)" />
        <Button type="submit" className="button">
          Log contact
        </Button>
      </FormShell>
      {contacts.data && contacts.data.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">Contacts with this school, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">How</th>
              <th scope="col">Summary</th>
              <th scope="col">Follow-up</th>
            </tr>
          </thead>
          <tbody>
            {contacts.data.map((c) => (
              <tr key={c.id}>
                <td>{formatDateTime(c.at)}</td>
                <td>
                  {c.workerName} with {c.withWhom}
                </td>
                <td>
                  {CHANNEL_LABELS[c.channel]}, {DIRECTION_LABELS[c.direction].toLowerCase()}
                </td>
                <td>{c.summary}</td>
                <td>
                  {c.followUp ? `${c.followUp}${c.followUpDue ? ` (due ${formatDate(c.followUpDue)})` : ''}` : '–'}
                  {c.followUpDue && !c.followUpDoneOn ? (
                    <Button className="button button-secondary" aria-label={`Mark the follow-up “${c.followUp ?? ''}” done`} onPress={() => void invoke('contacts.completeFollowUp', { id: c.id, on: todayLocal() }).then(refresh)}>
                      Mark done
                    </Button>
                  ) : null}
                  {c.followUpDoneOn ? <span className="muted"> Done {formatDate(c.followUpDoneOn)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No contacts logged yet.</p>
      )}
    </section>
  );
}
