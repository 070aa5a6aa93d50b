import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { AppError } from '../../kernel/errors.ts';

/**
 * The printable label sheet (二(四): 施工单位…标注检测构件唯一标识): A4 portrait, 3 × 8 labels of 70 × 37.1 mm, the
 * common pre-cut label sheet; on plain paper the faint frame is the cutting line. Each label carries the QR code of
 * the component's resolve URL, the ID in text (for typing when a camera fails), the project and the position in
 * Chinese. The QR code is drawn as vector squares, so it stays sharp at any printer resolution.
 */
export interface LabelData {
  /** The component ID, grouped for reading (`QC 7K3M 9P2X Q48`). */
  idText: string;
  /** What the QR code encodes. */
  url: string;
  projectName: string;
  /** Building, floor, position, type, one line each; long lines are cut with an ellipsis. */
  lines: string[];
}

const MM = 72 / 25.4;
const PAGE_W = 210 * MM;
const PAGE_H = 297 * MM;
const COLS = 3;
const ROWS = 8;
export const LABELS_PER_PAGE = COLS * ROWS;
const CELL_W = PAGE_W / COLS;
const CELL_H = PAGE_H / ROWS;
const PAD = 3 * MM;
const QR_SIZE = CELL_H - 2 * PAD;
const GAP = 2 * MM;

/** Where Noto Sans CJK lives on common systems (Debian/Ubuntu fonts-noto-cjk, Fedora, Arch, Alpine, Homebrew). */
export const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto/NotoSansCJK-Regular.ttc',
  '/usr/local/share/fonts/NotoSansCJK-Regular.ttc',
  '/opt/homebrew/share/fonts/NotoSansCJK-Regular.ttc',
];
/** The simplified-Chinese face inside the collection. */
const CJK_FONT_FAMILY = 'NotoSansCJKsc-Regular';

let fontCache: { path: string; data: Buffer } | null = null;

/** The font file, read once per process; a 503 naming the package to install when none is present. */
export function cjkFont(candidates: readonly string[] = CJK_FONT_CANDIDATES): { path: string; data: Buffer } {
  if (fontCache && candidates.includes(fontCache.path)) return fontCache;
  const path = candidates.find((p) => existsSync(p));
  if (!path) {
    throw new AppError(503, 'FONT_MISSING', '服务器缺少中文字体（Noto Sans CJK），无法生成标签；请管理员安装 fonts-noto-cjk 后重试');
  }
  fontCache = { path, data: readFileSync(path) };
  return fontCache;
}

export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  // Two modules of quiet zone inside the square; the label's padding adds the rest.
  const module = size / (n + 4);
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + 2) * module, y + (r + 2) * module, module, module);
    }
  }
  doc.fill().restore();
}

export async function renderLabelSheet(labels: LabelData[], meta: { title: string; createdAt: Date; fontCandidates?: readonly string[] }): Promise<Buffer> {
  const font = cjkFont(meta.fontCandidates);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: meta.title, Creator: 'QTrace 建设工程质量检测监管平台', Producer: 'QTrace', CreationDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.data, CJK_FONT_FAMILY);

  labels.forEach((label, i) => {
    const slot = i % LABELS_PER_PAGE;
    if (slot === 0) doc.addPage({ size: 'A4', margin: 0 });
    const x0 = (slot % COLS) * CELL_W;
    const y0 = Math.floor(slot / COLS) * CELL_H;
    doc.save().lineWidth(0.3).strokeColor('#bbbbbb').dash(2, { space: 2 }).rect(x0, y0, CELL_W, CELL_H).stroke().undash().restore();
    drawQr(doc, label.url, x0 + PAD, y0 + PAD, QR_SIZE);

    const tx = x0 + PAD + QR_SIZE + GAP;
    const tw = CELL_W - (tx - x0) - PAD;
    let ty = y0 + PAD + 1;
    doc.font('cjk').fillColor('black');
    doc.fontSize(8.5).text(label.idText, tx, ty, { width: tw, lineBreak: false, ellipsis: true });
    ty += 13;
    // The project name gets two lines; a longer one is cut with an ellipsis.
    doc.fontSize(6.5).fillColor('#333333').text(label.projectName, tx, ty, { width: tw, height: 2 * doc.currentLineHeight(true) + 1, ellipsis: true });
    ty += 2 * doc.currentLineHeight(true) + 4;
    doc.fillColor('black');
    for (const line of label.lines) {
      if (ty > y0 + CELL_H - PAD - 8) break;
      doc.fontSize(7.5).text(line, tx, ty, { width: tw, lineBreak: false, ellipsis: true });
      ty += 10;
    }
  });
  doc.end();
  return done;
}
