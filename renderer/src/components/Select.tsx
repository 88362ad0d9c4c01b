import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select as AriaSelect, SelectValue, Text } from 'react-aria-components';

interface SelectProps<K extends string> {
  label: string;
  value: K;
  options: { id: K; label: string }[];
  onChange: (value: K) => void;
  id?: string;
  /** What is wrong with the choice, said with the field (and to a screen reader, as its description). */
  error?: string | undefined;
  /** Said under the label, and to a screen reader as the field's description. */
  hint?: string;
}

/** One choice from a short list, the kit's accessible listbox. */
export function Select<K extends string>({ label, value, options, onChange, id, error, hint }: SelectProps<K>) {
  return (
    <AriaSelect className="field select" selectedKey={value} onSelectionChange={(key) => onChange(key as K)} isInvalid={Boolean(error)} validationBehavior="aria" {...(id ? { id } : {})}>
      <Label>{label}</Label>
      {hint ? (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      ) : null}
      <FieldError>{error}</FieldError>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-arrow">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
