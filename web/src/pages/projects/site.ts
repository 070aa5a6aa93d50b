import type { SiteBoundary } from '../../types.ts';

/**
 * The polygon a person types or pastes: one "经度,纬度" per line (comma, blank or tab between), or a JSON array
 * `[[lng, lat], …]`. The ring is closed for them when the last point differs from the first.
 */
export function parseRing(text: string): { ok: true; ring: [number, number][] } | { ok: false; message: string } {
  const t = text.trim();
  if (!t) return { ok: false, message: '请填写现场范围的顶点坐标' };
  let points: unknown;
  if (t.startsWith('[')) {
    try {
      points = JSON.parse(t);
    } catch {
      return { ok: false, message: 'JSON 格式不正确，应为 [[经度, 纬度], …]' };
    }
  } else {
    const lines = t.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const out: [number, number][] = [];
    for (const [i, line] of lines.entries()) {
      const parts = line.split(/[,，\s]+/).filter(Boolean);
      if (parts.length !== 2) return { ok: false, message: `第 ${i + 1} 行应为“经度,纬度”两个数` };
      const [lng, lat] = parts.map(Number);
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) return { ok: false, message: `第 ${i + 1} 行不是数字坐标` };
      out.push([lng!, lat!]);
    }
    points = out;
  }
  if (!Array.isArray(points) || points.some((p) => !Array.isArray(p) || p.length !== 2 || p.some((n) => typeof n !== 'number' || !Number.isFinite(n)))) {
    return { ok: false, message: '每个顶点应为 [经度, 纬度] 两个数' };
  }
  const ring = points as [number, number][];
  if (ring.length < 3) return { ok: false, message: '现场范围至少需要 3 个顶点' };
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  return { ok: true, ring };
}

export function ringText(ring: [number, number][]): string {
  return ring.map(([lng, lat]) => `${lng},${lat}`).join('\n');
}

export function siteSummary(site: SiteBoundary): string {
  if (site.type === 'circle') return `以 (${site.center[0]}, ${site.center[1]}) 为圆心、半径 ${site.radiusMetres} 米的圆形范围`;
  return `多边形范围，${site.ring.length - 1} 个顶点`;
}
