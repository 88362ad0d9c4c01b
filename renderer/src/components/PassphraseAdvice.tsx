import { checkPassphraseStrength, MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphrase.ts';

/** Live feedback on a new passphrase, using the same rule the main process enforces. */
export function PassphraseAdvice({ passphrase, context, id }: { passphrase: string; context: string[]; id: string }) {
  const verdict = checkPassphraseStrength(passphrase, context);
  return (
    <div id={id} className="passphrase-advice" aria-live="polite">
      {passphrase === '' ? (
        <p>Use at least {MIN_PASSPHRASE_LENGTH} characters. Three or four unrelated words are strong and easy to remember.</p>
      ) : verdict.ok ? (
        <p className="advice-ok">This passphrase is strong enough.</p>
      ) : (
        <ul>
          {verdict.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
