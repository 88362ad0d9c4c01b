import { useState } from 'react';
import { Button, Label, TextArea, TextField } from 'react-aria-components';
import { TeamHeldFields, type School } from '../../../../shared/domain/schools.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { CancelButton, OnDemand } from '../../components/OnDemand.tsx';
import { useForm } from '../../components/useForm.ts';

/** What the team keeps about a school (a GIAS import never changes it): shown, and changed on demand. */
export function TeamFieldsSection({ school, onSaved }: { school: School; onSaved: () => void }) {
  const [saved, setSaved] = useState(false);
  const rows: [string, string | null][] = [
    ['Area or hub', school.hub],
    ['Designated Safeguarding Lead (DSL)', school.dslName],
    ['DSL work email', school.dslEmail],
    ['Main school contact', school.mainContact],
    ['Notes', school.notes],
  ];
  return (
    <section aria-labelledby="team-fields-heading" className="card">
      <h2 id="team-fields-heading">Kept by the team</h2>
      <p className="muted">A GIAS import never changes these.</p>
      {saved ? <Notice title="Saved" /> : null}
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label} className="summary-row">
            <dt>{label}</dt>
            <dd>{value || '–'}</dd>
          </div>
        ))}
      </dl>
      <OnDemand label="Change what the team keeps">
        {(close) => (
          <TeamFieldsForm
            school={school}
            onStart={() => setSaved(false)}
            onSaved={() => {
              setSaved(true);
              onSaved();
              close();
            }}
            onCancel={close}
          />
        )}
      </OnDemand>
    </section>
  );
}

function TeamFieldsForm({ school, onStart, onSaved, onCancel }: { school: School; onStart: () => void; onSaved: () => void; onCancel: () => void }) {
  const form = useForm({
    hub: school.hub ?? '',
    dslName: school.dslName ?? '',
    dslEmail: school.dslEmail ?? '',
    mainContact: school.mainContact ?? '',
    notes: school.notes ?? '',
  });
  const submit = async () => {
    onStart();
    const fields = form.validate(TeamHeldFields);
    if (!fields) return;
    try {
      await invoke('schools.updateTeamFields', { urn: school.urn, fields: form.values });
      onSaved();
    } catch (error) {
      form.fail(error);
    }
  };
  return (
    <FormShell form={form} onSubmit={() => submit()}>
      <Field id={form.idOf('hub')} label="Area or hub (optional)" value={form.values.hub} onChange={(v) => form.set('hub', v)} error={form.errorFor('hub')} width="half" />
      <Field id={form.idOf('dslName')} label="Designated Safeguarding Lead (DSL) (optional)" value={form.values.dslName} onChange={(v) => form.set('dslName', v)} error={form.errorFor('dslName')} width="half" />
      <Field id={form.idOf('dslEmail')} label="DSL work email (optional)" type="email" value={form.values.dslEmail} onChange={(v) => form.set('dslEmail', v)} error={form.errorFor('dslEmail')} />
      <Field id={form.idOf('mainContact')} label="Main school contact (optional)" value={form.values.mainContact} onChange={(v) => form.set('mainContact', v)} error={form.errorFor('mainContact')} />
      <TextField className="field" value={form.values.notes} onChange={(v) => form.set('notes', v)}>
        <Label>Notes (optional)</Label>
        <TextArea id={form.idOf('notes')} rows={4} />
      </TextField>
      <div className="actions">
        <Button type="submit" className="button">
          Save
        </Button>
        <CancelButton onCancel={onCancel} />
      </div>
    </FormShell>
  );
}
