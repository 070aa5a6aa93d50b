import PDFDocument from 'pdfkit';
import { AppError } from '../../kernel/errors.ts';
import { cjkFont, CJK_FONT_CANDIDATES, drawQr } from '../components/index.ts';
import { CONCLUSION_LABELS, type ReportContent } from './rules/content.ts';
import { formatBeijing } from '../../kernel/time.ts';

/**
 * The report PDF (检测报告), A4 portrait, in Chinese: header with the number, check code and QR code; basic
 * information; test items and their standards; the results of every current record version; equipment with its
 * calibration; the people; the evidence trail; and on every page a footer with the content hash. Rendered once, at
 * generation: the stored bytes are what every download returns.
 */
export interface ReportPdfInput {
  content: ReportContent;
  checkCode: string;
  /** What the QR code encodes (and what is printed beneath it). */
  verifyUrl: string;
  contentSha256: string;
  fontCandidates?: readonly string[];
}

const W = 595.28;
const H = 841.89;
const M = 48;
const INNER = W - 2 * M;
const FOOTER_Y = H - 40;
const BOTTOM = H - 60;
const QR = 84;
/** Where the QR code sits on the first page, in points from the top left (tests read it back from a rendering). */
export const QR_BOX = { x: W - M - QR, y: M - 6, size: QR } as const;
const CJK = 'NotoSansCJKsc-Regular';

/** Beijing wall-clock time of an instant, `YYYY-MM-DD HH:mm`. */
export function beijingDateTime(iso: string | null): string {
  if (!iso) return '—';
  return formatBeijing(new Date(iso));
}

export async function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  let font: { data: Buffer };
  try {
    font = cjkFont(input.fontCandidates ?? CJK_FONT_CANDIDATES);
  } catch (err) {
    if (err instanceof AppError && err.code === 'FONT_MISSING') {
      throw new AppError(503, 'FONT_MISSING', '服务器缺少中文字体（Noto Sans CJK），无法生成检测报告；请管理员安装 fonts-noto-cjk 后重试');
    }
    throw err;
  }
  const c = input.content;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: M, bottom: M, left: M, right: M },
    bufferPages: true,
    info: { Title: `检测报告 ${c.number}`, Author: c.agency.name, Subject: c.project.name, Creator: 'QTrace 建设工程质量检测监管平台', Producer: 'QTrace', CreationDate: new Date(c.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.data, CJK);
  doc.font('cjk').fillColor('black');

  // ── header ──
  drawQr(doc, input.verifyUrl, QR_BOX.x, QR_BOX.y, QR_BOX.size);
  doc.fontSize(7).fillColor('#555555').text('扫码核验报告真伪', W - M - QR, M - 6 + QR, { width: QR, align: 'center' });
  doc.fillColor('black').fontSize(24).text('检测报告', M, M + 4, { width: INNER, align: 'center', characterSpacing: 8 });
  doc.fontSize(10).text('建设工程质量检测（现场检测）', M, M + 40, { width: INNER, align: 'center' });
  doc.fontSize(10.5);
  doc.text(`报告编号：${c.number}`, M, M + 66);
  doc.text(`验证码：${input.checkCode}`, M, M + 82);
  doc.text(`报告日期：${c.reportDate}`, M, M + 98);
  let y = M + QR + 30;
  if (c.supersedes) {
    doc.fontSize(9.5).fillColor('#a8071a');
    const note = `本报告为更正报告，替代原报告 ${c.supersedes.number}（更正原因：${c.supersedes.reason}），原报告自本报告出具之日起作废。`;
    doc.text(note, M, y, { width: INNER });
    y += doc.heightOfString(note, { width: INNER }) + 6;
    doc.fillColor('black');
  }

  const section = (title: string) => {
    if (y + 40 > BOTTOM) newPage();
    doc.fontSize(11.5).fillColor('black').text(title, M, y);
    y += 20;
  };
  const newPage = () => {
    doc.addPage();
    y = M;
  };

  /** A bordered table; a row that does not fit starts a new page, which repeats the header row. */
  const table = (widths: number[], header: string[] | null, rows: string[][], opts: { size?: number; labelColumn?: boolean } = {}) => {
    const size = opts.size ?? 9;
    const pad = 4;
    const heightOf = (cells: string[]) => Math.max(...cells.map((t, i) => doc.fontSize(size).heightOfString(t || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    const draw = (cells: string[], shade: boolean) => {
      const h = heightOf(cells);
      let x = M;
      cells.forEach((t, i) => {
        const w = widths[i]!;
        if (shade || (opts.labelColumn && i % 2 === 0)) doc.save().rect(x, y, w, h).fill('#f2f4f7').restore();
        doc.save().lineWidth(0.5).strokeColor('#8c8c8c').rect(x, y, w, h).stroke().restore();
        doc.fontSize(size).fillColor('black').text(t || ' ', x + pad, y + pad, { width: w - 2 * pad });
        x += w;
      });
      y += h;
    };
    if (header) {
      if (y + heightOf(header) + 20 > BOTTOM) newPage();
      draw(header, true);
    }
    for (const r of rows) {
      if (y + heightOf(r) > BOTTOM) {
        newPage();
        if (header) draw(header, true);
      }
      draw(r, false);
    }
    y += 10;
  };

  // ── 一、基本信息 ──
  section('一、基本信息');
  const half = INNER / 2;
  const kv = [84, half - 84, 84, half - 84];
  const testDate = c.batch.completedAt ? `${beijingDateTime(c.batch.openedAt)} 至 ${beijingDateTime(c.batch.completedAt)}` : beijingDateTime(c.batch.openedAt);
  table(
    kv,
    null,
    [
      ['委托单位', c.client, '委托合同编号', c.contractNumber ?? '—'],
      ['工程名称', c.project.name, '施工许可证号', c.project.permitNumber],
      ['工程地点', c.project.address, '监理单位', c.supervisionUnit ?? '—'],
      ['检测机构', c.agency.name, '统一社会信用代码', c.agency.uscc],
      ['资质证书编号', c.agency.qualificationNumbers.join('、') || '—', '检测专项', c.batch.specialtyName],
      ['检测批次编号', c.batch.number, '检测日期', testDate],
      ['封存时间', beijingDateTime(c.batch.sealedAt), '复核时间', beijingDateTime(c.batch.reviewedAt)],
    ],
    { labelColumn: true },
  );

  // ── 二、检测项目及依据 ──
  section('二、检测项目及依据');
  table([150, INNER - 150], ['检测项目', '检测依据'], c.items.map((i) => [i.name, i.standard]));

  // ── 三、检测结果 ──
  section('三、检测结果');
  table(
    [28, 112, 92, INNER - 28 - 112 - 92 - 50, 50],
    ['序号', '构件/部位', '检测项目', '检测数据', '结论'],
    c.records.map((r, i) => [
      String(i + 1),
      `${r.component}\n${r.position}`,
      r.itemName,
      `${r.values.map((v) => `${v.label}：${v.value}${v.unit ? ` ${v.unit}` : ''}`).join('；')}\n原始记录 ${r.recordKey} 第 ${r.version} 版 · ${r.source === 'auto' ? '自动采集' : '人工录入'} · ${beijingDateTime(r.capturedAt)} · ${r.tester}`,
      CONCLUSION_LABELS[r.conclusion ?? 'none'],
    ]),
    { size: 8.5 },
  );
  const s = c.summary;
  const summary = `共 ${s.records} 条原始记录：合格 ${s.pass} 条，不合格 ${s.fail} 条，未判定 ${s.undetermined} 条。结论“—”表示该检测项目的原始记录不含评定结论，其结果须对照设计要求判定。`;
  doc.fontSize(9).text(summary, M, y, { width: INNER });
  y += doc.heightOfString(summary, { width: INNER }) + 12;

  // ── 四、检测设备 ──
  section('四、检测设备');
  table(
    [88, 76, 96, INNER - 88 - 76 - 96 - 62 - 62, 62, 62],
    ['设备名称', '型号', '出厂编号', '检定/校准证书编号', '有效期至', '检测时'],
    c.equipment.map((e) => [e.equipmentType, e.model, e.serialNumber, e.calibrationCertificate ?? '—', e.calibrationValidTo ?? '—', e.inCalibration ? '在有效期内' : '不在有效期内']),
  );

  // ── 五、人员 ──
  section('五、检测、复核、签发及见证人员');
  table(kv, null, [
    ['检测人员', c.people.testers.join('、'), '复核人员', c.people.reviewer],
    ['授权签字人', c.people.signatory, '见证人员', c.people.witnessUnit ? `${c.people.witness}（${c.people.witnessUnit}）` : c.people.witness],
  ], { labelColumn: true });

  // ── 六、数据溯源 ──
  section('六、数据溯源');
  table(kv, null, [['原始记录', `${c.evidence.recordCount} 条`, '过程影像', `${c.evidence.imageCount} 张`]], { labelColumn: true });
  y -= 10;
  table([84, INNER - 84], null, [
    ['封存时间', beijingDateTime(c.evidence.sealedAt)],
    ['封存清单摘要', `SHA-256 ${c.evidence.manifestSha256}`],
  ], { labelColumn: true });
  const verify = `核验地址：${input.verifyUrl}`;
  if (y + 40 > BOTTOM) newPage();
  doc.fontSize(9).text(verify, M, y, { width: INNER, link: input.verifyUrl });
  y += doc.heightOfString(verify, { width: INNER }) + 4;
  const note = '本报告的原始记录、过程影像及见证信息已上传吉林省建设工程质量检测监管平台；可扫描二维码或访问核验地址，凭报告编号和验证码核验报告的真伪与状态。';
  doc.fontSize(8.5).fillColor('#555555').text(note, M, y, { width: INNER });

  // ── footer on every page ──
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would open a page of its own.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save().lineWidth(0.5).strokeColor('#bfbfbf').moveTo(M, FOOTER_Y - 6).lineTo(W - M, FOOTER_Y - 6).stroke().restore();
    doc.fontSize(7.5).fillColor('#555555');
    doc.text(`报告编号 ${c.number}`, M, FOOTER_Y, { width: INNER - 80, lineBreak: false });
    doc.text(`第 ${i - range.start + 1} 页 共 ${range.count} 页`, W - M - 80, FOOTER_Y, { width: 80, align: 'right', lineBreak: false });
    doc.text(`内容摘要（SHA-256）${input.contentSha256}`, M, FOOTER_Y + 11, { width: INNER, lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
