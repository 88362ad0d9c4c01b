import { useMutation } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { invoke } from '../../api.ts';
import { Notice } from '../../components/Notice.tsx';

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
              <p>Restore from your latest backup (below).</p>
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
