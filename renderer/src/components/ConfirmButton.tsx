import { useState, type ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface ConfirmButtonProps {
  /** The button's accessible name; `buttonText` is what it shows when shorter. */
  label: string;
  buttonText?: string;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => void | Promise<void>;
}

/** The one way to confirm a step that cannot simply be undone: a modal dialog, focus kept inside. */
export function ConfirmButton({ label, buttonText, title, confirmLabel, children, onConfirm }: ConfirmButtonProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <DialogTrigger>
      <Button className="button button-warning" aria-label={buttonText ? label : undefined}>
        {buttonText ?? label}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children}
                {error ? (
                  <p className="error-message" role="alert">
                    {error}
                  </p>
                ) : null}
                <div className="actions">
                  <Button
                    className="button button-warning"
                    onPress={() => {
                      setError(null);
                      Promise.resolve(onConfirm()).then(close, (e: unknown) => setError(e instanceof Error ? e.message : 'That did not work. Nothing was changed.'));
                    }}
                  >
                    {confirmLabel}
                  </Button>
                  <Button className="button button-secondary" onPress={close} autoFocus>
                    Cancel
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
