import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { Link } from 'react-router';
import { api } from '../../../../shared/api.ts';
import { BULK_FIELD_LABELS, type HubImportResult, type HubImportRow } from '../../../../shared/domain/school-bulk.ts';
import { invoke } from '../../api.ts';
import { fileInput, NO_FILE, OpenFileField, type FileChoice } from '../../components/FileFields.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useForm } from '../../components/useForm.ts';
import { plural } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

const OUTCOME: Record<HubImportRow['outcome'], string> = { change: 'Will change', unchanged: 'No change', refused: 'Refused' };
const shown = (v: string | null) => (v === null || v === '' ? '(blank)' : v);

function RowsTable({ rows }: { rows: HubImportRow[] }) {
  return (
    <TableScroll>
    <table className="table">
      <caption className="visually-hidden">What each row of the file would do</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">School</th>
          <th scope="col">Outcome</th>
          <th scope="col">What changes, or why not</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row}>
            <td>{r.row}</td>
            <td>{r.school ? `${r.school} (${r.urn})` : r.urn || '–'}</td>
            <td>
              <span className={r.outcome === 'refused' ? 'tag tag-error' : 'tag tag-info'}>{OUTCOME[r.outcome]}</span>
            </td>
            <td>{r.outcome === 'refused' ? r.message?.replace(/^Row \d+, /, '') : r.changes.map((c) => `${BULK_FIELD_LABELS[c.field]}: ${shown(c.from)} → ${shown(c.to)}`).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

/** Hubs (and DSL details) for many schools from a spreadsheet: checked row by row, then applied together. */
export function HubImportPage() {
  const queryClient = useQueryClient();
  const form = useForm({ file: NO_FILE as FileChoice, applyGoodRows: false });
  const [preview, setPreview] = useState<HubImportResult | null>(null);
  const [result, setResult] = useState<HubImportResult | null>(null);

  const run = async (dryRun: boolean) => {
    const expected = !dryRun && preview ? { bytes: preview.file.bytes, modifiedAt: preview.file.modifiedAt } : undefined;
    const parsed = form.validate(api['schools.importHubs'].input, { ...fileInput(form.values.file), dryRun, applyGoodRows: form.values.applyGoodRows, ...(expected ? { expected } : {}) });
    if (!parsed) return;
    try {
      const r = await invoke('schools.importHubs', parsed);
      if (dryRun) {
        setPreview(r);
        setResult(null);
        return;
      }
      setResult(r);
      setPreview(null);
      // LinkDesk deleted its copy of an uploaded file once imported.
      if (form.values.file.upload && r.applied > 0) form.set('file', NO_FILE);
      await queryClient.invalidateQueries({ predicate: (q) => /^(schools|allocations)/.test(String(q.queryKey[0])) });
    } catch (error) {
      setPreview(null);
      form.fail(error, 'path');
    }
  };

  const c = preview?.counts;
  return (
    <Page title="Import hubs" lead="Set the hub of many schools from a spreadsheet, for example after a GIAS import has added schools with no hub.">
      <p>
        <Link to="/schools">All schools</Link>
      </p>
      <p>
        A .csv or .xlsx file whose first row names the columns: <strong>URN</strong> and <strong>Hub</strong> (or Area), and if you like <strong>DSL name</strong> and{' '}
        <strong>DSL email</strong>. A blank cell keeps what the school has. Nothing changes until you import the checked file.
      </p>
      {result ? (
        <Notice title={result.applied ? `${plural(result.applied, 'school')} changed` : 'Nothing was changed'}>
          <p>
            {plural(result.counts.unchanged, 'row')} unchanged{result.counts.refused ? `, ${plural(result.counts.refused, 'row')} refused` : ''}.
          </p>
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={() => run(true)} className="card form">
        <OpenFileField
          {...form.fileField('file', () => {
            setPreview(null);
            setResult(null);
          })}
          label="Spreadsheet"
          hint="Choose the .xlsx or .csv file, or type or paste its full path"
          purpose="hubs"
        />
        <Button type="submit" className="button">
          Check the file
        </Button>
      </FormShell>
      {preview && c ? (
        <section aria-labelledby="hub-rows-heading" className="card">
          <h2 id="hub-rows-heading">What the import will do</h2>
          <p role="status">
            {plural(c.change, 'school')} to change, {plural(c.unchanged, 'row')} unchanged, {plural(c.refused, 'row')} refused, in {preview.file.name}.
          </p>
          <RowsTable rows={preview.rows} />
          {c.refused > 0 && c.change > 0 ? (
            <Checkbox className="checkbox" isSelected={form.values.applyGoodRows} onChange={(v) => form.set('applyGoodRows', v)}>
              <span className="checkbox-box" aria-hidden="true" />
              Import the {plural(c.change, 'change')} and leave the refused {c.refused === 1 ? 'row' : 'rows'} out
            </Checkbox>
          ) : null}
          {c.change > 0 ? (
            <Button className="button" isDisabled={c.refused > 0 && !form.values.applyGoodRows} onPress={() => void run(false)}>
              Import {plural(c.change, 'change')}
            </Button>
          ) : (
            <p>Nothing in this file would change a school.</p>
          )}
        </section>
      ) : null}
    </Page>
  );
}
