import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { z } from 'zod';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { CancelButton, OnDemand } from '../../components/OnDemand.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate } from '../../format.ts';

const Day = z.object({ day: z.iso.date('Enter the INSET day, such as 3/12/2026') });

/** Days the school is closed to pupils: its visit deadlines skip them only when the team counts INSET days as non-working. */
export function InsetDaysSection({ urn }: { urn: string }) {
  const queryClient = useQueryClient();
  const days = useQuery({ queryKey: ['calendar.insetDays', urn], queryFn: () => invoke('calendar.insetDays', { urn }) });
  const set = async (day: string, closed: boolean) => {
    await invoke('calendar.setInsetDay', { urn, day, closed });
    await queryClient.invalidateQueries({ predicate: (q) => /^(calendar|visits|dashboard)/.test(String(q.queryKey[0])) });
  };
  return (
    <section aria-labelledby="inset-heading" className="card">
      <h2 id="inset-heading">INSET days</h2>
      <p className="muted">Days the school is closed to pupils. Its staff are in, so they count as working days for its visit deadlines, unless the team settings say otherwise.</p>
      {days.data && days.data.length > 0 ? (
        <ul>
          {days.data.map((d) => (
            <li key={d}>
              {formatDate(d)}{' '}
              <Button className="button button-secondary" aria-label={`Remove the INSET day on ${formatDate(d)}`} onPress={() => void set(d, false)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p>None recorded.</p>
      )}
      <OnDemand label="Add an INSET day">{(close) => <InsetDayForm onAdd={(day) => set(day, true)} onCancel={close} />}</OnDemand>
    </section>
  );
}

/** Stays open after adding a day: a school's INSET days are usually entered five at a time. */
function InsetDayForm({ onAdd, onCancel }: { onAdd: (day: string) => Promise<void>; onCancel: () => void }) {
  const form = useForm({ day: '' });
  const add = async () => {
    const parsed = form.validate(Day);
    if (!parsed) return;
    try {
      await onAdd(parsed.day);
      form.setValues({ day: '' });
    } catch (error) {
      form.fail(error, 'day');
    }
  };
  return (
    <FormShell form={form} onSubmit={add}>
      <DateField {...form.field('day')} label="INSET day" />
      <div className="actions">
        <Button type="submit" className="button">
          Add INSET day
        </Button>
        <CancelButton onCancel={onCancel} />
      </div>
    </FormShell>
  );
}
