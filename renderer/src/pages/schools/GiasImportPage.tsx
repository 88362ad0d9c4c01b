import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox, ProgressBar } from 'react-aria-components';
import { Link } from 'react-router';
import type { z } from 'zod';
import { GiasImportInput, type GiasApplyInput, type GiasPreview } from '../../../../shared/domain/imports.ts';
import { plural } from '../../format.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { fileInput, NO_FILE, OpenFileField, type FileChoice } from '../../components/FileFields.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useForm } from '../../components/useForm.ts';
import { GiasPreviewReport } from './GiasPreviewReport.tsx';
import { FormShell } from '../../components/FormShell.tsx';

function parseCodes(text: string): string[] {
  return text.split(/[\s,;]+/).map((c) => c.trim()).filter(Boolean);
}

/**
 * The preview reports how much of the file it has read. The import reads and saves in one
 * transaction that nothing else may enter, so it cannot be asked how far it is: it shows
 * "Saving…" until it ends.
 */
function ImportProgress({ active, saving }: { active: boolean; saving: boolean }) {
  const progress = useQuery({ queryKey: ['imports.progress'], queryFn: () => invoke('imports.progress', {}), refetchInterval: active && !saving ? 250 : false, enabled: active && !saving });
  if (!active) return null;
  const p = progress.data;
  const percent = p && p.totalBytes > 0 ? Math.round((p.bytesRead / p.totalBytes) * 100) : 0;
  return (
    <ProgressBar className="progress" value={percent} isIndeterminate={saving} aria-label={saving ? 'Saving the import' : 'Reading the file'}>
      {({ valueText }) => (
        <>
          <span className="progress-label">{saving ? 'Saving…' : `Reading the file… ${valueText ?? ''}`}</span>
          {saving ? null : (
            <span className="progress-track">
              <span className="progress-fill" style={{ width: `${percent}%` }} />
            </span>
          )}
        </>
      )}
    </ProgressBar>
  );
}

export function GiasImportPage() {
  const queryClient = useQueryClient();
  const form = useForm({ file: NO_FILE as FileChoice, laCodes: '' });
  const [preview, setPreview] = useState<GiasPreview | null>(null);
  const [applyGoodRows, setApplyGoodRows] = useState(false);
  const previewMutation = useMutation({ mutationFn: (input: z.input<typeof GiasImportInput>) => invoke('gias.preview', input) });
  const applyMutation = useMutation({ mutationFn: (input: z.input<typeof GiasApplyInput>) => invoke('gias.apply', input) });

  const choice = () => form.validate(GiasImportInput, { ...fileInput(form.values.file), laCodes: parseCodes(form.values.laCodes) });

  const runPreview = async () => {
    setPreview(null);
    applyMutation.reset();
    const parsed = choice();
    if (!parsed) return;
    try {
      setPreview(await previewMutation.mutateAsync(parsed));
    } catch (error) {
      form.fail(error, 'path');
    }
  };

  const runApply = async () => {
    const parsed = choice();
    if (!parsed || !preview) return;
    try {
      const result = await applyMutation.mutateAsync({ ...parsed, applyGoodRows, expected: { bytes: preview.file.bytes, modifiedAt: preview.file.modifiedAt } });
      // LinkDesk deleted its copy of an uploaded file once imported.
      if (result.applied && form.values.file.upload) form.set('file', NO_FILE);
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('schools') });
    } catch (error) {
      form.fail(error, 'path');
    }
  };

  const busy = previewMutation.isPending || applyMutation.isPending;
  const result = applyMutation.data;
  return (
    <Page title="Import schools from GIAS">
      <p>
        <Link to="/schools">All schools</Link>
      </p>
      <p>
        Download the establishment file (<code>edubasealldata….csv</code>) from Get Information About Schools. LinkDesk adds new
        schools, updates the facts of the ones it has, marks closed ones and never changes what your team keeps.
      </p>
      <FormShell form={form} onSubmit={() => runPreview()} className="card form">
        <OpenFileField
          {...form.fileField('file', () => setPreview(null))}
          label="GIAS file"
          hint="Choose the .csv file, or type or paste its full path"
          purpose="gias"
        />
        <Field
          id={form.idOf('laCodes')}
          label="Local authority codes (optional)"
          hint="Only these authorities, for example 202 or 202, 201. Leave empty for every school in the file."
          value={form.values.laCodes}
          onChange={(v) => form.set('laCodes', v)}
          error={form.errorFor('laCodes')}
          width="half"
        />
        <Button type="submit" className="button" isDisabled={busy}>
          Preview the import
        </Button>
      </FormShell>
      <div aria-live="polite">
        <ImportProgress active={busy} saving={applyMutation.isPending} />
        {result ? (
          result.applied ? (
            <Notice title="Import complete">
              <p>
                {result.counts.added} added, {result.counts.updated} updated, {result.counts.unchanged} unchanged, {result.counts.skipped} skipped.
              </p>
              <p>
                <Link to="/schools">See the schools</Link>
              </p>
            </Notice>
          ) : (
            <Notice kind="warning" title="Nothing was imported">
              <p>The file has rows with errors. Fix them, or choose to import the good rows.</p>
            </Notice>
          )
        ) : null}
      </div>
      {preview && !result?.applied ? (
        <section aria-labelledby="preview-heading" className="card">
          <h2 id="preview-heading">What the import will do</h2>
          <GiasPreviewReport preview={preview} />
          {preview.counts.errors > 0 ? (
            <Checkbox className="checkbox" isSelected={applyGoodRows} onChange={setApplyGoodRows}>
              <span className="checkbox-box" aria-hidden="true" />
              Import the good rows and leave out the {preview.counts.errors} {preview.counts.errors === 1 ? 'row' : 'rows'} with errors
            </Checkbox>
          ) : null}
          <Button className="button" onPress={() => void runApply()} isDisabled={busy || (preview.counts.errors > 0 && !applyGoodRows)}>
            Import {plural(preview.counts.added + preview.counts.updated, 'change')}
          </Button>
        </section>
      ) : null}
    </Page>
  );
}
