import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';

/** A labelled multi-line text box, the way every form asks for longer text. */
export function TextBlock({ id, label, hint, value, onChange, error, rows = 3 }: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; error?: string | undefined; rows?: number }) {
  return (
    <TextField className="field" validationBehavior="aria" value={value} onChange={onChange} isInvalid={Boolean(error)}>
      <Label>{label}</Label>
      {hint ? <Text slot="description">{hint}</Text> : null}
      <FieldError>{error}</FieldError>
      <TextArea id={id} rows={rows} />
    </TextField>
  );
}
