import { Button } from 'react-aria-components';

/** A small button that marks one action done; its accessible name says which action. */
export function MarkDoneButton({ label, onPress }: { label: string; onPress: () => void }) {
  return (
    <Button className="button button-secondary button-small" aria-label={label} onPress={onPress}>
      Mark done
    </Button>
  );
}
