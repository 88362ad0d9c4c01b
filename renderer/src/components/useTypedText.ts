import { useState } from 'react';

/** What a date or time field makes of its text: the value to store (ISO), nothing, or what is wrong. */
export type Reading = { kind: 'empty' } | { kind: 'value'; value: string } | { kind: 'invalid'; message: string };

interface TypedTextOptions {
  /** The form's value: ISO once the text reads, otherwise the text itself (which the schema refuses). */
  value: string;
  onChange: (value: string) => void;
  /** Names the field in its messages (and so in the error summary). */
  label: string;
  read: (text: string) => Reading;
  /** How a stored value is put back into the box for editing. */
  show: (value: string) => string;
  onProblem?: ((message: string | null, typed: string) => void) | undefined;
}

function lowerFirst(message: string): string {
  return /^[A-Z][a-z]/.test(message) && !/^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(message)
    ? message.charAt(0).toLowerCase() + message.slice(1)
    : message;
}

/**
 * The text a person types into a date or time field, kept as typed; the form gets ISO when the
 * text reads, or the text itself with the field's own message when it does not. A value set
 * from outside (a reset, the calendar) replaces the text.
 */
export function useTypedText({ value, onChange, label, read, show, onProblem }: TypedTextOptions) {
  const [text, setText] = useState(() => show(value));
  const [sent, setSent] = useState(value);
  const [left, setLeft] = useState(false);
  if (value !== sent) {
    // Changed by the form, not by typing: show it as a stored value is shown.
    setSent(value);
    setText(show(value));
    setLeft(false);
  }
  const reading = read(text);
  const name = label.replace(/\s*\(optional\)$/, '');
  const messageOf = (r: Reading) => (r.kind === 'invalid' ? `${name}: ${lowerFirst(r.message)}` : null);

  const type = (typed: string) => {
    const r = read(typed);
    const next = r.kind === 'value' ? r.value : r.kind === 'empty' ? '' : typed;
    setText(typed);
    setSent(next);
    onChange(next);
    onProblem?.(messageOf(r), next);
  };

  return {
    text,
    reading,
    type,
    /**
     * True once the person has left the field with text that does not read. The full message
     * waits for the form's submit, like every other field's, so nothing above the field moves
     * while the person is on their way to a button.
     */
    unread: left && reading.kind === 'invalid',
    leave: () => setLeft(true),
  };
}
