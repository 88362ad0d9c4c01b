import { useEffect, useState } from 'react';

/** How long a screen's code may take before "Loading…" is shown: from this computer it is usually there at once. */
const QUIET_MS = 200;

/**
 * While a screen's code is fetched (each screen is its own chunk). The status region is there
 * from the start and its words are added only if the wait lasts, so a screen reader announces a
 * real wait and nobody sees a flash of "Loading…" on every move between screens.
 */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), QUIET_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p className="loading" role="status" aria-busy="true">
      {shown ? label : ''}
    </p>
  );
}
