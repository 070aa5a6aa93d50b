import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { QR_BOX } from '../src/modules/reports/index.ts';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, pick, screenshot, startHarness, tableRows, type Harness } from './harness.ts';
import { dismissOpenAnomalies } from './batch-api.ts';

/**
 * 检测报告 (issue 5 items 5–6): a late (locked) batch's report is refused in the console until a department unlocks
 * it; then the signatory generates it, downloads the PDF (rendered to PNG, its Chinese text read back), and the QR
 * code's address opens the public verification page without login; an altered number is plainly rejected.
 */
let h: Harness;
let batch: { id: string; batch_number: string };
/** The address the generated report's QR code encodes, read back from its PDF. */
let qrUrl: string;

/**
 * Reads the QR code of page 1 of a rendering at `dpi` module by module (the module grid is that of a QR code of `text`)
 * and tells whether every module matches `text`'s QR code: the printed code encodes exactly that text.
 */
async function qrEncodes(png: string, dpi: number, text: string): Promise<boolean> {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const px = (pt: number) => (pt * dpi) / 72;
  const module = QR_BOX.size / (n + 4);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const x = Math.round(px(QR_BOX.x + (c + 2.5) * module));
      const y = Math.round(px(QR_BOX.y + (r + 2.5) * module));
      const dark = data[y * info.width + x]! < 128;
      if (dark !== Boolean(qr.modules.get(r, c))) return false;
    }
  }
  return true;
}
beforeAll(async () => {
  h = await startHarness();
  // The demo's reviewed batch still waiting for its report, made late: the deadline sweeper would have locked it.
  batch = await h.deps.db.selectFrom('batches').select(['id', 'batch_number']).where('status', '=', 'reviewed').orderBy('opened_at').executeTakeFirstOrThrow();
  await h.deps.db.updateTable('batches').set({ locked: true, locked_at: new Date(), lock_reason: '超过 2 小时上传时限未封存' }).where('id', '=', batch.id).execute();
});
afterAll(async () => {
  await h?.close();
});

test('jz.signatory: a locked batch is refused with the lock message; after the unlock the report is generated and its PDF carries the content and the QR code', async () => {
  const s = await openSession(h);
  const { page } = s;
  const work = mkdtempSync(join(tmpdir(), 'qtrace-report-e2e-'));
  try {
    await loginAndWait(page, 'jz.signatory');
    await openMenu(page, '检测报告');
    // The demo's report of its oldest batch is listed.
    const rows = await tableRows(page);
    await expect.poll(() => rows.count()).toBe(1);

    await page.getByRole('button', { name: '生成报告' }).click();
    const dialog = page.getByRole('dialog', { name: '生成检测报告' });
    await dialog.waitFor();
    await pick(page, dialog.locator('.ant-select').first(), batch.batch_number);
    expect(await dialog.locator('.ant-select').first().innerText()).toContain('已锁定');
    await dialog.getByRole('button', { name: '生成报告' }).click();
    await expect.poll(() => dialog.getByTestId('generate-error').innerText()).toContain('批次报告生成权限已锁定，须经住建部门处理解锁');
    await screenshot(page, 'report-locked');

    // A department handles the late upload and unlocks the batch (the unlock itself is another module's screen).
    await h.deps.db.updateTable('batches').set({ locked: false, unlocked_at: new Date(), unlock_reason: '已约谈，补传完成' }).where('id', '=', batch.id).execute();
    // …and decides its open anomalies, which would also stop the report (issue 12).
    await dismissOpenAnomalies(h.url, batch.id);
    await dialog.getByRole('button', { name: '生成报告' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const done = page.locator('.ant-message-notice', { hasText: '已出具检测报告' });
    await done.waitFor();
    const number = /已出具检测报告 (\S+)/.exec(await done.innerText())![1]!;
    expect(number).toMatch(/^[0-9A-Z]{9}-\d{4}-000002$/);

    const row = page.locator('.ant-table-row', { hasText: number });
    await row.waitFor();
    expect(await row.innerText()).toContain('有效');
    await screenshot(page, 'reports-list');

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByText('下载 PDF').click()]);
    expect(download.suggestedFilename()).toBe(`检测报告-${number}.pdf`);
    const pdfPath = join(work, 'report.pdf');
    await download.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Rendered to PNG as a reader sees it.
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', pdfPath, join(work, 'page')]);
    const png = join(work, readdirSync(work).find((f) => f.endsWith('.png'))!);
    // Its text, read back: Chinese, the number, the parties, the people and the QR code's address.
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const want of ['检测报告', `报告编号：${number}`, '吉林省建正工程质量检测有限公司', '长春市南关区幸福里住宅小区二期工程', '回弹法检测混凝土抗压强度', '授权签字人 曹振宇', '复核人员 韩雪', '孙立', batch.batch_number]) {
      expect(text, want).toContain(want);
    }
    qrUrl = /核验地址：(\S+)/.exec(text)![1]!;
    expect(qrUrl.startsWith(`${h.url}/r/${number}?c=`)).toBe(true);
    // The QR code on the rendered page encodes exactly that address (and not, say, another number's).
    expect(await qrEncodes(png, 150, qrUrl)).toBe(true);
    expect(await qrEncodes(png, 150, qrUrl.replace(/\d{6}\?/, '000001?'))).toBe(false);
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-reports');
    throw e;
  } finally {
    rmSync(work, { recursive: true, force: true });
    await s.close();
  }
});

test('anyone opens the QR code\'s address without login; an altered number is rejected plainly', async () => {
  const report = await h.deps.db.selectFrom('reports').select(['report_number', 'check_code']).where('batch_id', '=', batch.id).executeTakeFirstOrThrow();
  const s = await openSession(h);
  const { page } = s;
  try {
    expect(qrUrl).toBe(`${h.url}/r/${report.report_number}?c=${report.check_code}`);
    await page.goto(qrUrl);
    await page.getByTestId('verify-status').waitFor();
    expect(page.url()).not.toContain('/login');
    expect(await page.getByTestId('verify-status').innerText()).toBe('报告有效');
    const details = await page.getByTestId('verify-details').innerText();
    for (const want of [report.report_number, '有效', '吉林省建正工程质量检测有限公司', '长春市南关区幸福里住宅小区二期工程']) expect(details).toContain(want);
    await screenshot(page, 'report-verify');

    // The same code on another existing number (the demo's first report): never that report.
    const altered = report.report_number.replace(/\d{6}$/, '000001');
    await page.goto(`/r/${altered}?c=${report.check_code}`);
    await page.getByTestId('verify-rejected').waitFor();
    expect(await page.getByTestId('verify-rejected').innerText()).toContain('报告编号不存在或已被篡改');
    await screenshot(page, 'report-verify-altered');

    // Typed by hand from paper: number and code, then the same answer as the QR code's.
    await page.goto(`/r/${report.report_number}`);
    await page.getByLabel('验证码').fill(report.check_code.toLowerCase());
    await page.getByRole('button', { name: /^核\s?验$/ }).click();
    await page.getByTestId('verify-status').waitFor();
    expect(await page.getByTestId('verify-status').innerText()).toBe('报告有效');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-report-verify');
    throw e;
  } finally {
    await s.close();
  }
});
