import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import { RETENTION_KINDS, RETENTION_LABELS, type RetentionKind, type RetentionPurgeResult } from '../../../../shared/domain/retention.ts';
import { TeamSettingsPatch, type TeamSettings } from '../../../../shared/domain/team.ts';
import { invoke } from '../../api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate } from '../../format.ts';
import { useSettingsSave } from './useSettingsSave.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

/** A typed period as the schema checks it: a whole number, or NaN for the schema to name. */
const yearsOf = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * The team's retention periods, what is past them today, and the purge a person confirms
 * (docs/data-protection.md). Per-person access joins this page from the access work.
 */
export function RetentionSection({ settings }: { settings: TeamSettings }) {
  const queryClient = useQueryClient();
  const form = useForm(Object.fromEntries(RETENTION_KINDS.map((k) => [k, String(settings.retentionYears[k])])) as Record<RetentionKind, string>);
  const { saved, begin, save } = useSettingsSave(form);
  const review = useQuery({ queryKey: ['retention.review'], queryFn: () => invoke('retention.review', {}) });
  const [purged, setPurged] = useState<RetentionPurgeResult | null>(null);
  const [purgeError, setPurgeError] = useState<string | null>(null);

  const submit = async () => {
    begin();
    const patch = { retentionYears: Object.fromEntries(RETENTION_KINDS.map((k) => [k, yearsOf(form.values[k])])) };
    const parsed = form.validate(TeamSettingsPatch, patch);
    if (!parsed) return;
    await save(parsed);
  };
  const purge = async () => {
    setPurgeError(null);
    try {
      setPurged(await invoke('retention.purge', { confirm: true }));
      await queryClient.invalidateQueries();
    } catch (error) {
      setPurgeError(error instanceof Error ? error.message : 'The purge could not be made; nothing was removed.');
    }
  };
  const due = review.data?.due.filter((d) => d.purgeable && d.count > 0) ?? [];

  return (
    <section aria-labelledby="retention-heading" className="card">
      <h2 id="retention-heading">Retention</h2>
      <p>
        How long the team keeps each kind of record, in years from the record’s date (an escalation’s from its closing). Past that, a purge removes the children’s references and the notes;
        the counts the reports need stay. Councils commonly keep these records six years after the end of involvement, the default.
      </p>
      <p>
        A parent or young person asking for what is held about a child: <Link to="/settings/subject-access">answer a subject access request</Link> (search by case ID or initials, and save a
        bundle).
      </p>
      {saved ? <Notice title="Retention periods saved" /> : null}
      <FormShell form={form} onSubmit={submit}>
        {RETENTION_KINDS.map((k) => (
          <Field key={k} id={form.idOf(`retentionYears.${k}`)} label={`${RETENTION_LABELS[k]} (years)`} value={form.values[k]} onChange={(v) => form.set(k, v)} error={form.errorFor(`retentionYears.${k}`)} width="short" />
        ))}
        <Button type="submit" className="button">
          Save the retention periods
        </Button>
      </FormShell>
      <h3>Past their period today</h3>
      {review.data ? (
        <TableScroll>
        <table className="table">
          <caption className="visually-hidden">Records past the team’s retention period on {formatDate(review.data.asOf)}</caption>
          <thead>
            <tr><th scope="col">Kind</th><th scope="col">Kept for</th><th scope="col">Dated before</th><th scope="col">Records</th><th scope="col">Oldest</th></tr>
          </thead>
          <tbody>
            {review.data.due.map((d) => (
              <tr key={d.kind}>
                <th scope="row">{d.label}</th>
                <td>{d.years} years</td>
                <td>{formatDate(d.before)}</td>
                <td>{d.count}{d.purgeable ? '' : ' (reviewed only)'}</td>
                <td>{d.oldest ? formatDate(d.oldest) : 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : <p>Loading…</p>}
      {purged ? <Notice title="Purge made">{purged.purged.map((p) => `${RETENTION_LABELS[p.kind]}: ${p.count}`).join('; ')}.</Notice> : null}
      {purgeError ? <p className="error-message" role="alert">{purgeError}</p> : null}
      {due.length > 0 ? (
        <ConfirmButton label="Purge what is past its period" title="Purge records past their retention period?" confirmLabel="Purge" onConfirm={purge}>
          <p>
            The children’s references and the notes of {due.map((d) => `${d.count} ${d.label.toLowerCase()}`).join(', ')} are removed for good. The rows and their counts stay,
            and the purge is recorded in the audit log under your name.
          </p>
        </ConfirmButton>
      ) : (
        <p>Nothing is past its period to purge.</p>
      )}
    </section>
  );
}
