import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox, ProgressBar } from 'react-aria-components';
import { Link } from 'react-router';
import { z } from 'zod';
import { LaCode, type GiasPreview } from '../../../../shared/domain/imports.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useForm } from '../../components/useForm.ts';
import { GiasPreviewReport } from './GiasPreviewReport.tsx';
import { FormShell } from '../../components/FormShell.tsx';

const Choice = z.object({
  path: z.string().trim().min(1, 'Enter the path of the GIAS file (edubasealldata….csv)'),
  laCodes: z.array(LaCode),
});

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
  const form = useForm({ path: '', laCodes: '' });
  const [preview, setPreview] = useState<GiasPreview | null>(null);
  const [applyGoodRows, setApplyGoodRows] = useState(false);
  const previewMutation = useMutation({ mutationFn: (input: { path: string; laCodes: string[] }) => invoke('gias.preview', input) });
  const applyMutation = useMutation({
    mutationFn: (input: { path: string; laCodes: string[]; applyGoodRows: boolean; expected: { bytes: number; modifiedAt: string } }) => invoke('gias.apply', input),
  });

  const choice = () => form.validate(Choice, { path: form.values.path, laCodes: parseCodes(form.values.laCodes) });

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
      await applyMutation.mutateAsync({ ...parsed, applyGoodRows, expected: { bytes: preview.file.bytes, modifiedAt: preview.file.modifiedAt } });
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
        <Field id={form.idOf('path')} label="GIAS file" hint="The full path of the .csv file" value={form.values.path} onChange={(v) => form.set('path', v)} error={form.errorFor('path')} />
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
            Import {preview.counts.added + preview.counts.updated} changes
          </Button>
        </section>
      ) : null}
    </Page>
  );
}
