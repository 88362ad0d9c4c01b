import type { QueryClient } from '@tanstack/react-query';
import type { NavigateFunction } from 'react-router';

/**
 * After a database opens: the session is fetched, then the dashboard shown, and every other
 * query refreshes behind it. Awaiting them all before navigating (as before) sent someone who
 * had already clicked on to another screen back to the dashboard once the slowest answered.
 */
export async function showOpenedDatabase(queryClient: QueryClient, navigate: NavigateFunction, to = '/dashboard'): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['app.info'] });
  navigate(to);
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'app.info' });
}
