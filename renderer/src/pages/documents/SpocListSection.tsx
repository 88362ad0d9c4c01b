import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { SpocListInput } from '../../../../shared/domain/documents.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { SaveFileField } from '../../components/FileFields.tsx';
import { isBrowserMode, startDownload } from '../../files.ts';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, plural, todayLocal } from '../../format.ts';

const separator = (folder: string) => (folder.includes('\\') ? '\\' : '/');

/** The published SPOC contact list: checked for schools with no named link worker, then saved as .xlsx. */
export function SpocListSection({ teamFolder }: { teamFolder: string }) {
  const queryClient = useQueryClient();
  const form = useForm({ validFrom: todayLocal(), path: '', acceptGaps: false, replace: false });
  const validFrom = form.values.validFrom;
  const check = useQuery({ queryKey: ['documents.checkSpocList', validFrom], queryFn: () => invoke('documents.checkSpocList', { validFrom }), enabled: /^\d{4}-\d{2}-\d{2}$/.test(validFrom) });
  // The file is named after the day only once the field reads as one (a half-typed 3/12 would put a / in the name).
  const suggested = teamFolder ? `${teamFolder}${separator(teamFolder)}SPOC contact list ${/^\d{4}-\d{2}-\d{2}$/.test(validFrom) ? validFrom : todayLocal()}.xlsx` : '';
  const target = form.valueOr('path', suggested);
  const [saved, setSaved] = useState<{ path: string; rows: number; downloaded: boolean } | null>(null);
  const gaps = check.data?.gaps ?? [];

  const submit = async (download = false) => {
    setSaved(null);
    const where = download ? { download: true } : { path: target, replace: form.values.replace };
    const input = { ...where, validFrom, acceptGaps: form.values.acceptGaps };
    if (!form.validate(SpocListInput, input)) return;
    try {
      const result = await invoke('documents.exportSpocList', input);
      if (result.download) startDownload(result.download);
      setSaved({ ...result, downloaded: Boolean(result.download) });
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('documents') });
    } catch (error) {
      form.fail(error, 'path');
    }
  };

  return (
    <section aria-labelledby="spoc-heading" className="card">
      <h2 id="spoc-heading">SPOC contact list</h2>
      <p>
        The list the team publishes so schools know whom to call: every open school the team serves with its named link worker (SPOC), secondary link worker and team manager, with
        their work email and phone. Declared connections, notes, reasons and children are never included.
      </p>
      {saved ? (
        <Notice title={`SPOC list of ${plural(saved.rows, 'school')} ${saved.downloaded ? 'downloaded' : 'saved'}`}>
          <p>{saved.downloaded ? <>Your browser saves it as <strong>{saved.path}</strong>, usually in your Downloads folder.</> : <code className="path">{saved.path}</code>}</p>
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={() => submit()}>
        <DateField {...form.field('validFrom')} label="Valid from" hint="The list shows the allocations on this day" />
        {check.data ? (
          gaps.length ? (
            <div className="finding-group finding-warning">
              <p className="finding-title">
                {gaps.length} of {check.data.schools} open schools in the team’s scope {gaps.length === 1 ? 'has' : 'have'} no named link worker on {formatDate(validFrom)}: they will show as “To be allocated”.
              </p>
              <ul>{gaps.map((g) => <li key={g.urn}>{g.name} ({g.urn})</li>)}</ul>
              {form.errorFor('acceptGaps') ? <p className="error-message">{form.errorFor('acceptGaps')}</p> : null}
              <Checkbox id={form.idOf('acceptGaps')} className="checkbox" isSelected={form.values.acceptGaps} onChange={(v) => form.set('acceptGaps', v)}>
                <span className="checkbox-box" aria-hidden="true" />
                Save the list with these schools shown as “To be allocated”
              </Checkbox>
            </div>
          ) : (
            <p className="finding-ok" role="status">{check.data.schools === 1 ? 'The open school has' : `All ${check.data.schools} open schools have`} a named link worker on {formatDate(validFrom)}.</p>
          )
        ) : null}
        {isBrowserMode() ? (
          <div className="page-actions">
            <Button className="button" onPress={() => void submit(true)}>
              Download the SPOC list
            </Button>
          </div>
        ) : null}
        <SaveFileField
          id={form.idOf('path')}
          label="Save as"
          hint={isBrowserMode() ? 'Or save it at a full path on this computer, ending in .xlsx' : 'Choose where, or type a full path ending in .xlsx'}
          purpose="spocList"
          suggestedName={`SPOC contact list ${validFrom}.xlsx`}
          value={target}
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
        <Button type="submit" className={isBrowserMode() ? 'button button-secondary' : 'button'}>
          Save the SPOC list
        </Button>
      </FormShell>
    </section>
  );
}
