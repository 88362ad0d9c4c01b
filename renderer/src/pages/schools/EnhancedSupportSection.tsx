import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { ENHANCED_SUPPORT_REASONS, EnhancedSupport, REASON_LABELS, type EnhancedSupportReason, type School } from '../../../../shared/domain/schools.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { CancelButton, OnDemand } from '../../components/OnDemand.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, todayLocal } from '../../format.ts';

const reasonsText = (s: NonNullable<School['enhancedSupport']>) =>
  s.reasons.map((r) => (r === 'other' && s.otherText ? s.otherText : REASON_LABELS[r])).join('; ');

export function EnhancedSupportSection({ school, onSaved }: { school: School; onSaved: () => void }) {
  const current = school.enhancedSupport;
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="enhanced-heading" className="card">
      <h2 id="enhanced-heading">Enhanced support</h2>
      <p>{current ? `Flagged since ${formatDate(current.setOn)}: ${reasonsText(current)}.` : 'This school is not flagged for enhanced support.'}</p>
      {message ? <Notice title={message} /> : null}
      <OnDemand label={current ? 'Change the enhanced support flag' : 'Flag for enhanced support'}>
        {(close) => (
          <EnhancedSupportForm
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

function EnhancedSupportForm({ school, onStart, onSaved, onCancel }: { school: School; onStart: () => void; onSaved: (message: string) => void; onCancel: () => void }) {
  const current = school.enhancedSupport;
  const form = useForm({
    reasons: (current?.reasons ?? []) as EnhancedSupportReason[],
    otherText: current?.otherText ?? '',
    setOn: current?.setOn ?? todayLocal(),
  });
  const save = async (clear: boolean) => {
    onStart();
    const support = clear ? null : form.validate(EnhancedSupport);
    if (!clear && !support) return;
    try {
      await invoke('schools.setEnhancedSupport', { urn: school.urn, support: clear ? null : form.values });
      onSaved(clear ? 'Enhanced support flag removed' : 'Enhanced support flag saved');
    } catch (error) {
      form.fail(error);
    }
  };
  return (
    <FormShell form={form} onSubmit={() => save(false)}>
      <CheckboxGroup
        className="field checkbox-group"
        value={form.values.reasons}
        onChange={(v) => form.set('reasons', v as EnhancedSupportReason[])}
        isInvalid={Boolean(form.errorFor('reasons'))}
        id={form.idOf('reasons')}
      >
        <Label>Reasons</Label>
        {form.errorFor('reasons') ? <p className="error-message">{form.errorFor('reasons')}</p> : null}
        {ENHANCED_SUPPORT_REASONS.map((r) => (
          <Checkbox key={r} value={r} className="checkbox">
            <span className="checkbox-box" aria-hidden="true" />
            {REASON_LABELS[r]}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {form.values.reasons.includes('other') ? (
        <Field id={form.idOf('otherText')} label="Other reason" value={form.values.otherText} onChange={(v) => form.set('otherText', v)} error={form.errorFor('otherText')} />
      ) : null}
      <DateField {...form.field('setOn')} label="Date set" />
      <div className="actions">
        <Button type="submit" className="button">
          {current ? 'Save changes' : 'Flag for enhanced support'}
        </Button>
        {current ? (
          <Button className="button button-secondary" onPress={() => void save(true)}>
            Remove the flag
          </Button>
        ) : null}
        <CancelButton onCancel={onCancel} />
      </div>
    </FormShell>
  );
}
