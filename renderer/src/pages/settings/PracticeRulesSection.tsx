import { Button, Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components';
import { CATEGORY_LABELS, SCHOOL_CATEGORIES, type SchoolCategory } from '../../../../shared/domain/schools.ts';
import { TeamSettingsPatch, type TeamSettings } from '../../../../shared/domain/team.ts';
import { FormShell } from '../../components/FormShell.tsx';
import { Select } from '../../components/Select.tsx';
import { MONTH_NAMES } from '../../../../shared/domain/declarations.ts';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { useSettingsSave } from './useSettingsSave.ts';

type ListName = 'countyAgreementCategories' | 'schoolNurseCategories';

/** The rules councils set differently: which categories need a county-level agreement, which the school nurse team serves, the month of the annual declarations. */
export function PracticeRulesSection({ settings }: { settings: TeamSettings }) {
  const form = useForm({
    countyAgreementCategories: settings.countyAgreementCategories, schoolNurseCategories: settings.schoolNurseCategories, declarationMonth: String(settings.declarationMonth),
  });
  const { saved, begin, save } = useSettingsSave(form);

  const submit = async () => {
    begin();
    const parsed = form.validate(TeamSettingsPatch, { ...form.values, declarationMonth: Number(form.values.declarationMonth) });
    if (!parsed) return;
    await save(parsed);
  };

  const group = (name: ListName, label: string, hint: string) => (
    <CheckboxGroup className="field checkbox-group" value={form.values[name]} onChange={(v) => form.set(name, v as SchoolCategory[])} isInvalid={Boolean(form.errorFor(name))} id={form.idOf(name)}>
      <Label>{label}</Label>
      <Text slot="description" className="hint">
        {hint}
      </Text>
      {form.errorFor(name) ? <p className="error-message">{form.errorFor(name)}</p> : null}
      {SCHOOL_CATEGORIES.map((c) => (
        <Checkbox key={c} value={c} className="checkbox">
          <span className="checkbox-box" aria-hidden="true" />
          {CATEGORY_LABELS[c]}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );

  return (
    <section aria-labelledby="practice-heading" className="card">
      <h2 id="practice-heading">Rules that differ between councils</h2>
      {saved ? <Notice title="Rules saved" /> : null}
      <FormShell form={form} onSubmit={submit}>
        {group(
          'countyAgreementCategories',
          'Allocations agreed at county level',
          'A link worker for a school of these categories needs the date and the meeting of the county-level agreement of all Dedicated Schools Team managers. West Sussex agrees alternative provision colleges (APCs) this way, the default.',
        )}
        {group(
          'schoolNurseCategories',
          'Schools the school nurse team sees',
          'Schools of these categories with no consultation with the 5-19 school nurse team in a term are flagged. By default every category but nurseries, further education colleges and other establishments.',
        )}
        <Select
          id={form.idOf('declarationMonth')}
          label="Month of the yearly re-declaration of connections"
          value={form.values.declarationMonth}
          onChange={(v) => form.set('declarationMonth', v)}
          error={form.errorFor('declarationMonth')}
          options={MONTH_NAMES.map((name, i) => ({ id: String(i + 1), label: name }))}
          hint="Each worker re-declares their connections to schools in this month, unless their own page sets another. The dashboard lists who is due."
        />
        <Button type="submit" className="button">
          Save the rules
        </Button>
      </FormShell>
    </section>
  );
}
