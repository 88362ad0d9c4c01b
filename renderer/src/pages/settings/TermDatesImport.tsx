import { useState } from 'react';
import { Button, Checkbox, FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { api } from '../../../../shared/api.ts';
import { TERM_LABELS } from '../../../../shared/domain/calendar.ts';
import type { InferredTerm, TermDatesImport as TermDatesFound, TermDatesYear } from '../../../../shared/domain/term-dates.ts';
import { invoke } from '../../api.ts';
import { fileInput, NO_FILE, OpenFileField, type FileChoice } from '../../components/FileFields.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, plural } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

const range = (from: string, to: string) => (from === to ? formatDate(from) : `${formatDate(from)} to ${formatDate(to)}`);

/** The terms of one way to divide a year, each date with the event it came from. */
function TermsTable({ label, terms }: { label: string; terms: InferredTerm[] }) {
  const from = (source: string) => <span className="hint"> from {source}</span>;
  return (
    <TableScroll>
    <table className="table">
      <caption>{label}</caption>
      <thead>
        <tr>
          <th scope="col">Term</th>
          <th scope="col">Starts</th>
          <th scope="col">Half-term</th>
          <th scope="col">Ends</th>
        </tr>
      </thead>
      <tbody>
        {terms.map((t) => (
          <tr key={t.name}>
            <th scope="row">{TERM_LABELS[t.name]}</th>
            <td>
              {formatDate(t.startsOn)}
              {from(t.sources.startsOn)}
            </td>
            <td>
              {range(t.halfTermFrom, t.halfTermTo)}
              {from(t.sources.halfTerm)}
            </td>
            <td>
              {formatDate(t.endsOn)}
              {from(t.sources.endsOn)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

/** A year with one division shows it; a year the file leaves open asks which division is right, suggesting one. */
function YearPreview({ year, chosen, onChoose, error, id }: { year: TermDatesYear; chosen: string | undefined; onChoose: (id: string) => void; error: string | undefined; id: string }) {
  const only = year.options[0];
  if (!year.needsChoice && only) return <TermsTable label={`${year.label}, as the file gives it`} terms={only.terms} />;
  const shown = year.options.find((o) => o.id === (chosen ?? year.suggested));
  return (
    <>
      {/* aria, not native: a native invalid radio would stop the form submitting even after a choice. */}
      <RadioGroup className="field radio-group" value={chosen ?? null} onChange={onChoose} id={id} isInvalid={error !== undefined} validationBehavior="aria">
        <Label>How does {year.label} divide into terms?</Label>
        <Text slot="description" className="hint">
          The file can be read in {year.options.length} ways: the breaks after Christmas could end the spring term in more than one place. Check the council’s published dates and choose.
        </Text>
        <FieldError className="error-message">{error}</FieldError>
        {year.options.map((o) => (
          <Radio key={o.id} value={o.id} className="radio">
            <span className="radio-circle" aria-hidden="true" />
            <span>
              {o.id === year.suggested ? <strong>Suggested: </strong> : null}
              {o.summary}
              {o.notes.map((n) => (
                <span key={n} className="hint">
                  {' '}
                  {n}
                </span>
              ))}
            </span>
          </Radio>
        ))}
      </RadioGroup>
      {shown ? <TermsTable label={`${year.label}, ${chosen ? 'as chosen' : 'as suggested'}`} terms={shown.terms} /> : null}
    </>
  );
}

/** The council's term-dates .ics: checked first (terms, where each date came from, what was not used), then saved in one go. */
export function TermDatesImport({ onSaved }: { onSaved: (message: string) => Promise<void> }) {
  const fileForm = useForm({ file: NO_FILE as FileChoice });
  const applyForm = useForm({ addInsetDays: false });
  const [preview, setPreview] = useState<TermDatesFound | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const choiceId = (label: string) => applyForm.idOf(`choices.${label}`);

  const check = async () => {
    setPreview(null);
    const parsed = fileForm.validate(api['calendar.importTermDates'].input, { ...fileInput(fileForm.values.file), dryRun: true });
    if (!parsed) return;
    try {
      setPreview(await invoke('calendar.importTermDates', parsed));
      setChoices({});
      applyForm.clear();
    } catch (error) {
      // An uploaded copy shows what the file held when chosen: choose it again after fixing it.
      if (fileForm.values.file.upload) fileForm.set('file', NO_FILE);
      fileForm.fail(error, 'path');
    }
  };

  const save = async () => {
    if (!preview) return;
    const open = preview.years.filter((y) => y.needsChoice && !choices[y.label]);
    if (open.length) {
      applyForm.addIssues(open.map((y) => ({ path: `choices.${y.label}`, message: `Choose how ${y.label} divides into terms` })));
      return;
    }
    const addInsetDays = applyForm.values.addInsetDays && preview.insetDays.length > 0;
    const parsed = applyForm.validate(api['calendar.importTermDates'].input, { ...fileInput(fileForm.values.file), dryRun: false, choices, addInsetDays, expected: { bytes: preview.file.bytes, modifiedAt: preview.file.modifiedAt } });
    if (!parsed) return;
    try {
      const result = await invoke('calendar.importTermDates', parsed);
      setPreview(null);
      // Read for the last time: LinkDesk has deleted its copy of an uploaded file.
      fileForm.set('file', NO_FILE);
      const inset = addInsetDays ? `, and ${plural(result.insetDaysAdded, 'INSET day')} added across the schools served` : '';
      await onSaved(`Term dates saved for ${result.years.map((y) => y.label).join(', ')}${inset}`);
    } catch (error) {
      applyForm.fail(error);
    }
  };

  return (
    <>
      <FormShell form={fileForm} onSubmit={check}>
        <OpenFileField
          {...fileForm.fileField('file', () => setPreview(null))}
          label="Term dates calendar (.ics)"
          hint="Choose it, or type or paste its full path. Any layout: named terms, Term 1 to Term 6, halves, holidays only, or Term starts and Term ends days"
          purpose="termDates"
        />
        <Button type="submit" className="button button-secondary">
          Check term dates
        </Button>
      </FormShell>
      {preview ? (
        <section aria-labelledby="term-dates-preview" className="card">
          <h4 id="term-dates-preview">What the file gives</h4>
          <p role="status">{`${plural(preview.years.length, 'school year')} found: ${preview.years.map((y) => y.label).join(', ')}. Nothing is saved until you save them.`}</p>
          <FormShell form={applyForm} onSubmit={save}>
            {preview.years.map((year) => (
              <YearPreview
                key={year.label}
                year={year}
                id={choiceId(year.label)}
                chosen={choices[year.label]}
                error={applyForm.errorFor(`choices.${year.label}`)}
                onChoose={(id) => setChoices((c) => ({ ...c, [year.label]: id }))}
              />
            ))}
            {preview.partYears.length > 0 ? (
              <>
                <h5>Not imported: only part of the year is in the file</h5>
                <ul>
                  {preview.partYears.map((y) => (
                    <li key={y.label}>{y.reason}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {preview.insetDays.length > 0 ? (
              <>
                <p>INSET days in the file: {preview.insetDays.map((d) => `${formatDate(d.day)} (${d.source})`).join('; ')}.</p>
                <Checkbox className="checkbox" isSelected={applyForm.values.addInsetDays} onChange={(v) => applyForm.set('addInsetDays', v)}>
                  <span className="checkbox-box" aria-hidden="true" />
                  Add {preview.insetDays.length === 1 ? 'this INSET day' : `these ${preview.insetDays.length} INSET days`} to each of the {plural(preview.servedSchools, 'school')} the team serves (a
                  school that sets its own can have a day removed on its page)
                </Checkbox>
              </>
            ) : null}
            {preview.ignored.length > 0 ? (
              <>
                <h5>Not used</h5>
                <ul>
                  {preview.ignored.map((e) => (
                    <li key={`${e.name}-${e.startsOn}`}>
                      “{e.name}”, {range(e.startsOn, e.endsOn)}: {e.reason.charAt(0).toLowerCase() + e.reason.slice(1)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <div className="actions">
              <Button type="submit" className="button">
                Save {preview.years.length === 1 ? 'this school year' : `these ${preview.years.length} school years`}
              </Button>
              <Button className="button button-secondary" onPress={() => setPreview(null)}>
                Cancel
              </Button>
            </div>
          </FormShell>
        </section>
      ) : null}
    </>
  );
}
