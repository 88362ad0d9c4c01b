import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { z } from 'zod';
import type { AllocationImportResult } from '../../../../shared/domain/allocations.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useForm } from '../../components/useForm.ts';
import { plural } from '../../format.ts';
import { AllocationsNav } from './AllocationsNav.tsx';
import { FormShell } from '../../components/FormShell.tsx';

const Choice = z.object({ path: z.string().trim().min(1, 'Enter the full path of the .xlsx or .csv file') });
const OUTCOME = { apply: 'Will apply', unchanged: 'No change', refused: 'Refused' } as const;

export function ImportAllocationsPage() {
  const queryClient = useQueryClient();
  const form = useForm({ path: '' });
  const [preview, setPreview] = useState<AllocationImportResult | null>(null);
  const [result, setResult] = useState<AllocationImportResult | null>(null);
  const run = async (dryRun: boolean) => {
    const parsed = form.validate(Choice);
    if (!parsed) return;
    try {
      const r = await invoke('allocations.importFile', { path: parsed.path, dryRun });
      if (dryRun) {
        setPreview(r);
        setResult(null);
      } else {
        setResult(r);
        setPreview(null);
        await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('allocations') });
      }
    } catch (error) {
      form.fail(error, 'path');
    }
  };
  const applicable = preview?.rows.filter((r) => r.outcome === 'apply').length ?? 0;
  return (
    <Page title="Import allocations" lead="From a spreadsheet such as the team's published SPOC list.">
      <AllocationsNav />
      <p>
        Columns: School URN (or School name), Named link worker (or SPOC), Secondary link worker, From, County agreed on, County agreed by, Reason.
        Workers by name or work email. Rows that break a rule are refused; rows with warnings apply only when they carry a Reason.
      </p>
      <FormShell form={form} onSubmit={() => run(true)} className="card form">
        <Field id={form.idOf('path')} label="Spreadsheet" hint="The full path of the .xlsx or .csv file" value={form.values.path} onChange={(v) => form.set('path', v)} error={form.errorFor('path')} />
        <Button type="submit" className="button">
          Check the file
        </Button>
      </FormShell>
      {result ? (
        <Notice title={`${plural(result.applied, 'allocation')} saved`}>
          <p>{plural(result.rejected.length, 'row')} refused.</p>
        </Notice>
      ) : null}
      {preview ? (
        <section aria-labelledby="rows-heading" className="card">
          <h2 id="rows-heading">Each row</h2>
          <table className="table">
            <caption className="visually-hidden">What each row of the file would do</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">School</th>
                <th scope="col">Outcome</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.school ? `${r.school.name} (${r.school.urn})` : '–'}</td>
                  <td>
                    <span className={r.outcome === 'refused' ? 'tag tag-error' : 'tag tag-info'}>{OUTCOME[r.outcome]}</span>
                  </td>
                  <td>{[...r.reasons, ...(r.outcome === 'apply' ? r.warnings.map((w) => `Warning accepted by its Reason: ${w}`) : [])].join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button className="button" isDisabled={applicable === 0} onPress={() => void run(false)}>
            {applicable === 1 ? 'Save the 1 allocation that can apply' : `Save the ${applicable} allocations that can apply`}
          </Button>
        </section>
      ) : null}
    </Page>
  );
}
