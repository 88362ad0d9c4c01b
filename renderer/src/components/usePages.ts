import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Page } from '../../../shared/domain/paging.ts';

/**
 * A list read a page at a time (the main process answers `{ rows, total }` for an offset and a
 * limit): the rows loaded so far, how many there are in all, and `more()` for the next page.
 */
export function usePages<Row>(queryKey: readonly unknown[], fetchPage: (offset: number) => Promise<Page<Row>>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return last.rows.length > 0 && loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  // Stable while nothing changes, so a table can call it from an effect.
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const pages = query.data?.pages ?? [];
  return {
    rows: pages.flatMap((p) => p.rows),
    total: pages.at(-1)?.total ?? 0,
    loaded: query.data !== undefined,
    pending: query.isPending,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    more,
  };
}
