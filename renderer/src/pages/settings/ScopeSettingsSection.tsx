import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { TERM_LABELS, termOn } from '../../../../shared/domain/calendar.ts';
import { CATEGORY_LABELS, SCHOOL_CATEGORIES, type SchoolCategory } from '../../../../shared/domain/schools.ts';
import { TeamSettings } from '../../../../shared/domain/team.ts';
import { agreeVisitBy } from '../../../../shared/domain/visits.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { useSettingsSave } from './useSettingsSave.ts';
import { formatDate, todayLocal } from '../../format.ts';

const ScopeSettings = TeamSettings.pick({ categoriesInScope: true, visitAgreeByWeek: true });

/**
 * The kinds of school the team serves (a school's own page can still put it in or out), and the
 * week of term by which every school's visit for the term should be agreed, before the
 * dashboard lists it.
 */
export function ScopeSettingsSection({ settings }: { settings: TeamSettings }) {
  const years = useQuery({ queryKey: ['calendar.years'], queryFn: () => invoke('calendar.years', {}) });
  const form = useForm({ categoriesInScope: settings.categoriesInScope, visitAgreeByWeek: String(settings.visitAgreeByWeek) });
  const { saved, begin, save } = useSettingsSave(form);
  const week = /^\d+$/.test(form.values.visitAgreeByWeek.trim()) ? Number(form.values.visitAgreeByWeek) : null;
  const current = termOn(years.data ?? [], todayLocal());
  const example = current && week && week >= 1 && week <= 12 ? `In the ${TERM_LABELS[current.term.name].toLowerCase()} ${current.year}: by ${formatDate(agreeVisitBy(current.term, week))}.` : '';

  const submit = async () => {
    begin();
    if (week === null) return form.addIssues([{ path: 'visitAgreeByWeek', message: 'Enter a week of term from 1 to 12, such as 2' }]);
    const parsed = form.validate(ScopeSettings, { categoriesInScope: form.values.categoriesInScope, visitAgreeByWeek: week });
    if (!parsed) return;
    await save(parsed);
  };

  return (
    <section aria-labelledby="scope-settings-heading" className="card">
      <h2 id="scope-settings-heading">Schools the team serves</h2>
      <p>
        Schools of a kind left unticked are out of the team’s scope: they leave the year planner, the dashboard’s visits, the school nurse check and the SPOC list. A school’s own
        page can put it in or out whatever its kind.
      </p>
      {saved ? <Notice title="Scope settings saved" /> : null}
      <FormShell form={form} onSubmit={submit}>
        <CheckboxGroup
          className="field checkbox-group"
          value={form.values.categoriesInScope}
          onChange={(v) => form.set('categoriesInScope', v as SchoolCategory[])}
          isInvalid={Boolean(form.errorFor('categoriesInScope'))}
          id={form.idOf('categoriesInScope')}
        >
          <Label>Kinds of school in scope</Label>
          {form.errorFor('categoriesInScope') ? <p className="error-message">{form.errorFor('categoriesInScope')}</p> : null}
          {SCHOOL_CATEGORIES.map((c) => (
            <Checkbox key={c} value={c} className="checkbox">
              <span className="checkbox-box" aria-hidden="true" />
              {CATEGORY_LABELS[c]}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <Field
          id={form.idOf('visitAgreeByWeek')}
          label="Agree each term’s visits by the end of week"
          hint={`The week of term (the week it starts in is week 1) after which a school with no agreed visit shows on the dashboard. ${example}`}
          value={form.values.visitAgreeByWeek}
          onChange={(v) => form.set('visitAgreeByWeek', v)}
          error={form.errorFor('visitAgreeByWeek')}
          width="short"
        />
        <Button type="submit" className="button">
          Save scope settings
        </Button>
      </FormShell>
    </section>
  );
}
