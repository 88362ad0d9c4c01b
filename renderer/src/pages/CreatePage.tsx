import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import type { AppInfo } from '../../../shared/api.ts';
import { CreateInput } from '../../../shared/domain/database.ts';
import { checkPassphraseStrength } from '../../../shared/domain/passphrase.ts';
import { invoke } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { SaveFileField } from '../components/FileFields.tsx';
import { Page } from '../components/Page.tsx';
import { PassphraseAdvice } from '../components/PassphraseAdvice.tsx';
import { useForm } from '../components/useForm.ts';
import { FormShell } from '../components/FormShell.tsx';
import { showOpenedDatabase } from './showOpenedDatabase.ts';

function suggestedPath(folder: string, teamName: string): string {
  const slug = teamName.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'team';
  const separator = folder.includes('\\') ? '\\' : '/';
  return `${folder}${separator}${slug}.linkdesk`;
}

export function CreatePage({ info }: { info: AppInfo }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const identity = useQuery({ queryKey: ['identity'], queryFn: () => invoke('identity.get', {}) });
  const form = useForm({ teamName: '', localAuthority: '', userName: '', path: '', passphrase: '', confirm: '' });
  const [pathEdited, setPathEdited] = useState(false);
  const { values } = form;
  const userName = form.valueOr('userName', identity.data?.userName ?? '');
  const path = pathEdited ? values.path : suggestedPath(info.defaultFolder, values.teamName);

  const submit = async () => {
    const input = { teamName: values.teamName, localAuthority: values.localAuthority, userName, path, passphrase: values.passphrase };
    // Every problem at once, in field order: the passphrase's strength and the confirmation too.
    const verdict = checkPassphraseStrength(values.passphrase, [values.teamName, values.localAuthority]);
    const more = [
      ...(verdict.ok ? [] : [{ path: 'passphrase', message: verdict.problems[0] ?? 'The passphrase is too weak' }]),
      ...(values.confirm === values.passphrase ? [] : [{ path: 'confirm', message: 'The two passphrases are different' }]),
    ];
    const parsed = form.validate(CreateInput, input, more);
    if (!parsed) return;
    try {
      await invoke('db.create', parsed);
      await showOpenedDatabase(queryClient, navigate);
    } catch (error) {
      form.fail(error, 'path');
    }
  };

  return (
    <main className="start" id="main" tabIndex={-1}>
      <Page title="Create a team database">
        <p>
          <Link to="/">Back to the start</Link>
        </p>
        <FormShell form={form} onSubmit={() => submit()} className="card form">
          <Field id={form.idOf('teamName')} label="Team name" hint="For example North Hub Dedicated Schools Team" value={values.teamName} onChange={(v) => form.set('teamName', v)} error={form.errorFor('teamName')} />
          <Field id={form.idOf('localAuthority')} label="Local authority" value={values.localAuthority} onChange={(v) => form.set('localAuthority', v)} error={form.errorFor('localAuthority')} />
          <Field id={form.idOf('userName')} label="Your name" hint="Recorded against every change you make" value={userName} onChange={(v) => form.set('userName', v)} error={form.errorFor('userName')} width="half" autoComplete="name" />
          <SaveFileField
            id={form.idOf('path')}
            label="Save the database as"
            hint="A new file on this laptop or on the team's shared drive"
            purpose="database"
            suggestedName={path.split(/[\\/]/).pop()}
            value={path}
            onChange={(v) => {
              setPathEdited(true);
              form.set('path', v);
            }}
            error={form.errorFor('path')}
          />
          <Field id={form.idOf('passphrase')} label="Passphrase" hint={<PassphraseAdvice passphrase={values.passphrase} context={[values.teamName, values.localAuthority]} />} type="password" autoComplete="new-password" value={values.passphrase} onChange={(v) => form.set('passphrase', v)} error={form.errorFor('passphrase')} width="half" />
          <Field id={form.idOf('confirm')} label="Confirm the passphrase" type="password" autoComplete="new-password" value={values.confirm} onChange={(v) => form.set('confirm', v)} error={form.errorFor('confirm')} width="half" />
          <p className="warning-text">Nobody can recover a lost passphrase, not even IT. Without it the data cannot be read.</p>
          <Button type="submit" className="button">
            Create team database
          </Button>
        </FormShell>
      </Page>
    </main>
  );
}
