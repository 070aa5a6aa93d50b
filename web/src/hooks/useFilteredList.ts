import { useCallback, useState } from 'react';
import { usePagedList, type PageFetcher } from './usePagedList.ts';

/**
 * A server-paginated list with its filters: `set` changes some filters (back to page 1), `reset` returns to the
 * initial ones, `filtered` says whether any differs from them. `search` is the text typed in the search box before
 * it is applied.
 */
export function useFilteredList<T, F extends object>(fetcher: PageFetcher<T, F>, initial: F) {
  const [initialFilters] = useState(initial);
  const [filters, setFilters] = useState<F>(initial);
  const [search, setSearch] = useState('');
  const list = usePagedList(fetcher, filters);
  const set = useCallback((patch: Partial<F>) => setFilters((f) => ({ ...f, ...patch })), []);
  const reset = useCallback(() => {
    setSearch('');
    setFilters(initialFilters);
  }, [initialFilters]);
  const keys = new Set([...Object.keys(initialFilters), ...Object.keys(filters)]) as Set<keyof F>;
  const filtered = [...keys].some((k) => filters[k] !== initialFilters[k]);
  return { ...list, filters, set, reset, filtered, search, setSearch, initialFilters };
}

export type FilteredList<T, F extends object> = ReturnType<typeof useFilteredList<T, F>>;
