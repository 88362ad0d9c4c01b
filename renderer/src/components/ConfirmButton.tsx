import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface ConfirmButtonProps {
  /** The button's accessible name; `buttonText` is what it shows when shorter. */
  label: string;
  buttonText?: string;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => void | Promise<void>;
}

/** A button for a step that cannot simply be undone, confirmed in the one confirmation dialog. */
export function ConfirmButton({ label, buttonText, title, confirmLabel, children, onConfirm }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="button button-warning" aria-label={buttonText ? label : undefined} onPress={() => setOpen(true)}>
        {buttonText ?? label}
      </Button>
      <ConfirmDialog isOpen={open} onClose={() => setOpen(false)} title={title} confirmLabel={confirmLabel} onConfirm={onConfirm}>
        {children}
      </ConfirmDialog>
    </>
  );
}
