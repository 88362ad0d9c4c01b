import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { BULK_FIELD_LABELS, BULK_FIELDS, BulkTeamFieldsInput, type BulkField } from '../../../../shared/domain/school-bulk.ts';
import { invoke } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { plural } from '../../format.ts';

interface Pending {
  set: Partial<Record<BulkField, string>>;
  changed: number;
  unchanged: number;
}

const listed = (names: string[]) => (names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

/** Sets the hub (and DSL details) of the schools ticked in the list, after saying how many change. */
export function BulkEditSection({ chosen, hubs, onDone }: { chosen: ReadonlyMap<string, string>; hubs: string[]; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ hub: '', dslName: '', dslEmail: '' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const count = chosen.size;
  const urns = [...chosen.keys()];

  const check = async () => {
    setDone(null);
    const set = Object.fromEntries(BULK_FIELDS.filter((f) => form.values[f].trim() !== '').map((f) => [f, form.values[f]])) as Partial<Record<BulkField, string>>;
    if (Object.keys(set).length === 0) return form.addIssues([{ path: 'hub', message: 'Enter the hub to set (or a DSL name or email)' }]);
    if (!form.validate(BulkTeamFieldsInput.shape.set, set)) return;
    try {
      const preview = await invoke('schools.setMany', { urns, set, dryRun: true });
      if (preview.changed === 0) setDone(`Nothing to change: ${count === 1 ? 'the school already has' : `all ${count} schools already have`} ${count === 1 ? 'this' : 'these'}.`);
      else setPending({ set, ...preview });
    } catch (error) {
      form.fail(error, 'hub');
    }
  };

  const apply = async () => {
    if (!pending) return;
    const result = await invoke('schools.setMany', { urns, set: pending.set });
    await queryClient.invalidateQueries({ predicate: (q) => /^(schools|allocations)/.test(String(q.queryKey[0])) });
    onDone(`${Object.keys(pending.set).map((f) => BULK_FIELD_LABELS[f as BulkField]).join(', ')} set for ${plural(result.changed, 'school')}${result.unchanged ? `; ${result.unchanged} already had ${result.unchanged === 1 ? 'it' : 'them'}` : ''}.`);
  };

  const what = pending ? Object.entries(pending.set).map(([f, v]) => `${BULK_FIELD_LABELS[f as BulkField].toLowerCase().replace('dsl', 'DSL')} to “${v}”`).join(', ') : '';
  return (
    <section aria-labelledby="bulk-heading" className="card bulk-edit">
      <h2 id="bulk-heading">Change the {plural(count, 'school')} selected</h2>
      {done ? <Notice title={done} /> : null}
      <FormShell form={form} onSubmit={check}>
        <p className="muted">{listed([...chosen.values()])}.</p>
        <div className="date-row">
          <Field {...form.field('hub')} label="New hub" hint={hubs.length ? `In use: ${hubs.join(', ')}` : 'For example North'} width="half" />
          <Field {...form.field('dslName')} label="New DSL name" hint="Leave empty to keep each school’s" width="half" />
          <Field {...form.field('dslEmail')} label="New DSL email" hint="Leave empty to keep each school’s" type="email" width="half" />
        </div>
        <Button type="submit" className="button">
          Set for {plural(count, 'school')}
        </Button>
      </FormShell>
      <ConfirmDialog
        isOpen={pending !== null}
        onClose={() => setPending(null)}
        tone="primary"
        title={`Change ${plural(pending?.changed ?? 0, 'school')}?`}
        confirmLabel={`Change ${plural(pending?.changed ?? 0, 'school')}`}
        onConfirm={apply}
      >
        <p>
          Set the {what} for {plural(pending?.changed ?? 0, 'school')}.
          {pending?.unchanged ? ` ${plural(pending.unchanged, 'other school')} already ${pending.unchanged === 1 ? 'has' : 'have'} ${Object.keys(pending.set).length === 1 ? 'it' : 'these'} and ${pending.unchanged === 1 ? 'stays' : 'stay'} as ${pending.unchanged === 1 ? 'it is' : 'they are'}.` : ''}
        </p>
        <p>Each change is recorded in the audit log.</p>
      </ConfirmDialog>
    </section>
  );
}
