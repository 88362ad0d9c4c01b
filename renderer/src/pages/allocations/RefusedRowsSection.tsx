import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import type { AllocationImportResult } from '../../../../shared/domain/allocations.ts';
import { api } from '../../../../shared/api.ts';
import { invoke } from '../../api.ts';
import { SaveFileField } from '../../components/FileFields.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { isBrowserMode, startDownload } from '../../files.ts';
import { todayLocal } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

type Rejected = AllocationImportResult['rejected'];

/**
 * The rows an import refused, kept on screen after the others were saved, and saved as a
 * spreadsheet to work through: through the one writer of files (never over a file unless asked).
 */
export function RefusedRowsSection({ rejected }: { rejected: Rejected }) {
  const form = useForm({ path: '', replace: false });
  const [done, setDone] = useState<{ path: string; rows: number; downloaded: boolean } | null>(null);
  const suggestedName = `Refused allocation rows ${todayLocal()}.xlsx`;
  const submit = async (download = false) => {
    setDone(null);
    const input = download ? { rows: rejected, download: true } : { rows: rejected, path: form.values.path, replace: form.values.replace };
    const parsed = form.validate(api['allocations.saveRefused'].input, input);
    if (!parsed) return;
    try {
      const result = await invoke('allocations.saveRefused', parsed);
      if (result.download) startDownload(result.download);
      setDone({ path: result.path, rows: result.rows, downloaded: Boolean(result.download) });
    } catch (error) {
      form.fail(error, 'path');
    }
  };
  return (
    <section aria-labelledby="refused-heading" className="card">
      <h2 id="refused-heading">
        {rejected.length} refused {rejected.length === 1 ? 'row' : 'rows'}, not saved
      </h2>
      <TableScroll>
      <table className="table">
        <caption className="visually-hidden">The rows of the file that were refused, and why</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">School</th>
            <th scope="col">Why refused</th>
          </tr>
        </thead>
        <tbody>
          {rejected.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>{r.school ? `${r.school.name} (${r.school.urn})` : '–'}</td>
              <td>{r.reasons.join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <h3>Save them as a spreadsheet</h3>
      {done ? (
        <Notice title={done.downloaded ? 'Refused rows downloaded' : 'Refused rows saved'}>
          <p>
            {done.rows} rows in <span className="path">{done.path}</span>
            {done.downloaded ? ', in the folder your browser saves downloads to' : ''}
          </p>
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={() => submit()}>
        {isBrowserMode() ? (
          <div className="page-actions">
            <Button className="button button-secondary" onPress={() => void submit(true)}>
              Download the refused rows
            </Button>
          </div>
        ) : null}
        <SaveFileField
          id={form.idOf('path')}
          label="Save as"
          hint={isBrowserMode() ? 'Or save it at a full path on this computer, ending in .xlsx' : 'Choose where, or type a full path ending in .xlsx'}
          purpose="refusedRows"
          suggestedName={suggestedName}
          value={form.values.path}
          onChange={(v, replace) => {
            form.set('path', v);
            if (replace !== undefined) form.set('replace', replace);
          }}
          error={form.errorFor('path')}
        />
        <Checkbox id={form.idOf('replace')} className="checkbox" isSelected={form.values.replace} onChange={(v) => form.set('replace', v)}>
          <span className="checkbox-box" aria-hidden="true" />
          Replace a file already at this path
        </Checkbox>
        <Button type="submit" className="button button-secondary">
          Save the refused rows
        </Button>
      </FormShell>
    </section>
  );
}
