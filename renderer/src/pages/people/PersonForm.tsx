import { todayLocal } from '../../format.ts';
import { Button, Radio, RadioGroup, Label } from 'react-aria-components';
import { PersonFields, ROLE_LABELS, ROLES, type Person, type PersonInput, type Role } from '../../../../shared/domain/people.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { useForm } from '../../components/useForm.ts';
import { FormShell } from '../../components/FormShell.tsx';

const wholeOrNull = (text: string): number | null => (text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

/** Add or change a worker; the same zod schema the main process enforces. */
export function PersonForm({ person, submitLabel, onSubmit }: { person?: Person; submitLabel: string; onSubmit: (input: PersonInput) => Promise<void> }) {
  const form = useForm({
    name: person?.name ?? '',
    role: (person?.role ?? 'fsw') as Role,
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    hub: person?.hub ?? '',
    activeFrom: person?.activeFrom ?? todayLocal(),
    activeTo: person?.activeTo ?? '',
    capacity: person?.capacity === null || person?.capacity === undefined ? '' : String(person.capacity),
    level3Plans: String(person?.level3Plans ?? 0),
  });
  const { values } = form;
  const submit = async () => {
    const input: PersonInput = { ...values, capacity: wholeOrNull(values.capacity), level3Plans: wholeOrNull(values.level3Plans) ?? 0 };
    if (!form.validate(PersonFields, input)) return;
    try {
      await onSubmit(input);
    } catch (error) {
      form.fail(error);
    }
  };
  const text = (name: 'name' | 'email' | 'phone' | 'hub' | 'capacity' | 'level3Plans', label: string, extra: { hint?: string; width?: 'full' | 'half' | 'short'; type?: 'email' } = {}) => (
    <Field id={form.idOf(name)} label={label} value={values[name]} onChange={(v) => form.set(name, v)} error={form.errorFor(name)} {...extra} />
  );
  return (
    <FormShell form={form} onSubmit={() => submit()}>
      {text('name', 'Name', { width: 'half' })}
      <RadioGroup className="field radio-group" value={values.role} onChange={(v) => form.set('role', v as Role)} id={form.idOf('role')}>
        <Label>Role</Label>
        {ROLES.map((r) => (
          <Radio key={r} value={r} className="radio">
            <span className="radio-circle" aria-hidden="true" />
            {ROLE_LABELS[r]}
          </Radio>
        ))}
      </RadioGroup>
      {text('email', 'Work email (optional)', { type: 'email' })}
      {text('phone', 'Work phone (optional)', { width: 'half' })}
      {text('hub', 'Hub (optional)', { width: 'half' })}
      <DateField {...form.field('activeFrom')} label="Active from" />
      <DateField {...form.field('activeTo')} label="Active to (optional)" hint="Their last day, if known" />
      {text('capacity', 'Capacity (optional)', { hint: 'Most schools as named link worker; leave empty for the team default', width: 'short' })}
      {text('level3Plans', 'Level 3 Early Help Plans held', { hint: 'The procedure expects no more than 2', width: 'short' })}
      <Button type="submit" className="button">
        {submitLabel}
      </Button>
    </FormShell>
  );
}
