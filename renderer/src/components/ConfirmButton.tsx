import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface ConfirmButtonProps {
  label: string;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => void | Promise<void>;
}

/** The one way to confirm a step that cannot simply be undone: a modal dialog, focus kept inside. */
export function ConfirmButton({ label, title, confirmLabel, children, onConfirm }: ConfirmButtonProps) {
  return (
    <DialogTrigger>
      <Button className="button button-warning">{label}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children}
                <div className="actions">
                  <Button
                    className="button button-warning"
                    onPress={() => {
                      void Promise.resolve(onConfirm()).then(close);
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
