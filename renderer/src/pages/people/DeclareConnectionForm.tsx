import { todayLocal } from '../../format.ts';
import { useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { CONNECTION_KINDS, CONNECTION_LABELS, ConnectionFields, type ConnectionKind } from '../../../../shared/domain/people.ts';
import { invoke } from '../../api.ts';
import { FormShell } from '../../components/FormShell.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { SchoolPicker } from '../../components/SchoolPicker.tsx';
import { useForm } from '../../components/useForm.ts';

export function DeclareConnectionForm({ personId, onSaved }: { personId: string; onSaved: () => void }) {
  const form = useForm({ urn: '', kind: 'own_child_attends' as ConnectionKind, otherText: '', from: todayLocal(), to: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const submit = async () => {
    setSaved(null);
    setWarning(null);
    const input = { personId, ...form.values, otherText: form.values.kind === 'other' ? form.values.otherText : undefined };
    if (!form.validate(ConnectionFields, input)) return;
    try {
      const connection = await invoke('connections.declare', input);
      setSaved(`${CONNECTION_LABELS[connection.kind]}: ${connection.schoolName}`);
      setWarning(connection.warning ?? null);
      form.setValues({ ...form.values, urn: '', otherText: '' });
      onSaved();
    } catch (error) {
      form.fail(error, 'urn');
    }
  };
  return (
    <section className="declare-form" aria-labelledby="declare-heading">
      <h3 id="declare-heading">Declare a connection</h3>
      {saved ? <Notice title="Connection recorded">{saved}</Notice> : null}
      {warning ? (
        <Notice kind="warning" title="This school needs a new link worker">
          <p>{warning}</p>
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={submit}>
      <SchoolPicker key={saved ?? 'new'} id={form.idOf('urn')} value={form.values.urn} onChange={(urn) => form.set('urn', urn)} error={form.errorFor('urn')} />
      <RadioGroup className="field radio-group" value={form.values.kind} onChange={(v) => form.set('kind', v as ConnectionKind)} id={form.idOf('kind')}>
        <Label>Connection</Label>
        {CONNECTION_KINDS.map((k) => (
          <Radio key={k} value={k} className="radio">
            <span className="radio-circle" aria-hidden="true" />
            {CONNECTION_LABELS[k]}
          </Radio>
        ))}
      </RadioGroup>
      {form.values.kind === 'other' ? (
        <Field id={form.idOf('otherText')} label="What is the connection?" value={form.values.otherText} onChange={(v) => form.set('otherText', v)} error={form.errorFor('otherText')} />
      ) : null}
      <DateField {...form.field('from')} label="From" />
      <DateField {...form.field('to')} label="To (optional)" hint="When the connection ended, if it has" />
      <Button type="submit" className="button">
        Record connection
      </Button>
      </FormShell>
    </section>
  );
}
