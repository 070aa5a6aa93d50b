import { useEffect, useState } from 'react';
import type { CatalogueItem } from '../../types.ts';
import { getCatalogueVersion } from './api.ts';

const cache = new Map<number, Promise<CatalogueItem[]>>();

/** The items of the catalogue version a batch pinned (field labels, units, options), fetched once per version. */
export function useBatchCatalogue(version: number): CatalogueItem[] {
  const [items, setItems] = useState<CatalogueItem[]>([]);
  useEffect(() => {
    let alive = true;
    let p = cache.get(version);
    if (!p) {
      p = getCatalogueVersion(version).then((c) => c.document.specialties.flatMap((s) => s.items));
      p.catch(() => cache.delete(version));
      cache.set(version, p);
    }
    p.then((i) => alive && setItems(i)).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [version]);
  return items;
}

/** A record's values as "label value unit" pairs, by the catalogue item's fields (unknown keys as they are). */
export function valuesText(item: CatalogueItem | undefined, values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([k, v]) => {
      const f = item?.fields.find((x) => x.key === k);
      const shown = f?.options?.find((o) => o.value === v)?.label ?? String(v);
      return `${f?.label ?? k} ${shown}${f?.unit ? ` ${f.unit}` : ''}`;
    })
    .join('；');
}
