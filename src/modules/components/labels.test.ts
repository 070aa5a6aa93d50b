import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.ts';
import { cjkFont, LABELS_PER_PAGE, renderLabelSheet, type LabelData } from './labels.ts';
import { labelLines, labelUrl } from './service.ts';

const label = (n: number): LabelData => ({
  idText: `QC 7K3M 9P2X Q${String(n).padStart(2, '0')}`,
  url: labelUrl('https://qtrace.example.cn/', `QC7K3M9P2XQ${String(n).padStart(2, '0')}`),
  projectName: '长春市南关区幸福里住宅小区二期工程（5#、6#楼）',
  lines: labelLines({ building: '5#楼', floor: '3层', position: `A-${n}轴`, componentType: '框架柱' }),
});

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

describe('the label sheet', () => {
  it('is a PDF with one A4 page per 24 labels', async () => {
    const pdf = await renderLabelSheet(Array.from({ length: LABELS_PER_PAGE + 1 }, (_, i) => label(i)), { title: '构件标识标签', createdAt: new Date('2026-03-01T00:00:00Z') });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pageCount(pdf)).toBe(2);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
  });

  it.runIf(hasPdftotext)('carries its Chinese text as extractable text (pdftotext)', async () => {
    const pdf = await renderLabelSheet([label(1), label(2)], { title: '构件标识标签', createdAt: new Date('2026-03-01T00:00:00Z') });
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('QC 7K3M 9P2X Q01');
    expect(text).toContain('5#楼 3层');
    expect(text).toContain('A-2轴');
    expect(text).toContain('框架柱');
    expect(text).toContain('长春市南关区');
  });

  it('fails with 503 FONT_MISSING when no CJK font is installed', async () => {
    const missing = ['/nonexistent/NotoSansCJK-Regular.ttc'];
    expect(() => cjkFont(missing)).toThrow(AppError);
    await expect(renderLabelSheet([label(1)], { title: 'x', createdAt: new Date(), fontCandidates: missing })).rejects.toMatchObject({ statusCode: 503, code: 'FONT_MISSING' });
  });

  it('encodes the resolve URL on the platform\'s public address', () => {
    expect(labelUrl('https://qtrace.jl.gov.cn/', 'QC7K3M9P2XQ48')).toBe('https://qtrace.jl.gov.cn/c/QC7K3M9P2XQ48');
    expect(labelUrl('http://127.0.0.1:3000', 'QC7K3M9P2XQ48')).toBe('http://127.0.0.1:3000/c/QC7K3M9P2XQ48');
  });

  it('prints building and floor on one line, and no empty floor', () => {
    expect(labelLines({ building: '主线', floor: null, position: 'K0+120~K0+180 左幅', componentType: '路基' })).toEqual(['主线', 'K0+120~K0+180 左幅', '路基']);
  });
});
