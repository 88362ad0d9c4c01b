import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { PageFocusContext } from './PageFocus.ts';

/**
 * Sets the window title and moves focus to the top of the app's frame, where the page is named,
 * so a screen reader hears each new page and the first Tab reaches the skip link (PageFocus.ts);
 * outside the frame (start, create, unlock: no skip link) focus goes to the heading.
 */
export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const frame = useContext(PageFocusContext);
  const { key } = useLocation();
  const shownKey = useRef<string | null>(null);
  useEffect(() => {
    document.title = `${title} – LinkDesk`;
    const moved = shownKey.current !== key;
    shownKey.current = key;
    if (frame) frame.focusTop(title, moved && !frame.arriving);
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
