import { useState, type ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface ConfirmDialogProps {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => void | Promise<void>;
  /** A step that cannot simply be undone is red; a change that can be made again is the usual green. */
  tone?: 'warning' | 'primary';
}

/**
 * The one way to confirm a step: a modal dialog that keeps focus inside, says what will happen,
 * starts on Cancel, and shows a failure in place. Focus goes back where it was when it closes.
 */
export function ConfirmDialog({ isOpen, onClose, title, confirmLabel, children, onConfirm, tone = 'warning' }: ConfirmDialogProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalOverlay className="modal-overlay" isDismissable isOpen={isOpen} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{title}</Heading>
          {children}
          {error ? (
            <p className="error-message" role="alert">
              {error}
            </p>
          ) : null}
          <div className="actions">
            <Button
              className={tone === 'warning' ? 'button button-warning' : 'button'}
              onPress={() => {
                setError(null);
                Promise.resolve(onConfirm()).then(onClose, (e: unknown) => setError(e instanceof Error ? e.message : 'That did not work. Nothing was changed.'));
              }}
            >
              {confirmLabel}
            </Button>
            <Button className="button button-secondary" onPress={onClose} autoFocus>
              Cancel
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
