import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * What a screen-reader user needs on a route change in a single-page app (WCAG 2.4.2, 2.4.3):
 * the page's title follows the view's h1, and the focus moves to the main content when the path
 * changes (not on the first load, and not when only the query string changes, as filters do).
 */
export function useRouteFocusAndTitle(serviceName: string) {
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [pathname]);

  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    // Views load lazily and their h1 may come with their data: follow it as it appears.
    const update = () => {
      const heading = main.querySelector('h1')?.textContent?.trim();
      const title = heading ? `${heading} – ${serviceName}` : serviceName;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [pathname, serviceName]);
}
