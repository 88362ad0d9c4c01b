import { createContext } from 'react';

/**
 * Where a page puts focus when it opens. Inside the app's frame, the first page after the
 * database opens behaves like a page load: focus sits at the top, where the page's name is
 * read out, so the first Tab reaches "Skip to main content" before anything else. Every later
 * page moves focus to its heading, so a screen reader hears the page it moved to.
 */
export interface PageFocus {
  /** True while the frame still shows the page it opened on (a redirect to the same page included). */
  arriving: boolean;
  /** Names the page at the top of the frame and puts focus there. */
  focusTop: (title: string) => void;
}

export const PageFocusContext = createContext<PageFocus | null>(null);
