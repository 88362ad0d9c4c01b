import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from 'react-aria-components';

const FOCUSABLE = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface OnDemandProps {
  /** The button's words, which say what it opens: "Log a contact", "Add an INSET day". */
  label: string;
  /** The form, given `close` for its Cancel button and for after it has saved. */
  children: (close: () => void) => ReactNode;
}

/**
 * A form that opens when asked for, so a page opens on what it shows rather than on what it asks.
 * A disclosure button: opening moves the focus to the form's first field; Escape anywhere in the
 * form, or its Cancel button, closes it and gives the focus back to the button.
 */
export function OnDemand({ label, children }: OnDemandProps) {
  const [open, setOpen] = useState(false);
  /** Set when the person closed the form, so the focus goes back to the button (and not on first render). */
  const [closedByUser, setClosedByUser] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    else if (closedByUser) button.current?.focus();
  }, [open, closedByUser]);

  const close = () => {
    setOpen(false);
    setClosedByUser(true);
  };
  // A list box or a dialog inside the form handles its own Escape and stops it there.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.isPropagationStopped() && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="on-demand">
      <Button ref={button} className="button button-secondary" aria-expanded={open} aria-controls={open ? id : undefined} onPress={() => (open ? close() : setOpen(true))}>
        {label}
      </Button>
      {open ? (
        <div id={id} ref={panel} className="on-demand-panel" onKeyDown={onKeyDown}>
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}

/** The Cancel beside a form's submit button: nothing typed is kept. */
export function CancelButton({ onCancel }: { onCancel: () => void }) {
  return (
    <Button className="button button-secondary" onPress={onCancel}>
      Cancel
    </Button>
  );
}
