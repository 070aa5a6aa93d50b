import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoPageErrors, formItem, loginAndWait, openMenu, openSession, pick, screenshot, selectOf, startHarness, tableRows, type Harness } from './harness.ts';

/**
 * 分级处置 (issue 6): an officer confirms the platform's proposal and records the interview; a construction unit files
 * a fraud report that the county officer then sees; the key supervision list downloads as an Excel file.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const SUPERVISOR = '长春市恒信工程监理有限公司';

test('officer.chaoyang confirms a proposed interview and records it', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'officer.chaoyang');
    await openMenu(page, '分级处置');
    await tableRows(page);
    const row = page.locator('.ant-table-row', { hasText: SUPERVISOR });
    expect(await row.innerText()).toContain('约谈提醒');
    expect(await row.innerText()).toContain('平台建议（待确认）');
    await screenshot(page, 'enforcement-cases-proposed');
    await row.getByRole('button', { name: /^确\s?认$/ }).click();
    let dialog = page.getByRole('dialog', { name: '确认平台建议' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.innerText()).toContain('已确认（处置中）');

    await row.getByRole('button', { name: '登记约谈' }).click();
    dialog = page.getByRole('dialog', { name: '登记约谈情况' });
    await dialog.waitFor();
    await formItem(dialog, '参加人员').locator('input').fill('杨晓东（朝阳区住建局）；恒信监理项目总监');
    await formItem(dialog, '约谈纪要').locator('textarea').fill('告知见证人员须经书面授权并在平台登记后方可见证，单位承诺三日内完成登记。');
    await dialog.getByLabel('非故意').check();
    await screenshot(page, 'enforcement-interview-form');
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Done: out of the "to handle" view, in the full list as closed, with its history.
    await page.getByRole('switch', { name: '只看待处理' }).click();
    const closed = page.locator('.ant-table-row', { hasText: SUPERVISOR });
    await expect.poll(() => closed.innerText()).toContain('已办结（已约谈）');
    await closed.getByRole('button', { name: '详情' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('登记约谈情况').waitFor();
    expect(await drawer.innerText()).toContain('恒信监理项目总监');
    await screenshot(page, 'enforcement-case-drawer');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-enforcement-interview');
    throw e;
  } finally {
    await s.close();
  }
});

test('builder.chen files a fraud report; officer.nanguan sees it', async () => {
  const text = '5#楼基础桩检测现场，检测人员用手机翻拍旧照片上传，请核查（端到端测试）。';
  const s = await openSession(h);
  try {
    await loginAndWait(s.page, 'builder.chen');
    await openMenu(s.page, '问题举报');
    await tableRows(s.page);
    await s.page.getByRole('button', { name: '举报问题' }).click();
    const dialog = s.page.getByRole('dialog', { name: '举报问题' });
    await dialog.waitFor();
    await pick(s.page, selectOf(dialog, '工程项目'), '幸福里住宅小区二期');
    await formItem(dialog, '问题描述').locator('textarea').fill(text);
    await dialog.getByRole('button', { name: /^提\s?交$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await s.page.locator('.ant-table-row', { hasText: '端到端测试' }).waitFor();
    await screenshot(s.page, 'fraud-report-filed');
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }

  const o = await openSession(h);
  try {
    await loginAndWait(o.page, 'officer.nanguan');
    await openMenu(o.page, '问题举报');
    await tableRows(o.page);
    const row = o.page.locator('.ant-table-row', { hasText: '端到端测试' });
    await row.waitFor();
    expect(await row.innerText()).toContain('待处理');
    expect(await row.innerText()).toContain('长春城市开发建设集团有限公司');
    await screenshot(o.page, 'fraud-report-officer');
    expectNoPageErrors(o);
  } finally {
    await o.close();
  }
});

test('the key supervision list exports an Excel file', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'officer.province');
    await openMenu(page, '重点监管名单');
    const rows = await tableRows(page);
    expect(await rows.first().innerText()).toContain('延边正源建设工程检测有限公司');
    await screenshot(page, 'key-supervision-list');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^重点监管名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = await download.path();
    expect(path).toBeTruthy();
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-key-supervision');
    throw e;
  } finally {
    await s.close();
  }
});

test('credit page shows levels and the ledger marks the credit record', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'officer.province');
    await openMenu(page, '信用');
    const rows = await tableRows(page);
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await page.getByRole('img', { name: '信用等级分布' }).waitFor();
    await screenshot(page, 'credit');
    await openMenu(page, '违规记录');
    await tableRows(page);
    expect(await page.locator('.ant-table-tbody').innerText()).toMatch(/已记入信用记录|待定/);
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-credit');
    throw e;
  } finally {
    await s.close();
  }
});
