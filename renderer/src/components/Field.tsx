import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  type?: 'text' | 'password' | 'email';
  autoComplete?: string;
  width?: 'full' | 'half' | 'short';
  autoFocus?: boolean;
}

/**
 * A labelled text input with its hint and its error, the one way every form asks for text.
 * An email field is a text input with the email keyboard: the form's zod schema checks it and
 * the app's own error summary reports it, never the browser's validation bubble (WCAG 3.3.1).
 */
export function Field({ id, label, value, onChange, hint, error, type = 'text', autoComplete, width = 'full', autoFocus }: FieldProps) {
  const email = type === 'email';
  return (
    <TextField
      className={`field field-${width}`}
      validationBehavior="aria"
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      type={email ? 'text' : type}
      autoFocus={autoFocus ?? false}
    >
      <Label>{label}</Label>
      {hint ? <Text slot="description">{hint}</Text> : null}
      <FieldError>{error}</FieldError>
      <Input id={id} {...(email ? { inputMode: 'email' as const } : {})} autoComplete={autoComplete ?? 'off'} spellCheck={type === 'text' ? undefined : false} />
    </TextField>
  );
}
