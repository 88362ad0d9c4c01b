import { useEffect, useRef, type ReactNode } from 'react';

/** Sets the window title and moves focus to the heading, so a screen reader hears each new page. */
export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – LinkDesk`;
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}
