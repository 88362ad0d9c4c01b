import { useMutation } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { invoke } from '../../api.ts';
import { Notice } from '../../components/Notice.tsx';
import { HistoryFindingList } from '../../components/HistoryWarnings.tsx';
import type { HistoryFinding } from '../../../../shared/domain/history.ts';

export function CheckSection({ warningsOnOpen }: { warningsOnOpen: HistoryFinding[] }) {
  const check = useMutation({ mutationFn: () => invoke('db.check', {}) });
  const damage = check.data ? [...check.data.integrity.filter((line) => line !== 'ok'), ...check.data.cipherIntegrity] : [];
  return (
    <section aria-labelledby="check-heading" className="card">
      <h2 id="check-heading">Check the database</h2>
      <p>
        Reads every page and checks it was not altered or damaged, and that the audit log and the escalation log are as LinkDesk wrote them: no entry
        changed, deleted or moved, and their protections in place.
      </p>
      {warningsOnOpen.length > 0 && !check.data ? (
        <div className="notice notice-warning">
          <p className="notice-title">When it was opened, the history of this database showed changes made outside LinkDesk</p>
          <HistoryFindingList findings={warningsOnOpen} />
        </div>
      ) : null}
      <div aria-live="polite">
        {check.data ? (
          check.data.ok ? (
            <Notice title="No problems found">
              <p>The integrity, encryption and history checks passed.</p>
            </Notice>
          ) : (
            <Notice kind="warning" title="The check found problems">
              {damage.length > 0 ? (
                <>
                  <p>The file is damaged:</p>
                  <ul>
                    {damage.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                  <p>Restore from your latest backup (below).</p>
                </>
              ) : null}
              {check.data.history.length > 0 ? (
                <>
                  <p>The audit log or the escalation log was changed outside LinkDesk:</p>
                  <HistoryFindingList findings={check.data.history} />
                  <p>The rest of the data can still be used. Compare these logs with your latest backup, and tell your information governance lead.</p>
                </>
              ) : null}
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
