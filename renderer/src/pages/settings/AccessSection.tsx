import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { Link } from 'react-router';
import { z } from 'zod';
import type { AccessPerson, AccessState } from '../../../../shared/domain/access.ts';
import { checkPassphraseStrength } from '../../../../shared/domain/passphrase.ts';
import { PersonName } from '../../../../shared/domain/team.ts';
import { invoke } from '../../api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PassphraseAdvice } from '../../components/PassphraseAdvice.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDateTime } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

const AddForm = z.object({ name: PersonName, passphrase: z.string().min(1, 'Enter their passphrase'), confirm: z.string() });
const EnableForm = z.object({ passphrase: z.string().min(1, 'Enter the team passphrase') });

function RemoveButton({ person, onRemoved }: { person: AccessPerson; onRemoved: (state: AccessState, name: string) => void }) {
  const [reencrypt, setReencrypt] = useState(true);
  return (
    <ConfirmButton
      label={`Remove ${person.name}`}
      buttonText="Remove"
      title={`Remove ${person.name}’s access?`}
      confirmLabel={`Remove ${person.name}`}
      onConfirm={async () => onRemoved(await invoke('access.remove', { name: person.name, reencrypt }), person.name)}
    >
      <p>Their passphrase will no longer open the database.</p>
      <Checkbox className="checkbox" isSelected={reencrypt} onChange={setReencrypt}>
        <span className="checkbox-box" aria-hidden="true" />
        Re-encrypt the database with a new key, in case they kept a copy of the key
      </Checkbox>
      <p>Backups made while they had access still open for them: those hold data they could already read.</p>
    </ConfirmButton>
  );
}

function TurnOnForm({ onDone }: { onDone: (state: AccessState) => void }) {
  const form = useForm({ passphrase: '' });
  const submit = async () => {
    const parsed = form.validate(EnableForm);
    if (!parsed) return;
    try {
      onDone(await invoke('access.enable', { passphrase: parsed.passphrase }));
      form.setValues({ passphrase: '' });
    } catch (error) {
      form.fail(error, 'passphrase');
    }
  };
  return (
    <FormShell form={form} onSubmit={() => submit()}>
      <p>The team shares one passphrase. Give each person their own: the team passphrase becomes yours, and the database gets a new random key.</p>
      <Field id={form.idOf('passphrase')} label="The team passphrase" type="password" autoComplete="current-password" value={form.values.passphrase} onChange={(v) => form.set('passphrase', v)} error={form.errorFor('passphrase')} width="half" />
      <Button type="submit" className="button">Give each person their own passphrase</Button>
    </FormShell>
  );
}

export function AccessSection({ context }: { context: string[] }) {
  const queryClient = useQueryClient();
  const access = useQuery({ queryKey: ['access.list'], queryFn: () => invoke('access.list', {}) });
  const form = useForm({ name: '', passphrase: '', confirm: '' });
  const [done, setDone] = useState<string | null>(null);
  const show = (state: AccessState, message: string) => {
    queryClient.setQueryData(['access.list'], state);
    setDone(message);
  };
  const add = async () => {
    setDone(null);
    const parsed = form.validate(AddForm);
    if (!parsed) return;
    const verdict = checkPassphraseStrength(parsed.passphrase, [...context, parsed.name]);
    if (!verdict.ok) return form.addIssues([{ path: 'passphrase', message: verdict.problems[0] ?? 'The passphrase is too weak' }]);
    if (parsed.confirm !== parsed.passphrase) return form.addIssues([{ path: 'confirm', message: 'The two passphrases are different' }]);
    try {
      show(await invoke('access.add', { name: parsed.name, passphrase: parsed.passphrase }), `${parsed.name.trim()} has access now, with their own passphrase.`);
      form.setValues({ name: '', passphrase: '', confirm: '' });
      form.clear();
    } catch (error) {
      form.fail(error, 'name');
    }
  };
  const state = access.data;
  return (
    <section aria-labelledby="access-heading" className="card">
      <h2 id="access-heading">Who has access</h2>
      {done ? <Notice title="Access changed">{done}</Notice> : null}
      {state && !state.perPerson ? <TurnOnForm onDone={(s) => show(s, 'Each person now has their own passphrase; the team passphrase is yours.')} /> : null}
      {state?.perPerson ? (
        <>
          {state.keyIsNewest ? null : (
            <Notice title="The database is under an older key">A re-encryption was interrupted, or an older backup was restored. Remove and re-encrypt, or ask for help, if someone who left may have kept a copy of the key.</Notice>
          )}
          <TableScroll>
          <table className="table">
            <caption className="visually-hidden">People with access, each with their own passphrase</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Added</th>
                <th scope="col">Last opened</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.people.map((p) => (
                <tr key={p.id}>
                  <td>{p.you ? `${p.name} (you)` : p.name}</td>
                  <td>{formatDateTime(p.addedAt)} by {p.addedBy}</td>
                  <td>{p.lastOpenedAt ? formatDateTime(p.lastOpenedAt) : 'Not yet'}</td>
                  <td>{p.you ? null : <RemoveButton person={p} onRemoved={(s, name) => show(s, `${name} no longer has access.`)} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
          <h3>Add a person</h3>
          <FormShell form={form} onSubmit={() => add()}>
            <Field id={form.idOf('name')} label="Their name" value={form.values.name} onChange={(v) => form.set('name', v)} error={form.errorFor('name')} width="half" />
            <Field id={form.idOf('passphrase')} label="Their passphrase" hint={<PassphraseAdvice passphrase={form.values.passphrase} context={[...context, form.values.name]} />} type="password" autoComplete="new-password" value={form.values.passphrase} onChange={(v) => form.set('passphrase', v)} error={form.errorFor('passphrase')} width="half" />
            <Field id={form.idOf('confirm')} label="Confirm their passphrase" type="password" autoComplete="new-password" value={form.values.confirm} onChange={(v) => form.set('confirm', v)} error={form.errorFor('confirm')} width="half" />
            <Button type="submit" className="button">Add person</Button>
          </FormShell>
        </>
      ) : null}
      <p>
        Someone asking what the team holds about a child: <Link to="/settings/subject-access">answer a subject access request</Link>.
      </p>
    </section>
  );
}
