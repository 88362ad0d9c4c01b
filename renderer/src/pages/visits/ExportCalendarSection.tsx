import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { z } from 'zod';
import { addDays } from '../../../../shared/format.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
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

/** Visits and pro forma deadlines into Outlook: importing again updates the same events. */
export function ExportCalendarSection() {
  const form = useForm({ path: '', from: todayLocal(), to: addDays(todayLocal(), 365), replace: false });
  const [done, setDone] = useState<{ path: string; events: number } | null>(null);
  const submit = async () => {
    setDone(null);
    const parsed = form.validate(ExportForm);
    if (!parsed) return;
    try {
      setDone(await invoke('visits.exportCalendar', parsed));
    } catch (error) {
      form.fail(error, 'path');
    }
  };
  return (
    <section aria-labelledby="export-heading" className="card">
      <h2 id="export-heading">Export to Outlook</h2>
      <p>An .ics file with every visit, the day to send each pro forma and the day it is due back. Import it into Outlook; a newer export updates the same events.</p>
      {done ? (
        <Notice title="Calendar file saved">
          <p>
            {plural(done.events, 'event')} in <span className="path">{done.path}</span>
          </p>
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={submit}>
        <Field id={form.idOf('path')} label="Save as" hint="The full path, ending .ics" value={form.values.path} onChange={(v) => form.set('path', v)} error={form.errorFor('path')} />
        <Checkbox id={form.idOf('replace')} className="checkbox" isSelected={form.values.replace} onChange={(v) => form.set('replace', v)}>
          <span className="checkbox-box" aria-hidden="true" />
          Replace a file already at this path (an earlier export)
        </Checkbox>
        <div className="date-row">
          <DateField {...form.field('from')} label="From" />
          <DateField {...form.field('to')} label="To" />
        </div>
        <Button type="submit" className="button button-secondary">
          Export calendar
        </Button>
      </FormShell>
    </section>
  );
}
