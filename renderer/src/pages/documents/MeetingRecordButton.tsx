import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { invoke } from '../../api.ts';
import { Notice } from '../../components/Notice.tsx';

/** Makes the Word meeting record of a visit or a consultation in the team folder, and says where it went. */
export function MeetingRecordButton({ kind, id, ariaLabel }: { kind: 'visit' | 'consultation'; id: string; ariaLabel?: string }) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <Button
        className="button button-secondary"
        isDisabled={busy}
        {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
        onPress={() => {
          setBusy(true);
          setResult(null);
          invoke('documents.createRecord', { kind, id })
            .then(async (doc) => {
              setResult({ ok: true, text: doc.path });
              await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('documents') });
            })
            .catch((error: unknown) => setResult({ ok: false, text: error instanceof Error ? error.message : 'The record could not be made.' }))
            .finally(() => setBusy(false));
        }}
      >
        Create the Word record
      </Button>
      {result?.ok ? (
        <Notice title="Word record saved">
          <p><code className="path">{result.text}</code></p>
        </Notice>
      ) : null}
      {result && !result.ok ? <p className="error-message" role="alert">{result.text}</p> : null}
    </div>
  );
}
