import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { beijingWallClock } from '../time.ts';

/**
 * Excel exports (三(一) 重点监管名单, 日常核查, violation lists) share one writer: a header row in bold, frozen, column
 * widths from the column spec, dates written as real Excel dates in Beijing time so a department's spreadsheet sorts
 * and filters them, and a title row naming what was exported and for whom.
 */

export interface XlsxColumn<Row> {
  header: string;
  /** Characters; Excel's own unit. */
  width?: number;
  value: (row: Row) => string | number | boolean | Date | null | undefined;
}

export interface XlsxSheet<Row> {
  name: string;
  /** One line above the table, e.g. "重点监管名单（长春市南关区，导出于 2026-11-24 10:00）". */
  title?: string;
  columns: readonly XlsxColumn<Row>[];
  rows: readonly Row[];
}


// The sheet list is heterogeneous (each sheet its own row type), so the element type is erased here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function writeXlsx(sheets: readonly XlsxSheet<any>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'QTrace';
  for (const s of sheets) {
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    const ws = wb.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31));
    let headerRow = 1;
    if (s.title) {
      ws.addRow([s.title]).font = { bold: true, size: 13 };
      headerRow = 2;
    }
    const header = ws.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    s.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 2);
    });
    for (const row of s.rows) {
      const cells = s.columns.map((c) => {
        const v = c.value(row);
        if (v instanceof Date) return beijingWallClock(v); // Excel has no time zones: store the wall-clock time people read
        return v ?? null;
      });
      const r = ws.addRow(cells);
      s.columns.forEach((c, i) => {
        const v = cells[i];
        if (v instanceof Date) r.getCell(i + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
      });
    }
    ws.views = [{ state: 'frozen', ySplit: headerRow }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download; the file name is UTF-8 (RFC 5987) so Chinese names survive every browser. */
export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer): FastifyReply {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(body);
}
