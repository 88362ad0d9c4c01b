import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AppError } from '../../../shared/errors.ts';
import { invoke } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { useForm } from '../components/useForm.ts';
import { formatDateTime } from '../format.ts';
import { FormShell } from '../components/FormShell.tsx';
import { showOpenedDatabase } from './showOpenedDatabase.ts';

interface LockHolder {
  user: string;
  machine: string;
  since: string;
  stale: boolean;
}

/** Which field each unlock failure belongs to; the rest are about the file as a whole. */
const FIELD_OF_CODE: Record<string, string> = { wrong_passphrase: 'passphrase', file_not_found: 'path', not_linkdesk_database: 'path' };

export function UnlockPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const path = params.get('path') ?? '';
  // After an idle lock, back to the screen someone was on (where what they typed is waiting); only an address inside the app.
  const back = params.get('back');
  const returnTo = back && /^\/[a-z]/.test(back) && !back.startsWith('/unlock') ? back : '/dashboard';
  const identity = useQuery({ queryKey: ['identity'], queryFn: () => invoke('identity.get', {}) });
  const recent = useQuery({ queryKey: ['recent'], queryFn: () => invoke('recent.list', {}) });
  const form = useForm({ userName: '', passphrase: '' });
  const [lockHolder, setLockHolder] = useState<LockHolder | null>(null);
  const [takeOver, setTakeOver] = useState(false);
  const userName = form.valueOr('userName', identity.data?.userName ?? '');
  const teamName = recent.data?.find((r) => r.path === path)?.teamName;

  const submit = async () => {
    // The schema (and zod with it) loads when the form is first sent, not with the first screen.
    const { UnlockInput } = await import('../../../shared/domain/database.ts');
    const parsed = form.validate(UnlockInput, { path, userName, passphrase: form.values.passphrase, takeOverLock: takeOver });
    if (!parsed) return;
    try {
      await invoke('db.unlock', parsed);
      await showOpenedDatabase(queryClient, navigate, returnTo);
    } catch (error) {
      if (error instanceof AppError && error.code === 'locked_elsewhere' && error.details) {
        setLockHolder(error.details as unknown as LockHolder);
      }
      form.set('passphrase', '');
      form.fail(error, error instanceof AppError ? FIELD_OF_CODE[error.code] : undefined);
    }
  };

  return (
    <main className="start" id="main" tabIndex={-1}>
      <Page title={teamName ? `Unlock ${teamName}` : 'Unlock a team database'}>
        <p>
          <Link to={`/?${new URLSearchParams({ path }).toString()}`}>Back to the start</Link>
        </p>
        {params.get('reason') === 'idle' ? (
          <Notice kind="info" title="LinkDesk locked the database">
            <p>It locks itself after a time without activity, so nobody else can read it on an unattended laptop.</p>
          </Notice>
        ) : null}
        <FormShell form={form} onSubmit={() => submit()} className="card form">
          <p>
            File: <span className="path" id={form.idOf('path')} tabIndex={-1}>{path || 'none chosen'}</span>
          </p>
          <Field id={form.idOf('userName')} label="Your name" hint="Recorded against every change you make" value={userName} onChange={(v) => form.set('userName', v)} error={form.errorFor('userName')} width="half" autoComplete="name" />
          <Field
            id={form.idOf('passphrase')}
            label="Passphrase"
            type="password"
            autoComplete="current-password"
            value={form.values.passphrase}
            onChange={(v) => form.set('passphrase', v)}
            error={form.errorFor('passphrase')}
            width="half"
            autoFocus
          />
          {lockHolder ? (
            <div className="warning-panel">
              <p>
                <strong>
                  {lockHolder.user} on {lockHolder.machine} has this database open
                  {lockHolder.since ? ` since ${formatDateTime(lockHolder.since)}` : ''}.
                </strong>
              </p>
              <p>
                {lockHolder.stale
                  ? 'That LinkDesk is no longer running on this computer, so the lock looks stale.'
                  : 'If two people write to it at once the file can be damaged. Ask them to close LinkDesk first.'}
              </p>
              <Checkbox className="checkbox" isSelected={takeOver} onChange={setTakeOver}>
                <span className="checkbox-box" aria-hidden="true" />
                I have checked: take over the lock and open it
              </Checkbox>
            </div>
          ) : null}
          <Button type="submit" className="button">
            Unlock
          </Button>
        </FormShell>
      </Page>
    </main>
  );
}
