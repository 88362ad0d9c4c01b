import { useEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';

interface Measured {
  /** The table's caption, when the box is narrower (or shorter) than the table: it becomes a region. */
  label: string | null;
  /** The height of the table's header row, kept clear when focus scrolls the box (sticky headers). */
  headerHeight: number;
}

/** Measures a scrolling box; returns the same object while nothing changed, so React skips the render. */
function measure(box: HTMLElement, before: Measured, label?: string): Measured {
  const overflows = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
  const caption = label ?? box.querySelector('caption')?.textContent ?? 'Table';
  const next = { label: overflows ? caption : null, headerHeight: Math.ceil(box.querySelector('thead')?.getBoundingClientRect().height ?? 0) };
  return next.label === before.label && next.headerHeight === before.headerHeight ? before : next;
}

/**
 * The box every table sits in, so a table wider than the window scrolls inside it and never
 * widens the page (WCAG 1.4.10, reflow at 320 CSS px). A box that overflows is a region named by
 * the table's caption with a tab stop, so a keyboard can scroll it and a screen reader says what
 * it is; a table that fits gets no tab stop, which on thirty tables would only be in the way. The
 * box keeps its header row's height as scroll padding, so a control that takes focus is never
 * hidden under a sticky header (2.4.11).
 */
interface TableScrollProps {
  children: ReactNode;
  className?: string;
  /** The region's name when the table has no caption. */
  label?: string;
  style?: CSSProperties;
  /** The box itself, for a virtualised table that scrolls its rows. */
  scrollRef?: RefObject<HTMLDivElement | null>;
  /** For a skip link that leads to the table. */
  id?: string;
}

export function TableScroll({ children, className, label, style, scrollRef, id }: TableScrollProps) {
  const own = useRef<HTMLDivElement>(null);
  const box = scrollRef ?? own;
  const [measured, setMeasured] = useState<Measured>({ label: null, headerHeight: 0 });
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const update = () => setMeasured((before) => measure(element, before, label));
    // The box's own size changes with the window; the table's as its rows arrive or change.
    const sizes = new ResizeObserver(update);
    sizes.observe(element);
    const table = element.querySelector('table');
    if (table) sizes.observe(table);
    const content = new MutationObserver(update);
    content.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      sizes.disconnect();
      content.disconnect();
    };
  }, [label, box]);
  const region = measured.label === null ? {} : { tabIndex: 0, role: 'region', 'aria-label': measured.label };
  return (
    <div ref={box} className={className ? `table-scroll ${className}` : 'table-scroll'} style={{ ...style, scrollPaddingTop: measured.headerHeight }} {...region} {...(id ? { id } : {})}>
      {children}
    </div>
  );
}
