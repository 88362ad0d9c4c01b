/**
 * Applying a plan: the warnings it would accept, listed by school, and the reason that is
 * recorded with them. The main process judges the plan again (the same checks as any bulk
 * allocation) and refuses all of it on a blocking finding; that refusal is shown in words.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Finding } from '../../../../../shared/domain/allocations.ts';
import { ApplyPlanInput, type ApplyPlanResult, type PlanResult } from '../../../../../shared/domain/planner.ts';
import { AppError } from '../../../../../shared/errors.ts';
import { invoke } from '../../../api.ts';
import { FormShell } from '../../../components/FormShell.tsx';
import { TextBlock } from '../../../components/TextBlock.tsx';
import { useForm } from '../../../components/useForm.ts';
import { formatDate, plural } from '../../../format.ts';
import { effectOf } from './geometry.ts';

export function ApplyPlan({ result, onApplied }: { result: PlanResult; onApplied: (applied: ApplyPlanResult) => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ reason: '' });
  const [saving, setSaving] = useState(false);
  const warned = result.proposals.filter((p) => p.warnings.length > 0);
  const changing = result.proposals.filter((p) => effectOf(p) !== 'kept');

  const submit = async () => {
    const input = {
      from: result.from,
      proposals: result.proposals.map(({ urn, namedId, secondaryId }) => ({ urn, namedId, secondaryId })),
      reason: form.values.reason,
      objective: result.objective,
      solver: result.solver,
    };
    if (!form.validate(ApplyPlanInput, input)) return;
    setSaving(true);
    try {
      const applied = await invoke('planner.apply', input);
      await queryClient.invalidateQueries({ predicate: (q) => /^(allocations|schools|people|planner|dashboard)/.test(String(q.queryKey[0])) });
      onApplied(applied);
    } catch (error) {
      if (error instanceof AppError && error.code === 'allocation_refused') {
        const findings = (error.details?.findings as Finding[] | undefined) ?? [];
        const blocking = findings.filter((f) => f.severity === 'blocking');
        form.addIssues(blocking.length ? blocking.map((f) => ({ path: '', message: `The plan cannot be applied: ${f.message}` })) : [{ path: '', message: error.message }]);
      } else form.fail(error, 'reason');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="apply-heading" className="card">
      <h2 id="apply-heading">Apply the plan</h2>
      <p>
        {changing.length
          ? `${plural(changing.length, 'school')} change from ${formatDate(result.from)}, all together or not at all, through the same checks as any allocation.`
          : 'Nothing changes: every school keeps its workers.'}
      </p>
      {warned.length ? (
        <div className="warning-panel">
          <h3>Warnings the reason will be recorded with ({warned.length} {warned.length === 1 ? 'school' : 'schools'})</h3>
          <ul>
            {warned.map((p) => (
              <li key={p.urn}><strong>{p.schoolName}</strong>: {p.warnings.join(' ')}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormShell form={form} onSubmit={submit} className="form">
        <TextBlock {...form.field('reason')} label="Reason for this reallocation" hint="Recorded with every change and every warning it accepts, for example: September reallocation of the North hub" rows={2} />
        <Button type="submit" className="button" isDisabled={saving || changing.length === 0}>
          {saving ? 'Applying…' : 'Apply the plan'}
        </Button>
      </FormShell>
    </section>
  );
}
