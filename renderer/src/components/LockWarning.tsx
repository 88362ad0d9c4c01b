import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

const inWords = (seconds: number): string => {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [m ? `${m} minute${m === 1 ? '' : 's'}` : '', s ? `${s} second${s === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ') || 'a moment';
};

/**
 * The warning before the idle lock: a modal alert dialog, announced and with focus on "Stay
 * signed in", so someone reading (who makes no keyboard or mouse events) can keep their session.
 * The countdown is not a live region: it would talk over them every second.
 */
export function LockWarning({ secondsLeft, onStay, onLockNow }: { secondsLeft: number | null; onStay: () => void; onLockNow: () => void }) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={secondsLeft !== null} isDismissable={false} isKeyboardDismissDisabled>
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog" aria-describedby="lock-warning-text">
          <Heading slot="title">LinkDesk is about to lock</Heading>
          <p id="lock-warning-text">
            Nobody has used LinkDesk for a while, so it will lock the database in {inWords(secondsLeft ?? 0)}. Anything you have typed and not saved is kept until you unlock
            again, on this computer and in memory only.
          </p>
          <div className="actions">
            <Button className="button" onPress={onStay} autoFocus>
              Stay signed in
            </Button>
            <Button className="button button-secondary" onPress={onLockNow}>
              Lock now
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
