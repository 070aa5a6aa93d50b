import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One entry of `data/jilin-regions.json` (see data/README.md for source and decisions). */
export interface RegionDatum {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  hasDepartment: boolean;
  gb2260: boolean;
  gbParentCode?: string;
}

export interface RegionDataFile {
  source: string;
  version: string;
  regions: RegionDatum[];
}

export const REGION_DATA_PATH = fileURLToPath(new URL('./data/jilin-regions.json', import.meta.url));

export function loadRegionData(path = REGION_DATA_PATH): RegionDataFile {
  return JSON.parse(readFileSync(path, 'utf8')) as RegionDataFile;
}

/** Materialised path of every region, parents first; throws on an orphan or a cycle (a broken data file). */
export function regionPaths(regions: readonly RegionDatum[]): Map<string, string> {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const paths = new Map<string, string>();
  const pathOf = (code: string, depth: number): string => {
    const known = paths.get(code);
    if (known) return known;
    const r = byCode.get(code);
    if (!r) throw new Error(`region data: unknown parent ${code}`);
    if (depth > 10) throw new Error(`region data: cycle at ${code}`);
    const p = r.parentCode ? `${pathOf(r.parentCode, depth + 1)}${code}/` : `/${code}/`;
    paths.set(code, p);
    return p;
  };
  for (const r of regions) pathOf(r.code, 0);
  return paths;
}
