import { formatDateTime } from '../../format.ts';

export interface WatermarkText {
  capturedAt: string;
  lat: number;
  lng: number;
  accuracy: number;
  project: string;
  component: string;
  tester: string;
  code: string;
}

/** The watermark's lines, as site watermark cameras print them: time (Beijing), place, project, component, tester, code. */
export function watermarkLines(w: WatermarkText): string[] {
  return [
    `时间 ${formatDateTime(w.capturedAt)}（北京时间）`,
    `位置 ${w.lat.toFixed(6)}, ${w.lng.toFixed(6)} ±${Math.round(w.accuracy)}m`,
    `工程 ${w.project}`,
    `构件 ${w.component}`,
    `检测人员 ${w.tester}`,
    `验证码 ${w.code} · 现场签名采集`,
  ];
}

/**
 * Draws the camera's frame and stamps the watermark on it, in one canvas, and encodes the JPEG: the bytes that are then
 * hashed and signed, so the stamp is covered by the signature. The band's size follows the frame's width, so the
 * text reads the same on a 640 px and a 4000 px picture.
 */
export async function stampFrame(source: CanvasImageSource, width: number, height: number, w: WatermarkText): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('此浏览器无法绘制照片');
  ctx.drawImage(source, 0, 0, width, height);
  const lines = watermarkLines(w);
  const size = Math.max(12, Math.round(width / 36));
  const lineHeight = Math.round(size * 1.35);
  const pad = Math.round(size * 0.6);
  const band = lines.length * lineHeight + 2 * pad;
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.fillRect(0, height - band, width, band);
  ctx.fillStyle = '#ffffff';
  ctx.font = `${size}px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, pad, height - band + pad + i * lineHeight, width - 2 * pad));
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
  if (!blob) throw new Error('照片编码失败');
  return blob;
}
