import { todayLocal } from '../../format.ts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { z } from 'zod';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { FormShell } from '../../components/FormShell.tsx';

function suggestedBackupPath(databasePath: string): string {
  const today = todayLocal();
  return databasePath.replace(/(\.[^./\\]+)?$/, ` backup ${today}.linkdesk`);
}

const BackupForm = z.object({ path: z.string().trim().min(1, 'Enter where to save the backup') });

export function BackupSection({ databasePath }: { databasePath: string }) {
  const form = useForm({ path: suggestedBackupPath(databasePath) });
  const [done, setDone] = useState<{ path: string; bytes: number } | null>(null);

  const submit = async () => {
    setDone(null);
    const parsed = form.validate(BackupForm);
    if (!parsed) return;
    try {
      setDone(await invoke('db.backup', parsed));
    } catch (error) {
      form.fail(error, 'path');
    }
  };

  return (
    <section aria-labelledby="backup-heading" className="card">
      <h2 id="backup-heading">Back up</h2>
      <p>Saves an encrypted copy, with the same passphrase, while you keep working.</p>
      {done ? (
        <Notice title="Backup saved">
          <p>
            <span className="path">{done.path}</span> ({Math.ceil(done.bytes / 1024)} KB)
          </p>
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={() => submit()}>
        <Field id={form.idOf('path')} label="Save the backup as" value={form.values.path} onChange={(v) => form.set('path', v)} error={form.errorFor('path')} />
        <Button type="submit" className="button">
          Back up now
        </Button>
      </FormShell>
    </section>
  );
}

export function CheckSection() {
  const check = useMutation({ mutationFn: () => invoke('db.check', {}) });
  return (
    <section aria-labelledby="check-heading" className="card">
      <h2 id="check-heading">Check the database</h2>
      <p>Reads every page and checks it was not altered or damaged.</p>
      <div aria-live="polite">
        {check.data ? (
          check.data.ok ? (
            <Notice title="No problems found">
              <p>The integrity and encryption checks passed.</p>
            </Notice>
          ) : (
            <Notice kind="warning" title="The check found problems">
              <ul>
                {[...check.data.integrity, ...check.data.cipherIntegrity].map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              <p>Restore from your latest backup.</p>
            </Notice>
          )
        ) : null}
        {check.error ? <Notice kind="warning" title="The check could not run">{check.error.message}</Notice> : null}
      </div>
      <Button className="button button-secondary" isPending={check.isPending} onPress={() => check.mutate()}>
        Run check
      </Button>
    </section>
  );
}
