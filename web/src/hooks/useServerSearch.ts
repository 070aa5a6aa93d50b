import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import type { Page } from '../types.ts';

/**
 * A select that searches on the server as the person types (300 ms after the last key): the first 50 matches of
 * `path` for `q` plus `params`, and every row seen so far by id (so a picked row can be handed to the caller).
 */
export function useServerSearch<T extends { id: string }>(path: string, params: Record<string, string | undefined> = {}) {
  const [options, setOptions] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');
  const known = useRef(new Map<string, T>());
  const paramKey = JSON.stringify(params);

  useEffect(() => {
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      api
        .get<Page<T>>(path, { ...(JSON.parse(paramKey) as Record<string, string | undefined>), q: q.trim(), pageSize: 50 }, ctl.signal)
        .then((p) => {
          p.items.forEach((o) => known.current.set(o.id, o));
          setOptions(p.items);
        })
        .catch(() => setOptions([]))
        .finally(() => {
          if (!ctl.signal.aborted) setLoading(false);
        });
    }, q ? 300 : 0);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [path, paramKey, q]);

  /** The picked id's row (undefined when cleared); clearing also clears the search. */
  const picked = (v: string | undefined): T | undefined => {
    if (!v) setQ('');
    return v ? known.current.get(v) : undefined;
  };
  return { options, loading, setQ, picked };
}
