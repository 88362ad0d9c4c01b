import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A message that appears after an action; role=status so it is announced. It takes focus and
 * scrolls into view, so a keyboard user who saved at the bottom of a long form is not left
 * with focus on nothing and the message off-screen.
 */
export function Notice({ kind = 'success', title, children }: { kind?: 'success' | 'info' | 'warning'; title: string; children?: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus({ preventScroll: true });
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [title]);
  return (
    <div ref={box} className={`notice notice-${kind}`} role="status" tabIndex={-1}>
      <p className="notice-title">{title}</p>
      {children}
    </div>
  );
}
