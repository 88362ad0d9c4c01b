import { useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { CATEGORY_LABELS, SchoolScopeInput, type School } from '../../../../shared/domain/schools.ts';
import { invoke } from '../../api.ts';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { CancelButton, OnDemand } from '../../components/OnDemand.tsx';
import { useForm } from '../../components/useForm.ts';

type Choice = 'category' | 'in' | 'out';
const choiceOf = (value: boolean | null): Choice => (value === null ? 'category' : value ? 'in' : 'out');
const valueOf = (choice: Choice): boolean | null => (choice === 'category' ? null : choice === 'in');

/**
 * Whether the team serves the school: by its category (the team's choice in Settings) or by its
 * own choice here. A school out of scope leaves the planner, the dashboard's visits, the nurse
 * flag and the SPOC list; its records stay.
 */
export function SchoolScopeSection({ school, onSaved }: { school: School; onSaved: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="scope-heading" className="card">
      <h2 id="scope-heading">In scope</h2>
      <p>
        {school.inScope
          ? 'The team serves this school: it is in the year planner, the dashboard, the school nurse check and the SPOC list.'
          : 'The team does not serve this school: it is left out of the year planner, the dashboard’s visits, the school nurse check and the SPOC list. Its records are kept.'}
      </p>
      {message ? <Notice title={`Saved: ${message}`} /> : null}
      <OnDemand label="Change whether the team serves it">
        {(close) => (
          <ScopeForm
            school={school}
            onStart={() => setMessage(null)}
            onSaved={(text) => {
              setMessage(text);
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

function ScopeForm({ school, onStart, onSaved, onCancel }: { school: School; onStart: () => void; onSaved: (message: string) => void; onCancel: () => void }) {
  const form = useForm({ choice: choiceOf(school.inScopeChoice) });
  const category = CATEGORY_LABELS[school.category].toLowerCase();
  const save = async () => {
    onStart();
    const input = form.validate(SchoolScopeInput, { urn: school.urn, inScope: valueOf(form.values.choice) });
    if (!input) return;
    try {
      const saved = await invoke('schools.setInScope', input);
      onSaved(saved.inScope ? 'In the team’s scope' : 'Out of the team’s scope');
    } catch (error) {
      form.fail(error, 'choice');
    }
  };
  return (
    <FormShell form={form} onSubmit={save}>
      <RadioGroup className="field radio-group" value={form.values.choice} onChange={(v) => form.set('choice', v as Choice)} id={form.idOf('choice')}>
        <Label>Does the team serve this school?</Label>
        <Radio value="category" className="radio">
          <span className="radio-circle" aria-hidden="true" />
          As its category ({category}) says, in Settings
        </Radio>
        <Radio value="in" className="radio">
          <span className="radio-circle" aria-hidden="true" />
          Yes, whatever its category
        </Radio>
        <Radio value="out" className="radio">
          <span className="radio-circle" aria-hidden="true" />
          No, whatever its category
        </Radio>
      </RadioGroup>
      <div className="actions">
        <Button type="submit" className="button">
          Save
        </Button>
        <CancelButton onCancel={onCancel} />
      </div>
    </FormShell>
  );
}
