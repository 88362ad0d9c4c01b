import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, FieldError, Label, Radio, RadioGroup } from 'react-aria-components';
import { DeclarationMonthInput, MONTH_NAMES, RecordDeclarationInput } from '../../../../shared/domain/declarations.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Select } from '../../components/Select.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, formatDateTime, todayLocal } from '../../format.ts';

type What = 'as_listed' | 'nothing';
const WHAT_LABELS: Record<What, string> = { as_listed: 'Their connections are as listed above', nothing: 'Nothing to declare' };
type MonthChoice = 'team' | `${number}`;

/**
 * A worker's annual declaration of connections: when they last declared, the month they
 * re-declare in, recording this year's, and every declaration they made.
 */
export function DeclarationsSection({ personId, hasConnections }: { personId: string; hasConnections: boolean }) {
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: ['declarations.ofPerson', personId], queryFn: () => invoke('declarations.ofPerson', { personId }) });
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });
  const form = useForm({ declaredOn: todayLocal(), what: (hasConnections ? 'as_listed' : 'nothing') as What });
  const monthForm = useForm({ month: 'team' as MonthChoice });
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => /^(declarations|dashboard)/.test(String(q.queryKey[0])) });
  if (!data.data) return null;
  const { latest, due, history, month, effectiveMonth } = data.data;
  const teamMonth = MONTH_NAMES[(team.data?.settings.declarationMonth ?? effectiveMonth) - 1] ?? '';
  const chosenMonth = monthForm.valueOr('month', month === null ? 'team' : (String(month) as MonthChoice));

  const record = async () => {
    setSaved(null);
    const input = { personId, declaredOn: form.values.declaredOn, nothingToDeclare: form.values.what === 'nothing' };
    if (!form.validate(RecordDeclarationInput, input)) return;
    try {
      const d = await invoke('declarations.record', input);
      setSaved(`Declaration recorded: ${d.nothingToDeclare ? 'nothing to declare' : 'connections as listed'}, ${formatDate(d.declaredOn)}`);
      await refresh();
    } catch (error) {
      form.fail(error, 'declaredOn');
    }
  };
  const saveMonth = async () => {
    setSaved(null);
    const input = { personId, month: chosenMonth === 'team' ? null : Number(chosenMonth) };
    if (!monthForm.validate(DeclarationMonthInput, input)) return;
    try {
      await invoke('declarations.setMonth', input);
      setSaved(`Re-declares in ${chosenMonth === 'team' ? `the team’s month (${teamMonth})` : MONTH_NAMES[Number(chosenMonth) - 1]}`);
      await refresh();
    } catch (error) {
      monthForm.fail(error, 'month');
    }
  };

  return (
    <section aria-labelledby="declarations-heading" className="card">
      <h2 id="declarations-heading">Annual declaration of connections</h2>
      <p className="muted">Once a year each worker confirms their connections to schools are as listed, or that they have nothing to declare.</p>
      {saved ? <Notice title={saved} /> : null}
      {due ? <p className="notice notice-warning">A declaration is due{latest ? `: the last was on ${formatDate(latest.declaredOn)}` : ': none has been recorded'}.</p> : null}
      <dl className="summary-list">
        <dt>Last declared</dt>
        <dd>{latest ? `${formatDate(latest.declaredOn)} (${latest.nothingToDeclare ? 'nothing to declare' : 'connections as listed'})` : 'Never'}</dd>
        <dt>Re-declares in</dt>
        <dd>{month === null ? `${teamMonth} (the team’s month)` : MONTH_NAMES[month - 1]}</dd>
      </dl>

      <h3 id="record-declaration-heading">Record a declaration</h3>
      <FormShell form={form} onSubmit={record}>
        {/* aria, not native: a native invalid radio would stop the form submitting even after a choice. */}
        <RadioGroup
          className="field radio-group" value={form.values.what} onChange={(v) => form.set('what', v as What)} id={form.idOf('nothingToDeclare')}
          isInvalid={form.errorFor('nothingToDeclare') !== undefined} validationBehavior="aria"
        >
          <Label>What they declared</Label>
          <FieldError className="error-message">{form.errorFor('nothingToDeclare')}</FieldError>
          {(Object.keys(WHAT_LABELS) as What[]).map((k) => (
            <Radio key={k} value={k} className="radio">
              <span className="radio-circle" aria-hidden="true" />
              {WHAT_LABELS[k]}
            </Radio>
          ))}
        </RadioGroup>
        <DateField {...form.field('declaredOn')} label="Declared on" />
        <Button type="submit" className="button">
          Record declaration
        </Button>
      </FormShell>

      <h3 id="declaration-month-heading">Month of the yearly re-declaration</h3>
      <FormShell form={monthForm} onSubmit={saveMonth}>
        <Select<MonthChoice>
          id={monthForm.idOf('month')}
          label="Month"
          value={chosenMonth}
          onChange={(v) => monthForm.set('month', v)}
          error={monthForm.errorFor('month')}
          options={[{ id: 'team', label: `The team’s month (${teamMonth})` }, ...MONTH_NAMES.map((name, i) => ({ id: String(i + 1) as MonthChoice, label: name }))]}
        />
        <Button type="submit" className="button button-secondary">
          Save month
        </Button>
      </FormShell>

      <h3 id="declaration-history-heading">Declarations made</h3>
      {history.length === 0 ? (
        <p>No declarations recorded.</p>
      ) : (
        <TableScroll>
          <table className="table" aria-labelledby="declaration-history-heading">
            <thead>
              <tr>
                <th scope="col">Declared on</th>
                <th scope="col">Declared</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              {history.map((d) => (
                <tr key={d.id}>
                  <td>{formatDate(d.declaredOn)}</td>
                  <td>{d.nothingToDeclare ? 'Nothing to declare' : 'Connections as listed'}</td>
                  <td>
                    {d.recordedBy}, {formatDateTime(d.recordedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
