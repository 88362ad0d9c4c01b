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
import { CancelButton, OnDemand } from '../../components/OnDemand.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';
import { NameFindings, useForenames } from '../../components/NameFindings.tsx';
import { formFindings } from '../../../../shared/domain/child-names.ts';
import { todayLocal } from '../../format.ts';

function nowLocal(): string {
  const d = new Date();
  return `${todayLocal()}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * The worker a contact is logged for, unless changed: the school's SPOC, else its secondary link
 * worker, else (a school with neither still active) the first active worker.
 */
export function defaultWorker(active: { id: string }[], linkWorkers: (string | null)[]): string {
  return linkWorkers.find((id) => id && active.some((p) => p.id === id)) ?? active[0]?.id ?? '';
}

/**
 * The SPOC's log of contact with the school outside visits, opened on demand. The contacts
 * logged are in the school's timeline. Refer to children by initials and year group only.
 */
export function ContactLogSection({ urn, spocId, secondaryId }: { urn: string; spocId: string | null; secondaryId: string | null }) {
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="contacts-heading" className="card">
      <h2 id="contacts-heading">Contact log</h2>
      <p className="muted">Contact outside the termly visits; each one is in the timeline below. Refer to a child by initials and year group only.</p>
      {saved ? <Notice title="Contact logged" /> : null}
      <OnDemand label="Log a contact">
        {(close) => (
          <ContactForm
            urn={urn}
            linkWorkers={[spocId, secondaryId]}
            onStart={() => setSaved(false)}
            onSaved={() => {
              setSaved(true);
              close();
            }}
            onCancel={close}
          />
        )}
      </OnDemand>
    </section>
  );
}

function ContactForm({ urn, linkWorkers, onStart, onSaved, onCancel }: { urn: string; linkWorkers: (string | null)[]; onStart: () => void; onSaved: () => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const form = useForm({ at: nowLocal(), workerId: '', withWhom: '', direction: 'from_school' as (typeof DIRECTIONS)[number], channel: 'phone' as Channel, summary: '', followUp: '', followUpDue: '' });
  const active = (people.data ?? []).filter((p) => p.active);
  const workerId = form.valueOr('workerId', defaultWorker(active, linkWorkers));
  const forenames = useForenames();
  const findings = formFindings([{ field: 'summary', label: 'Summary', text: form.values.summary }, { field: 'followUp', label: 'Follow-up', text: form.values.followUp }], [], '', forenames ?? new Set(), [form.values.withWhom, ...active.map((p) => p.name)]);

  const submit = async () => {
    onStart();
    const input = { urn, ...form.values, workerId };
    if (!form.validate(ContactInput, input)) return;
    try {
      await invoke('contacts.log', input);
      await queryClient.invalidateQueries({ predicate: (q) => /^(contacts|dashboard|schools\.timeline)/.test(String(q.queryKey[0])) });
      onSaved();
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <FormShell form={form} onSubmit={submit}>
      <DateTimeField {...form.field('at')} label="When" />
      <Select id={form.idOf('workerId')} label="Worker" value={workerId} onChange={(v) => form.set('workerId', v)} options={active.map((p) => ({ id: p.id, label: p.name }))} />
      <Field id={form.idOf('withWhom')} label="With whom" hint="For example the DSL, Mrs Patel" value={form.values.withWhom} onChange={(v) => form.set('withWhom', v)} error={form.errorFor('withWhom')} />
      <Select label="Direction" value={form.values.direction} onChange={(v) => form.set('direction', v)} options={DIRECTIONS.map((d) => ({ id: d, label: DIRECTION_LABELS[d] }))} />
      <Select label="How" value={form.values.channel} onChange={(v) => form.set('channel', v)} options={CHANNELS.map((c) => ({ id: c, label: CHANNEL_LABELS[c] }))} />
      <Field id={form.idOf('summary')} label="Summary" value={form.values.summary} onChange={(v) => form.set('summary', v)} error={form.errorFor('summary')} />
      <Field id={form.idOf('followUp')} label="Follow-up (optional)" value={form.values.followUp} onChange={(v) => form.set('followUp', v)} error={form.errorFor('followUp')} />
      <DateField {...form.field('followUpDue')} label="Follow-up due (optional)" />
      <NameFindings findings={findings} idOf={form.idOf} />
      <div className="actions">
        <Button type="submit" className="button">
          Log contact
        </Button>
        <CancelButton onCancel={onCancel} />
      </div>
    </FormShell>
  );
}
