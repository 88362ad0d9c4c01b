import { createContext } from 'react';

/**
 * Where a page puts focus when it opens. Inside the app's frame every screen behaves like a page
 * load on the web: focus sits at the top, where a visually hidden line names the page (a screen
 * reader reads it out), so the first Tab reaches "Skip to main content" before anything else
 * (WCAG 2.4.1; issue 19). Focusing the heading instead made the first Tab skip the skip link.
 */
export interface PageFocus {
  /** True while the frame still shows the page it opened on (a redirect to the same page included). */
  arriving: boolean;
  /**
   * Names the page at the top of the frame and puts focus there. `moved`: the person went to a
   * new screen, so focus goes to the top wherever it was; otherwise (the first page, or a page
   * whose title changed as its record loaded) only while nobody has moved on.
   */
  focusTop: (title: string, moved: boolean) => void;
}

export const PageFocusContext = createContext<PageFocus | null>(null);
