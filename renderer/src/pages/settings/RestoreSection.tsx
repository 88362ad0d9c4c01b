import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { BackupVerdict, RestoreResult } from '../../../../shared/api.ts';
import { BackupSource } from '../../../../shared/domain/database.ts';
import { invoke } from '../../api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Field } from '../../components/Field.tsx';
import { OpenFileField } from '../../components/FileFields.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDateTime } from '../../format.ts';

function dateOf(verdict: { returnsTo: string | null }): string {
  return verdict.returnsTo ? formatDateTime(verdict.returnsTo) : 'the date of the backup (not recorded in it)';
}

/**
 * Restore: check the backup with its passphrase, say which date it goes back to, then ask
 * once more naming that date. The database as it is now is kept beside it, never deleted.
 */
export function RestoreSection({ initialPath }: { initialPath: string }) {
  const queryClient = useQueryClient();
  const form = useForm({ from: initialPath, passphrase: '' });
  const [verdict, setVerdict] = useState<BackupVerdict | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);

  const check = async () => {
    setVerdict(null);
    setRestored(null);
    const parsed = form.validate(BackupSource);
    if (!parsed) return;
    try {
      setVerdict(await invoke('db.checkBackup', parsed));
    } catch (error) {
      form.fail(error, 'passphrase');
    }
  };

  const restore = async () => {
    const parsed = form.validate(BackupSource);
    if (!parsed) return;
    const result = await invoke('db.restore', parsed);
    setVerdict(null);
    form.setValues({ from: '', passphrase: '' });
    setRestored(result);
    await queryClient.invalidateQueries();
  };

  return (
    <section aria-labelledby="restore-heading" className="card">
      <h2 id="restore-heading">Restore a backup</h2>
      <p>
        Puts a backup in place of the database. The database as it is now is kept beside it as “… before restore (date).linkdesk” and never deleted, so a restore can itself be undone.
      </p>
      {restored ? (
        <Notice title={`Restored: the team’s data is as it was on ${dateOf(restored)}`}>
          {restored.keptAt ? (
            <p>
              The database as it was before is kept at <span className="path">{restored.keptAt}</span>.
            </p>
          ) : null}
          <p>Use the backup’s passphrase from now on.</p>
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={() => check()}>
        <OpenFileField
          id={form.idOf('from')}
          label="Backup file"
          hint="Choose one from the list above, or give the full path of a backup"
          purpose="backup"
          value={{ path: form.values.from, upload: null }}
          onChange={(choice) => {
            form.set('from', choice.path);
            setVerdict(null);
          }}
          onError={(error) => form.fail(error, 'from')}
          error={form.errorFor('from')}
        />
        <Field
          id={form.idOf('passphrase')}
          label="Passphrase of the backup"
          hint="The team’s passphrase when the backup was made"
          type="password"
          autoComplete="off"
          value={form.values.passphrase}
          onChange={(v) => {
            form.set('passphrase', v);
            setVerdict(null);
          }}
          error={form.errorFor('passphrase')}
          width="half"
          autoFocus={Boolean(initialPath)}
        />
        {verdict ? (
          <div className="finding-group finding-warning" role="status">
            <p className="finding-title">This backup of {verdict.teamName} passed its checks. Restoring it returns the team’s data to {dateOf(verdict)}.</p>
          </div>
        ) : null}
        <div className="page-actions">
          <Button type="submit" className="button button-secondary">
            Check the backup
          </Button>
          {verdict ? (
            <ConfirmButton label={`Restore to ${dateOf(verdict)}`} title={`Restore the backup of ${dateOf(verdict)}?`} confirmLabel={`Restore to ${dateOf(verdict)}`} onConfirm={restore}>
              <p>Everything recorded after {dateOf(verdict)} will no longer be in the database.</p>
              <p>The database as it is now is kept beside it, so nothing is lost.</p>
            </ConfirmButton>
          ) : null}
        </div>
      </FormShell>
    </section>
  );
}
