import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { readTime, TIME_EXAMPLE } from '../../../shared/dates.ts';
import { useTypedText, type Reading } from './useTypedText.ts';

export interface TimeFieldProps {
  id: string;
  label: string;
  /** hh:mm, empty, or text that is not a time yet. */
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  onProblem?: ((message: string | null, typed: string) => void) | undefined;
  messageLabel?: string;
}

const readAsTime = (text: string): Reading => {
  const r = readTime(text);
  return r.kind === 'time' ? { kind: 'value', value: r.hhmm } : r;
};

/** The one way to ask for a time of day: on the 24-hour clock, though 2.20pm is understood and said back as 14:20. */
export function TimeField({ id, label, value, onChange, hint, error, onProblem, messageLabel }: TimeFieldProps) {
  const typed = useTypedText({ value, onChange, label: messageLabel ?? label, read: readAsTime, show: (v) => v, onProblem });
  const understood = typed.reading.kind === 'value' ? (typed.reading.value !== typed.text.trim() ? typed.reading.value : '') : typed.unread ? 'Not understood as a time yet' : '';
  return (
    <div className="date-field">
      <TextField className="field field-short" validationBehavior="aria" value={typed.text} onChange={typed.type} onBlur={typed.leave} isInvalid={Boolean(error)}>
        <Label>{label}</Label>
        <Text slot="description">{hint ?? TIME_EXAMPLE}</Text>
        <FieldError>{error}</FieldError>
        <Input id={id} autoComplete="off" spellCheck={false} />
      </TextField>
      <p className={typed.unread ? 'understood understood-not' : 'understood'} aria-live="polite">
        {understood}
      </p>
    </div>
  );
}
