import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../api.ts';
import type { Page } from '../types.ts';

export const DEFAULT_PAGE_SIZE = 20;

export type PageFetcher<T, F> = (filters: F, page: number, pageSize: number, signal: AbortSignal) => Promise<Page<T>>;

/**
 * One server-paginated list: the current page of `filters`, refetched when they or the page change.
 * Changing the filters goes back to page 1; `reload` refetches the current page after a change.
 */
export function usePagedList<T, F>(fetcher: PageFetcher<T, F>, filters: F) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [data, setData] = useState<Page<T>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [appliedFilters, setAppliedFilters] = useState(filters);

  if (appliedFilters !== filters) {
    setAppliedFilters(filters);
    setPage(1);
  }

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    fetcher(appliedFilters, page, pageSize, ctl.signal)
      .then((d) => {
        // A page that emptied (the last row was removed): step back one.
        if (d.items.length === 0 && d.total > 0 && page > 1) setPage(Math.max(1, Math.ceil(d.total / pageSize)));
        else setData(d);
      })
      .catch((e: unknown) => {
        if (!isAbort(e)) setError(errorMessage(e));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [fetcher, appliedFilters, page, pageSize, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const onChange = useCallback(
    (p: number, size: number) => {
      if (size !== pageSize) {
        setPageSize(size);
        setPage(1);
      } else setPage(p);
    },
    [pageSize],
  );

  return { data, loading, error, page, pageSize, onChange, reload };
}
