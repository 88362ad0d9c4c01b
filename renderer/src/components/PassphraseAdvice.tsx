import { checkPassphraseStrength, MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphrase.ts';

/**
 * Feedback on a new passphrase with the rule the main process enforces. Rendered as the field's description, so screen readers hear it with
 * the field rather than on every keystroke.
 */
export function PassphraseAdvice({ passphrase, context }: { passphrase: string; context: string[] }) {
  const verdict = checkPassphraseStrength(passphrase, context);
  return (
    <span className="passphrase-advice">
      {passphrase === '' ? (
        <span>Use at least {MIN_PASSPHRASE_LENGTH} characters. Three or four unrelated words are strong and easy to remember.</span>
      ) : verdict.ok ? (
        <span className="advice-ok">This passphrase is strong enough.</span>
      ) : (
        <span className="advice-problems">{verdict.problems.join(' ')}</span>
      )}
    </span>
  );
}
