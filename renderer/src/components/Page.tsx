import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { PageFocusContext } from './PageFocus.ts';

/**
 * Sets the window title and moves focus to the heading, so a screen reader hears each new page;
 * the first page the app's frame opens on leaves focus at its top instead (PageFocus.ts).
 */
export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const frame = useContext(PageFocusContext);
  const { key } = useLocation();
  useEffect(() => {
    document.title = `${title} – LinkDesk`;
    if (frame?.arriving) frame.focusTop(title);
    else heading.current?.focus({ preventScroll: true });
  }, [title, frame, key]);
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
