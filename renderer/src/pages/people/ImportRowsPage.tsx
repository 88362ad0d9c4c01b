import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { Link } from 'react-router';
import { api } from '../../../../shared/api.ts';
import { countOf } from '../../../../shared/domain/first-run.ts';
import type { RowsImportResult } from '../../../../shared/domain/imports.ts';
import { invoke } from '../../api.ts';
import { fileInput, NO_FILE, OpenFileField, type FileChoice } from '../../components/FileFields.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useForm } from '../../components/useForm.ts';
import { RowsPreviewReport } from './RowsPreviewReport.tsx';

const IMPORTS = {
  people: {
    method: 'people.importFile',
    title: 'Import people',
    noun: ['person', 'people'],
    intro: 'The team’s workers from a spreadsheet (.xlsx or .csv), one row each. People LinkDesk already has are matched by their work email and updated; a blank cell keeps what LinkDesk holds.',
    columns: 'Name, Role (Family Support Worker, Team Manager or Other), Email, and Active from; Phone, Hub, Capacity and Active to if you have them. Dates as 01/09/2026 or 2026-09-01.',
  },
  connections: {
    method: 'connections.importFile',
    title: 'Import declared connections',
    noun: ['declared connection', 'declared connections'],
    intro: 'The connections workers declared to schools (their own child attends, a close family member works there, governor or trustee, or other), from a spreadsheet (.xlsx or .csv). Import the people and the schools first. A connection LinkDesk already holds is left as it is.',
    columns: 'Worker email, School URN, Connection, From; To and Details (needed for “other”) if you have them.',
  },
} as const;

export type RowsImportKind = keyof typeof IMPORTS;

/** People or declared connections from a spreadsheet: choose, preview each row, then import in one go. */
export function ImportRowsPage({ kind }: { kind: RowsImportKind }) {
  const queryClient = useQueryClient();
  const spec = IMPORTS[kind];
  const form = useForm({ file: NO_FILE as FileChoice });
  const [preview, setPreview] = useState<RowsImportResult | null>(null);
  const [result, setResult] = useState<RowsImportResult | null>(null);
  const [applyGoodRows, setApplyGoodRows] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    const input = { ...fileInput(form.values.file), dryRun, applyGoodRows, ...(!dryRun && preview ? { expected: { bytes: preview.file.bytes, modifiedAt: preview.file.modifiedAt } } : {}) };
    const parsed = form.validate(api[spec.method].input, input);
    if (!parsed) return;
    setBusy(true);
    try {
      const answer = await invoke(spec.method, parsed);
      if (dryRun) {
        setPreview(answer);
        setResult(null);
        setApplyGoodRows(false);
        return;
      }
      setResult(answer);
      if (answer.applied > 0 || answer.rejected.length === 0) {
        setPreview(null);
        // LinkDesk deleted its copy of an uploaded file once imported.
        if (form.values.file.upload) form.set('file', NO_FILE);
      }
      await queryClient.invalidateQueries({ predicate: (q) => /^(people|schools|dashboard|allocations)/.test(String(q.queryKey[0])) });
    } catch (error) {
      form.fail(error, 'path');
    } finally {
      setBusy(false);
    }
  };

  const changes = preview ? preview.counts.added + preview.counts.updated : 0;
  const refused = preview?.counts.refused ?? 0;
  return (
    <Page title={spec.title}>
      <p>
        <Link to="/people">All people</Link>
      </p>
      <p>{spec.intro}</p>
      <p>Columns, named in the first row in any order: {spec.columns}</p>
      <FormShell form={form} onSubmit={() => run(true)} className="card form">
        <OpenFileField
          {...form.fileField('file', () => {
            setPreview(null);
            setResult(null);
          })}
          label="Spreadsheet"
          hint="Choose the .xlsx or .csv file, or type or paste its full path"
          purpose={kind}
        />
        <Button type="submit" className="button" isDisabled={busy}>
          Preview the import
        </Button>
      </FormShell>
      <div aria-live="polite">
        {result ? (
          result.applied > 0 || result.rejected.length === 0 ? (
            <Notice title="Import complete">
              <p>
                {countOf(result.counts.added, 'added', 'added')}, {countOf(result.counts.updated, 'changed', 'changed')}, {countOf(result.counts.unchanged, 'unchanged', 'unchanged')}
                {result.rejected.length ? `; ${countOf(result.rejected.length, 'row')} with errors left out` : ''}.
              </p>
              <p>
                <Link to="/people">See the people</Link>
                {kind === 'people' ? (
                  <>
                    {' '}
                    or <Link to="/people/import-connections">import their declared connections</Link>
                  </>
                ) : null}
              </p>
            </Notice>
          ) : (
            <Notice kind="warning" title="Nothing was imported">
              <p>The file has rows with errors. Fix them, or choose to import the good rows.</p>
            </Notice>
          )
        ) : null}
      </div>
      {preview ? (
        <section aria-labelledby="preview-heading" className="card">
          <h2 id="preview-heading">What the import will do</h2>
          <RowsPreviewReport preview={preview} noun={spec.noun} />
          {refused > 0 && changes > 0 ? (
            <Checkbox className="checkbox" isSelected={applyGoodRows} onChange={setApplyGoodRows}>
              <span className="checkbox-box" aria-hidden="true" />
              Import the good rows and leave out the {countOf(refused, 'row')} with errors
            </Checkbox>
          ) : null}
          {changes > 0 ? (
            <Button className="button" onPress={() => void run(false)} isDisabled={busy || (refused > 0 && !applyGoodRows)}>
              Import {countOf(changes, 'change')}
            </Button>
          ) : (
            <p>Nothing to import: {refused ? 'every row has an error.' : `every ${spec.noun[0]} in the file is already in LinkDesk as it is.`}</p>
          )}
        </section>
      ) : null}
    </Page>
  );
}
