import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeCameraJpeg } from '../src/modules/images/test-images.ts';
import { closeDropdown, expectNoPageErrors, formItem, loginAndWait, openMenu, openSession, pick, screenshot, selectOf, startHarness, tableRows, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Beijing wall-clock time a few minutes ago, as a camera writes it into EXIF. */
const beijingLocal = (minutesAgo: number) => new Date(new Date().getTime() - minutesAgo * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19);

/**
 * Picks options of a multi-select one by one. Opened near its right end (a click in the middle could land on a chosen
 * tag's remove icon), closed after each pick (a multi-select stays open).
 */
async function pickMany(page: Page, trigger: Locator, options: string[]): Promise<void> {
  for (const o of options) {
    const box = (await trigger.boundingBox())!;
    await trigger.click({ position: { x: box.width - 30, y: box.height / 2 } });
    const popup = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await popup.locator('.ant-select-item-option', { hasText: o }).filter({ visible: true }).first().locator('.ant-select-item-option-content').click();
    await expect.poll(() => trigger.innerText()).toContain(o);
    await closeDropdown(page);
  }
}

async function fillNumber(scope: Locator, label: string, value: string): Promise<void> {
  await formItem(scope, label).locator('input').fill(value);
}

test('agency staff open a batch, upload a camera photo with its declaration, enter a record, are refused manual entry of an auto-collected item, declare completion and seal', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'jz.owner');
    await openMenu(page, '检测批次');
    const rows = await tableRows(page);
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // The demo's completed batch counts down to its deadline, second by second.
    const countdown = page.getByTestId('countdown').first();
    await countdown.waitFor();
    const first = await countdown.innerText();
    expect(first).toMatch(/^剩余 \d{2}:\d{2}:\d{2}$/);
    await expect.poll(() => countdown.innerText(), { timeout: 5_000 }).not.toBe(first);
    await screenshot(page, 'batches-board');

    // 开启批次
    await page.getByRole('button', { name: '开启批次' }).click();
    const dialog = page.getByRole('dialog', { name: '开启检测批次' });
    await dialog.waitFor();
    await pick(page, selectOf(dialog, '工程项目'), '幸福里', '幸福里');
    await pick(page, selectOf(dialog, '检测委托'), 'XFL-JC-2026-008');
    await pick(page, selectOf(dialog, '检测专项'), '主体结构及装饰装修');
    await pickMany(page, selectOf(dialog, '检测项目'), ['回弹法检测混凝土抗压强度', '钻芯法检测混凝土抗压强度']);
    await pickMany(page, selectOf(dialog, '检测构件/部位'), ['A-3轴']);
    await pickMany(page, selectOf(dialog, '检测设备'), ['S220-2024-0417', 'CTS9009-21553']);
    await pickMany(page, selectOf(dialog, '检测人员'), ['高峰']);
    await pick(page, selectOf(dialog, '见证人员'), '孙立');
    await pick(page, selectOf(dialog, '上传负责人'), '刘洋');
    await screenshot(page, 'batch-open-form');
    await dialog.getByRole('button', { name: '开启批次' }).click();
    const title = page.locator('.page-header h3', { hasText: /检测批次 · JC-\d{4}-\d{6}/ });
    await title.waitFor();
    const batchNumber = /JC-\d{4}-\d{6}/.exec(await title.innerText())![0];
    expect(await page.locator('.batch-header').innerText()).toContain('未申报完成');

    // 录入记录: 钻芯法 is entered by hand (its equipment does not collect automatically).
    await page.getByRole('button', { name: '录入记录' }).click();
    const rec = page.getByRole('dialog', { name: /录入原始记录/ });
    await rec.waitFor();
    await pick(page, selectOf(rec, '检测项目'), '钻芯法检测混凝土抗压强度');
    await pick(page, selectOf(rec, '检测设备'), 'CTS9009-21553');
    await fillNumber(rec, '芯样直径（mm）', '100');
    await fillNumber(rec, '芯样数量（个）', '3');
    await fillNumber(rec, '芯样长度（mm）', '100');
    await pick(page, selectOf(rec, '芯样是否避开钢筋'), '是');
    await rec.getByRole('button', { name: /^提\s?交$/ }).click();
    await rec.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /原始记录/ }).click();
    const recordRow = page.locator('.records-table .ant-table-row', { hasText: '钻芯法检测混凝土抗压强度' });
    await recordRow.waitFor();
    expect(await recordRow.innerText()).toContain('人工录入');

    // 回弹法 with the 回弹仪 that collects automatically: refused, with the platform's words.
    await page.getByRole('button', { name: '录入记录' }).click();
    await rec.waitFor();
    await pick(page, selectOf(rec, '检测项目'), '回弹法检测混凝土抗压强度');
    await pick(page, selectOf(rec, '检测设备'), 'S220-2024-0417');
    await fillNumber(rec, '测区数（个）', '10');
    await fillNumber(rec, '平均回弹值（修正后）', '36.2');
    await fillNumber(rec, '平均碳化深度（mm）', '2');
    await pick(page, selectOf(rec, '检测角度'), '水平');
    await pick(page, selectOf(rec, '检测面'), '侧面');
    await pick(page, selectOf(rec, '混凝土类型'), '泵送');
    await fillNumber(rec, '测区强度换算值平均值（MPa）', '33.7');
    await fillNumber(rec, '混凝土强度推定值（MPa）', '31.1');
    await rec.getByRole('button', { name: /^提\s?交$/ }).click();
    const refusal = rec.locator('.record-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('严禁人工录入替代自动采集');
    await screenshot(page, 'batch-manual-entry-refused');
    await rec.getByRole('button', { name: /^取\s?消$/ }).click();
    await rec.waitFor({ state: 'detached' });

    // 上传影像: a camera JPEG with real EXIF, taken on site a minute ago.
    const photo = join(tmpdir(), `qtrace-e2e-${batchNumber}.jpg`);
    writeFileSync(photo, await makeCameraJpeg({ width: 800, height: 600, seed: 777, takenAtLocal: beijingLocal(1), latitude: 43.8468, longitude: 125.3562 }));
    await page.getByRole('button', { name: '上传影像' }).click();
    const upload = page.getByRole('dialog', { name: '上传过程影像' });
    await upload.waitFor();
    await upload.locator('input[type=file]').setInputFiles(photo);
    await upload.locator('.chosen-file').waitFor();
    await expect.poll(() => formItem(upload, '拍摄位置 纬度').locator('input').inputValue()).toBe('43.846800');
    await pickMany(page, selectOf(upload, '对应的原始记录'), ['M-']);
    const [imageAnswer] = await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/batches\/[^/]+\/images$/.test(r.url()) && r.request().method() === 'POST'),
      upload.getByRole('button', { name: /^上\s?传$/ }).click(),
    ]);
    expect(imageAnswer.status()).toBe(201);
    expect(imageAnswer.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await upload.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '影像资料' }).click();
    const card = page.locator('.gallery-item').first();
    await card.waitFor();
    // The worker reads the EXIF and makes the thumbnail; the gallery asks again until it has.
    await page.locator('.gallery-item img').first().waitFor({ timeout: 30_000 });
    await card.click();
    const drawer = page.locator('.ant-drawer', { hasText: '申报信息与 EXIF 对照' });
    await drawer.locator('.declared-vs-exif').waitFor();
    await expect.poll(() => drawer.locator('tr[data-row=camera] td').nth(1).innerText()).toBe('HUAWEI Mate 60 Pro');
    expect(await drawer.locator('tr.flagged').count()).toBe(0);
    await screenshot(page, 'batch-image-panel');
    await drawer.locator('.ant-drawer-close').click();

    // 申报完成, then the countdown runs on the batch page.
    await page.getByRole('button', { name: '申报完成' }).click();
    const complete = page.getByRole('dialog', { name: '申报现场检测完成' });
    await complete.waitFor();
    await complete.getByRole('button', { name: '申报完成' }).click();
    await complete.waitFor({ state: 'detached' });
    const headerCountdown = page.locator('.batch-header').getByTestId('countdown');
    await expect.poll(() => headerCountdown.innerText()).toMatch(/^剩余 01:5\d:\d{2}$/);

    // 封存: the manifest lists what arrived.
    await page.getByRole('button', { name: '封存' }).click();
    const seal = page.getByRole('dialog', { name: '封存批次' });
    await seal.locator('.seal-manifest').waitFor();
    expect(await seal.locator('.seal-manifest').innerText()).toMatch(/原始记录（含更正版本）\s*1 条[\s\S]*过程影像\s*1 张/);
    await seal.getByRole('button', { name: '确认封存' }).click();
    await seal.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.page-header').innerText()).toContain('已封存（待复核）');
    expect(await page.locator('.batch-header').innerText()).toContain('按时封存');
    await page.getByRole('tab', { name: /封存/ }).click();
    await page.locator('.seals-table .ant-table-row').first().waitFor();
    await screenshot(page, 'batch-sealed');

    // The board lists it, sealed on time.
    await openMenu(page, '检测批次');
    const row = page.locator('.batches-table .ant-table-row', { hasText: batchNumber });
    await row.waitFor();
    expect(await row.innerText()).toContain('按时封存');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-batches-agency');
    throw e;
  } finally {
    await s.close();
  }
});
