import type { ReactNode } from 'react';

/**
 * A long table in a box of its own height, so the screen stays short: the box is a named
 * region in the tab order, so the keyboard can scroll it too (WCAG 2.1.1).
 */
export function Scroller({ label, id, children }: { label: string; id?: string; children: ReactNode }) {
  return (
    <div className="table-scroller" role="region" aria-label={label} tabIndex={0} {...(id ? { id } : {})}>
      {children}
    </div>
  );
}
