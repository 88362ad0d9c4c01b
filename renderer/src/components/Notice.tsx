import type { ReactNode } from 'react';

/** A message that appears after an action; role=status so it is announced without stealing focus. */
export function Notice({ kind = 'success', title, children }: { kind?: 'success' | 'info' | 'warning'; title: string; children?: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role="status">
      <p className="notice-title">{title}</p>
      {children}
    </div>
  );
}
