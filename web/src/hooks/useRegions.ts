import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import type { Region } from '../types.ts';

/** The region list changes with a migration, not during a session: fetched once and shared by every page. */
let cache: Promise<Region[]> | null = null;

function loadRegions(): Promise<Region[]> {
  if (!cache) {
    cache = api.get<{ items: Region[] }>('/regions').then((r) => r.items);
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

export interface RegionNode {
  region: Region;
  children: RegionNode[];
}

/** Builds the tree from the flat list, ordered by code; an entry whose parent is missing becomes a root. */
export function buildRegionTree(regions: readonly Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>(regions.map((r) => [r.code, { region: r, children: [] }]));
  const roots: RegionNode[] = [];
  for (const r of [...regions].sort((a, b) => a.code.localeCompare(b.code))) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Codes from the root down to `code` (inclusive). */
export function ancestorsOf(code: string, byCode: ReadonlyMap<string, Region>): string[] {
  const path: string[] = [];
  let cur = byCode.get(code);
  let guard = 0;
  while (cur && guard++ < 10) {
    path.unshift(cur.code);
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  return path;
}

export function findNode(nodes: readonly RegionNode[], code: string): RegionNode | undefined {
  for (const n of nodes) {
    if (n.region.code === code) return n;
    const hit = findNode(n.children, code);
    if (hit) return hit;
  }
  return undefined;
}

export function useRegions() {
  const [regions, setRegions] = useState<Region[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(null);
    loadRegions()
      .then((r) => alive && setRegions(r))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [attempt]);

  const byCode = useMemo(() => new Map((regions ?? []).map((r) => [r.code, r])), [regions]);
  const tree = useMemo(() => buildRegionTree(regions ?? []), [regions]);
  return { regions, byCode, tree, loading: regions === null && error === null, error, retry: () => setAttempt((n) => n + 1) };
}
