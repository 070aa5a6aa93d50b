import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from './xlsx.ts';

interface Row {
  name: string;
  count: number;
  since: Date | null;
}

describe('writeXlsx', () => {
  it('writes a title, a bold header and typed cells that read back the same', async () => {
    const rows: Row[] = [
      { name: '吉林省正信检测有限公司', count: 3, since: new Date('2026-05-01T01:30:00Z') },
      { name: '长春建科检测', count: 0, since: null },
    ];
    const buf = await writeXlsx([
      {
        name: '重点监管名单',
        title: '重点监管名单（长春市）',
        columns: [
          { header: '机构', value: (r: Row) => r.name, width: 30 },
          { header: '违规次数', value: (r: Row) => r.count },
          { header: '列入时间', value: (r: Row) => r.since },
        ],
        rows,
      },
    ]);
    expect(buf.subarray(0, 2).toString()).toBe('PK');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('重点监管名单');
    expect(ws).toBeDefined();
    expect(ws!.getCell('A1').value).toBe('重点监管名单（长春市）');
    expect(ws!.getRow(2).values).toEqual([undefined, '机构', '违规次数', '列入时间']);
    expect(ws!.getRow(2).font?.bold).toBe(true);
    expect(ws!.getCell('A3').value).toBe('吉林省正信检测有限公司');
    expect(ws!.getCell('B3').value).toBe(3);
    // 01:30Z is 09:30 in Beijing: the cell shows Beijing wall-clock time.
    expect((ws!.getCell('C3').value as Date).toISOString()).toBe('2026-05-01T09:30:00.000Z');
    expect(ws!.getCell('C4').value).toBeNull();
    expect(ws!.getColumn(1).width).toBe(30);
  });

  it('makes sheet names Excel accepts', async () => {
    const buf = await writeXlsx([{ name: '违规/清单:2026[全年]这是一个超过三十一个字符的很长很长很长的工作表名称', columns: [], rows: [] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const name = wb.worksheets[0]!.name;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
  });
});
