import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { AcademicYearInput, BANK_HOLIDAYS_URL, TERM_LABELS, TERM_NAMES, type AcademicYear } from '../../../../shared/domain/calendar.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { fileInput, NO_FILE, OpenFileField, type FileChoice } from '../../components/FileFields.tsx';
import { api } from '../../../../shared/api.ts';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { TermDatesImport } from './TermDatesImport.tsx';
import { formatDate, plural } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

type Part = 'startsOn' | 'halfTermFrom' | 'halfTermTo' | 'endsOn';
/** Named as the schema's paths (terms.0.startsOn), so its errors land on the right field. */
type TermFields = Record<`terms.${0 | 1 | 2}.${Part}`, string>;
const PARTS = [
  ['startsOn', 'Starts'],
  ['halfTermFrom', 'Half-term from'],
  ['halfTermTo', 'Half-term to'],
  ['endsOn', 'Ends'],
] as const;

function emptyTerms(): TermFields {
  return Object.fromEntries(TERM_NAMES.flatMap((_, i) => PARTS.map(([part]) => [`terms.${i}.${part}`, '']))) as TermFields;
}

function YearsTable({ years }: { years: AcademicYear[] }) {
  if (years.length === 0) return <p>No school year entered yet. Deadlines then skip weekends and bank holidays only.</p>;
  return (
    <TableScroll>
    <table className="table">
      <caption className="visually-hidden">School years entered</caption>
      <thead>
        <tr>
          <th scope="col">Year</th>
          <th scope="col">Term</th>
          <th scope="col">Starts</th>
          <th scope="col">Half-term</th>
          <th scope="col">Ends</th>
        </tr>
      </thead>
      <tbody>
        {years.flatMap((y) =>
          y.terms.map((t) => (
            <tr key={`${y.label}-${t.name}`}>
              <td>{y.label}</td>
              <td>{TERM_LABELS[t.name]}</td>
              <td>{formatDate(t.startsOn)}</td>
              <td>
                {formatDate(t.halfTermFrom)} to {formatDate(t.halfTermTo)}
              </td>
              <td>{formatDate(t.endsOn)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
    </TableScroll>
  );
}


export function CalendarSection() {
  const queryClient = useQueryClient();
  const years = useQuery({ queryKey: ['calendar.years'], queryFn: () => invoke('calendar.years', {}) });
  const info = useQuery({ queryKey: ['calendar.info'], queryFn: () => invoke('calendar.info', {}) });
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });
  const form = useForm({ label: '', ...emptyTerms() });
  const bank = useForm({ file: NO_FILE as FileChoice });
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('calendar') });
  const setInsetDaysWorked = async (value: boolean) => {
    await invoke('team.updateSettings', { insetDaysAreWorkingDays: value });
    await queryClient.invalidateQueries();
  };

  const saveYear = async () => {
    setMessage(null);
    const input = {
      label: form.values.label,
      terms: ([0, 1, 2] as const).map((i) => ({
        name: TERM_NAMES[i],
        startsOn: form.values[`terms.${i}.startsOn`],
        halfTermFrom: form.values[`terms.${i}.halfTermFrom`],
        halfTermTo: form.values[`terms.${i}.halfTermTo`],
        endsOn: form.values[`terms.${i}.endsOn`],
      })),
    };
    if (!form.validate(AcademicYearInput, input)) return;
    try {
      const saved = await invoke('calendar.saveYear', input);
      setMessage(`School year ${saved.label} saved`);
      await refresh();
    } catch (error) {
      form.fail(error);
    }
  };

  const importBank = async () => {
    setMessage(null);
    const parsed = bank.validate(api['calendar.importBankHolidays'].input, fileInput(bank.values.file));
    if (!parsed) return;
    try {
      const result = await invoke('calendar.importBankHolidays', parsed);
      bank.set('file', NO_FILE);
      setMessage(`${plural(result.count, 'bank holiday')} imported, ${formatDate(result.from)} to ${formatDate(result.to)}`);
      await refresh();
    } catch (error) {
      if (bank.values.file.upload) bank.set('file', NO_FILE);
      bank.fail(error, 'path');
    }
  };

  return (
    <section aria-labelledby="calendar-heading" className="card">
      <h2 id="calendar-heading">School year and working days</h2>
      <p>
        Deadlines such as the pro forma (sent 10 working days before a visit, due back 5 before) skip weekends, England and Wales bank holidays and,
        unless you count them as working days, school holidays. A school’s INSET days count as working days, as its staff are in, unless you turn
        that off.
      </p>
      {message ? <Notice title={message} /> : null}
      <YearsTable years={years.data ?? []} />
      <Checkbox
        className="checkbox"
        isSelected={info.data?.schoolHolidaysAreWorkingDays ?? false}
        onChange={(value) => void invoke('calendar.setSchoolHolidaysAreWorkingDays', { value }).then(refresh)}
      >
        <span className="checkbox-box" aria-hidden="true" />
        Count school holidays as working days
      </Checkbox>
      <Checkbox className="checkbox" isSelected={team.data?.settings.insetDaysAreWorkingDays ?? true} onChange={(value) => void setInsetDaysWorked(value)}>
        <span className="checkbox-box" aria-hidden="true" />
        Count a school’s INSET days as working days (the staff are in; the pupils are not)
      </Checkbox>
      <h3>Enter or correct a school year</h3>
      <FormShell form={form} onSubmit={saveYear}>
        <Field id={form.idOf('label')} label="School year" hint="For example 2026-27" value={form.values.label} onChange={(v) => form.set('label', v)} error={form.errorFor('label')} width="short" />
        {([0, 1, 2] as const).map((i) => (
          <fieldset key={i} className="fieldset date-row">
            <legend>{TERM_LABELS[TERM_NAMES[i]]}</legend>
            {PARTS.map(([part, label]) => {
              const name = `terms.${i}.${part}` as const;
              return <DateField key={name} {...form.field(name)} label={label} messageLabel={`${TERM_LABELS[TERM_NAMES[i]]}, ${label.toLowerCase()}`} hint="For example 1/9/2026" />;
            })}
          </fieldset>
        ))}
        <Button type="submit" className="button">
          Save school year
        </Button>
      </FormShell>
      <h3>Or import the council's term dates</h3>
      <p>LinkDesk works out the three terms and their half-terms from the council’s term and holiday events, shows you where each date came from, and saves nothing until you say so.</p>
      <TermDatesImport
        onSaved={async (saved) => {
          setMessage(saved);
          await refresh();
        }}
      />
      <h3>Bank holidays</h3>
      <p>
        {info.data ? `${plural(info.data.bankHolidays.count, 'England and Wales bank holiday')} held, ${formatDate(info.data.bankHolidays.from)} to ${formatDate(info.data.bankHolidays.to)}.` : ''} To add
        later years, download <code>bank-holidays.json</code> from <code>{BANK_HOLIDAYS_URL}</code> and import it. The dashboard reminds you six months
        before the last one held.
      </p>
      <FormShell form={bank} onSubmit={importBank}>
        <OpenFileField
          id={bank.idOf('path')}
          label="bank-holidays.json"
          hint="Choose it, or type or paste its full path"
          purpose="bankHolidays"
          value={bank.values.file}
          onChange={(file) => bank.set('file', file)}
          onError={(error) => bank.fail(error, 'path')}
          error={bank.errorFor('path')}
        />
        <Button type="submit" className="button button-secondary">
          Import bank holidays
        </Button>
      </FormShell>
    </section>
  );
}
