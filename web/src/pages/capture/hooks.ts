import { useCallback, useEffect, useRef, useState } from 'react';
import type { Fix } from './rules.ts';

/** navigator.onLine, kept up to date by the browser's online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

const toFix = (p: GeolocationPosition): Fix => ({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy, at: p.timestamp });

const GEO_ERRORS: Record<number, string> = { 1: '未允许定位：请在浏览器设置中允许本平台使用位置信息', 2: '无法取得定位（无卫星信号或定位服务关闭）', 3: '定位超时，请到开阔处重试' };

/**
 * The phone's position, watched with high accuracy and no cached fix; `fresh()` asks for a new fix now (used at the
 * moment of capture when the watched one has grown older than the policy allows).
 */
export function usePosition(enabled: boolean): { fix: Fix | null; error: string | null; fresh: () => Promise<Fix> } {
  const [fix, setFix] = useState<Fix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<Fix | null>(null);
  useEffect(() => {
    if (!enabled) return;
    if (!('geolocation' in navigator)) {
      setError('此浏览器不支持定位，无法进行现场采集');
      return;
    }
    const id = navigator.geolocation.watchPosition(
      (p) => {
        last.current = toFix(p);
        setFix(last.current);
        setError(null);
      },
      (e) => setError(GEO_ERRORS[e.code] ?? e.message),
      { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [enabled]);
  const fresh = useCallback(
    () =>
      new Promise<Fix>((resolve, reject) =>
        navigator.geolocation.getCurrentPosition(
          (p) => {
            last.current = toFix(p);
            setFix(last.current);
            resolve(last.current);
          },
          (e) => reject(new Error(GEO_ERRORS[e.code] ?? e.message)),
          { enableHighAccuracy: true, maximumAge: 0, timeout: 20_000 },
        ),
      ),
    [],
  );
  return { fix, error, fresh };
}
