import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { HandoverInput, type HandoverResult } from '../../../../shared/domain/actions.ts';
import { ROLE_NAMES } from '../../../../shared/domain/allocations.ts';
import { invoke } from '../../api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, todayLocal } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

const OUTCOME_LABELS: Record<HandoverResult['schools'][number]['outcome'], string> = {
  moved: 'Moves',
  refused: 'Refused by the allocation rules: stays as it is',
  needs_reason: 'Has warnings: give a reason to move it',
};

function HandoverReport({ result }: { result: HandoverResult }) {
  const verb = result.dryRun ? 'would move' : 'moved';
  const moving = result.schools.filter((s) => s.outcome === 'moved').length;
  return (
    <>
      <p>
        {moving} of {result.schools.length} {result.schools.length === 1 ? 'school' : 'schools'} and {result.actions} open {result.actions === 1 ? 'action' : 'actions'} {verb} from {result.fromName} to {result.toName}.
      </p>
      {result.schools.length > 0 ? (
        <TableScroll>
        <table className="table">
          <caption className="visually-hidden">Schools in the handover</caption>
          <thead>
            <tr>
              <th scope="col">School</th>
              <th scope="col">Role</th>
              <th scope="col">Outcome</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.schools.map((s) => (
              <tr key={`${s.urn}-${s.role}`}>
                <td>{s.schoolName}</td>
                <td>{ROLE_NAMES[s.role]}</td>
                <td>{OUTCOME_LABELS[s.outcome]}</td>
                <td>{s.messages.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : null}
    </>
  );
}

/**
 * Handover of a leaver: their schools go to another worker through the allocation rules (a
 * school a rule refuses is reported and stays), and their open actions go with them. A preview
 * first; then one step, in one transaction.
 */
export function HandoverSection({ personId, personName }: { personId: string; personName: string }) {
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const form = useForm({ to: '', on: todayLocal(), overrideReason: '' });
  const [preview, setPreview] = useState<HandoverResult | null>(null);
  const [done, setDone] = useState<HandoverResult | null>(null);
  const choices = (people.data ?? []).filter((p) => p.active && p.id !== personId);
  const input = (dryRun: boolean) => ({ from: personId, ...form.values, dryRun });
  const runPreview = async () => {
    setDone(null);
    setPreview(null);
    if (!form.validate(HandoverInput, input(true))) return;
    try {
      setPreview(await invoke('people.handover', input(true)));
    } catch (error) {
      form.fail(error, 'to');
    }
  };
  const apply = async () => {
    const result = await invoke('people.handover', input(false));
    setPreview(null);
    setDone(result);
    await queryClient.invalidateQueries({ predicate: (q) => /^(people|schools|allocations|actions|dashboard)/.test(String(q.queryKey[0])) });
  };
  return (
    <section aria-labelledby="handover-heading" className="card">
      <h2 id="handover-heading">Hand over to another worker</h2>
      <p className="muted">
        For a leaver: their schools go to the worker you choose through the allocation checks, and their open actions go too. Preview first; nothing changes until you confirm.
      </p>
      {done ? (
        <Notice title="Handover done">
          <HandoverReport result={done} />
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={runPreview}>
        <Select
          id={form.idOf('to')} error={form.errorFor('to')}
          label="Hand over to"
          value={form.values.to || 'none'}
          options={[{ id: 'none', label: 'Choose a worker' }, ...choices.map((p) => ({ id: p.id, label: p.name }))]}
          onChange={(v) => {
            setPreview(null);
            form.set('to', v === 'none' ? '' : v);
          }}
        />
        <DateField
          {...form.field('on')}
          onChange={(v) => {
            setPreview(null);
            form.set('on', v);
          }}
          label="From"
          hint="The first day the new worker holds the schools"
        />
        <Field
          id={form.idOf('overrideReason')}
          label="Reason for accepting warnings (optional)"
          hint="Without a reason, a school with warnings (such as a high load) stays with the leaver and is listed."
          value={form.values.overrideReason}
          onChange={(v) => {
            setPreview(null);
            form.set('overrideReason', v);
          }}
          error={form.errorFor('overrideReason')}
        />
        <Button type="submit" className="button button-secondary">
          Preview the handover
        </Button>
      </FormShell>
      {preview ? (
        <section aria-labelledby="handover-preview-heading" className="handover-preview">
          <h3 id="handover-preview-heading" tabIndex={-1} ref={(h) => h?.focus()}>
            Preview: nothing has changed yet
          </h3>
          <HandoverReport result={preview} />
          <ConfirmButton label={`Hand over ${personName}’s schools and actions`} buttonText="Hand over" title={`Hand over to ${preview.toName}?`} confirmLabel="Hand over" onConfirm={apply}>
            <p>
              {preview.schools.filter((s) => s.outcome === 'moved').length} schools from {formatDate(form.values.on)} and {preview.actions} open actions move to {preview.toName}. The allocation history keeps who held each school before.
            </p>
          </ConfirmButton>
        </section>
      ) : null}
    </section>
  );
}
