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

/** A labelled text input with its hint and its error, the one way every form asks for text. */
export function Field({ id, label, value, onChange, hint, error, type = 'text', autoComplete, width = 'full', autoFocus }: FieldProps) {
  return (
    <TextField className={`field field-${width}`} validationBehavior="aria" value={value} onChange={onChange} isInvalid={Boolean(error)} type={type} autoFocus={autoFocus ?? false}>
      <Label>{label}</Label>
      {hint ? <Text slot="description">{hint}</Text> : null}
      <FieldError>{error}</FieldError>
      <Input id={id} autoComplete={autoComplete ?? 'off'} spellCheck={type === 'text' ? undefined : false} />
    </TextField>
  );
}
