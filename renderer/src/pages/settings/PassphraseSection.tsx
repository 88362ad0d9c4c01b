import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { z } from 'zod';
import { checkPassphraseStrength } from '../../../../shared/domain/passphrase.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PassphraseAdvice } from '../../components/PassphraseAdvice.tsx';
import { useForm } from '../../components/useForm.ts';
import { FormShell } from '../../components/FormShell.tsx';

const ChangeForm = z.object({
  currentPassphrase: z.string().min(1, 'Enter the current passphrase'),
  newPassphrase: z.string().min(1, 'Enter a new passphrase'),
  confirm: z.string(),
});

export function PassphraseSection({ context }: { context: string[] }) {
  const form = useForm({ currentPassphrase: '', newPassphrase: '', confirm: '' });
  const [changed, setChanged] = useState(false);
  // With per-person access only your own passphrase changes (Who has access, above).
  const perPerson = useQuery({ queryKey: ['access.list'], queryFn: () => invoke('access.list', {}) }).data?.perPerson ?? false;

  const submit = async () => {
    setChanged(false);
    const parsed = form.validate(ChangeForm);
    if (!parsed) return;
    const verdict = checkPassphraseStrength(parsed.newPassphrase, context);
    if (!verdict.ok) return form.addIssues([{ path: 'newPassphrase', message: verdict.problems[0] ?? 'The new passphrase is too weak' }]);
    if (parsed.confirm !== parsed.newPassphrase) return form.addIssues([{ path: 'confirm', message: 'The two new passphrases are different' }]);
    try {
      await invoke('db.changePassphrase', { currentPassphrase: parsed.currentPassphrase, newPassphrase: parsed.newPassphrase });
      form.setValues({ currentPassphrase: '', newPassphrase: '', confirm: '' });
      form.clear();
      setChanged(true);
    } catch (error) {
      form.fail(error, 'currentPassphrase');
    }
  };

  return (
    <section aria-labelledby="passphrase-heading" className="card">
      <h2 id="passphrase-heading">Change the passphrase</h2>
      {perPerson ? (
        <p>Changes your own passphrase only; everyone else keeps theirs. A backup opens with your new passphrase, or the one you had when it was made.</p>
      ) : (
        <p>The whole database is re-encrypted with the new passphrase. Tell everyone who opens it, and keep your backups' old passphrase too.</p>
      )}
      {changed ? <Notice title="Passphrase changed">Use the new passphrase from now on.</Notice> : null}
      <FormShell form={form} onSubmit={() => submit()}>
        <Field id={form.idOf('currentPassphrase')} label="Current passphrase" type="password" autoComplete="current-password" value={form.values.currentPassphrase} onChange={(v) => form.set('currentPassphrase', v)} error={form.errorFor('currentPassphrase')} width="half" />
        <Field id={form.idOf('newPassphrase')} label="New passphrase" hint={<PassphraseAdvice passphrase={form.values.newPassphrase} context={context} />} type="password" autoComplete="new-password" value={form.values.newPassphrase} onChange={(v) => form.set('newPassphrase', v)} error={form.errorFor('newPassphrase')} width="half" />
        <Field id={form.idOf('confirm')} label="Confirm the new passphrase" type="password" autoComplete="new-password" value={form.values.confirm} onChange={(v) => form.set('confirm', v)} error={form.errorFor('confirm')} width="half" />
        <Button type="submit" className="button">
          Change passphrase
        </Button>
      </FormShell>
    </section>
  );
}
