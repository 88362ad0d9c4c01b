import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { z } from 'zod';
import { addDays } from '../../../../shared/format.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { SaveFileField } from '../../components/FileFields.tsx';
import { isBrowserMode, startDownload } from '../../files.ts';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { plural, todayLocal } from '../../format.ts';

const ExportForm = z.object({
  path: z.string().trim().min(1, 'Enter where to save the .ics file'),
  from: z.iso.date('Enter the first day, such as 1/1/2027'),
  to: z.iso.date('Enter the last day, such as 31/3/2027'),
  replace: z.boolean(),
});
/** Browser mode: the same range, downloaded instead of saved at a path. */
const DownloadForm = ExportForm.omit({ path: true, replace: true }).extend({ download: z.literal(true) });

/** Visits and pro forma deadlines into Outlook: importing again updates the same events. */
export function ExportCalendarSection() {
  const form = useForm({ path: '', from: todayLocal(), to: addDays(todayLocal(), 365), replace: false });
  const [done, setDone] = useState<{ path: string; events: number; downloaded: boolean } | null>(null);
  const submit = async (download = false) => {
    setDone(null);
    const parsed = download ? form.validate(DownloadForm, { download: true, from: form.values.from, to: form.values.to }) : form.validate(ExportForm);
    if (!parsed) return;
    try {
      const result = await invoke('visits.exportCalendar', parsed);
      if (result.download) startDownload(result.download);
      setDone({ ...result, downloaded: Boolean(result.download) });
    } catch (error) {
      form.fail(error, 'path');
    }
  };
  return (
    <section aria-labelledby="export-heading" className="card">
      <h2 id="export-heading">Export to Outlook</h2>
      <p>An .ics file with every visit, the day to send each pro forma and the day it is due back. Import it into Outlook; a newer export updates the same events.</p>
      {done ? (
        <Notice title={done.downloaded ? 'Calendar file downloaded' : 'Calendar file saved'}>
          <p>
            {plural(done.events, 'event')} in <span className="path">{done.path}</span>
            {done.downloaded ? ', in the folder your browser saves downloads to' : ''}
          </p>
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={() => submit()}>
        <SaveFileField
          id={form.idOf('path')}
          label="Save as"
          hint={isBrowserMode() ? 'A full path on this computer, ending .ics; or download it below' : 'Choose where, or type a full path ending .ics'}
          purpose="calendar"
          suggestedName={`LinkDesk calendar ${form.values.from} to ${form.values.to}.ics`}
          value={form.values.path}
          onChange={(v, replace) => {
            form.set('path', v);
            if (replace !== undefined) form.set('replace', replace);
          }}
          error={form.errorFor('path')}
        />
        <Checkbox id={form.idOf('replace')} className="checkbox" isSelected={form.values.replace} onChange={(v) => form.set('replace', v)}>
          <span className="checkbox-box" aria-hidden="true" />
          Replace a file already at this path (an earlier export)
        </Checkbox>
        <div className="date-row">
          <DateField {...form.field('from')} label="From" />
          <DateField {...form.field('to')} label="To" />
        </div>
        <div className="page-actions">
          <Button type="submit" className="button button-secondary">
            Export calendar
          </Button>
          {isBrowserMode() ? (
            <Button className="button button-secondary" onPress={() => void submit(true)}>
              Download the calendar
            </Button>
          ) : null}
        </div>
      </FormShell>
    </section>
  );
}
