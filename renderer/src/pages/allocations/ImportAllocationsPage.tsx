import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { AllocationImportResult } from '../../../../shared/domain/allocations.ts';
import { api } from '../../../../shared/api.ts';
import { invoke } from '../../api.ts';
import { fileInput, NO_FILE, OpenFileField, type FileChoice } from '../../components/FileFields.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useForm } from '../../components/useForm.ts';
import { plural } from '../../format.ts';
import { AllocationsNav } from './AllocationsNav.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { RefusedRowsSection } from './RefusedRowsSection.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const OUTCOME = { apply: 'Will apply', unchanged: 'No change', refused: 'Refused' } as const;

export function ImportAllocationsPage() {
  const queryClient = useQueryClient();
  const form = useForm({ file: NO_FILE as FileChoice });
  const [preview, setPreview] = useState<AllocationImportResult | null>(null);
  const [result, setResult] = useState<AllocationImportResult | null>(null);
  const run = async (dryRun: boolean) => {
    const parsed = form.validate(api['allocations.importFile'].input, { ...fileInput(form.values.file), dryRun });
    if (!parsed) return;
    try {
      const r = await invoke('allocations.importFile', parsed);
      if (dryRun) {
        setPreview(r);
        setResult(null);
      } else {
        setResult(r);
        setPreview(null);
        // LinkDesk deleted its copy of an uploaded file once imported.
        if (form.values.file.upload) form.set('file', NO_FILE);
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
        Columns: School URN (or School name), Named link worker (SPOC), Secondary link worker, and if you like SPOC work email, Secondary work email, From, County
        agreed on, County agreed by, Reason. The SPOC list LinkDesk saves reads back as it is: its title lines are skipped, and a school whose workers are
        unchanged shows No change. Workers by name or work email. Rows that break a rule are refused; rows with warnings apply only when they carry a Reason.
        Workers’ loads and the team average are worked out from the rows that will apply, never from rows that are refused.
      </p>
      <FormShell form={form} onSubmit={() => run(true)} className="card form">
        <OpenFileField
          {...form.fileField('file', () => setPreview(null))}
          label="Spreadsheet"
          hint="Choose the .xlsx or .csv file, or type or paste its full path"
          purpose="allocations"
        />
        <Button type="submit" className="button">
          Check the file
        </Button>
      </FormShell>
      {result ? (
        <Notice kind={result.rejected.length ? 'warning' : 'success'} title={`${plural(result.applied, 'allocation')} saved`}>
          <p>
            {result.rows.filter((r) => r.outcome === 'unchanged').length} unchanged; {plural(result.rejected.length, 'row')} refused{result.rejected.length ? ', listed below: they stay here until you check another file' : ''}.
          </p>
        </Notice>
      ) : null}
      {result && result.rejected.length ? <RefusedRowsSection rejected={result.rejected} /> : null}
      {preview ? (
        <section aria-labelledby="rows-heading" className="card">
          <h2 id="rows-heading">Each row</h2>
          <TableScroll>
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
          </TableScroll>
          <Button className="button" isDisabled={applicable === 0} onPress={() => void run(false)}>
            {applicable === 1 ? 'Save the 1 allocation that can apply' : `Save the ${applicable} allocations that can apply`}
          </Button>
        </section>
      ) : null}
    </Page>
  );
}
