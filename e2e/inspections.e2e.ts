import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDropdown, expectNoPageErrors, loginAndWait, openMenu, openSession, pick, screenshot, selectOf, tableRows, type Harness, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  // With the demo's month of batch history, so the trend has something to show.
  h = await startHarness({ demoHistory: true });
});
afterAll(async () => {
  await h?.close();
});

test('a city officer views the daily check table and trend, drills into a district and exports only the city', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'officer.changchun');
    await openMenu(page, '日常核查');
    const rows = await tableRows(page);
    await expect.poll(() => rows.first().innerText()).toContain('长春市（合计）');
    const names = await page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allInnerTexts();
    expect(names).toContain('南关区');
    expect(names).toContain('朝阳区');
    expect(names.join()).not.toContain('吉林市');
    // The demo's month: 南关区 and 朝阳区 had batches due, so the city's rate is a percentage, not "—".
    await expect.poll(async () => (await rows.first().innerText()).match(/\d+\.\d%/)?.[0] ?? '').toMatch(/%$/);
    await page.getByTestId('compliance-trend').locator('canvas').waitFor();
    await screenshot(page, 'daily-check-city');

    // Export: the workbook holds 长春市 and its districts only.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toContain('日常核查_长春市');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const regions: string[] = [];
    wb.getWorksheet('汇总')!.eachRow((r, i) => {
      if (i > 2) regions.push(String(r.getCell(2).value));
    });
    expect(regions[0]).toBe('220100');
    expect(regions.length).toBeGreaterThan(5);
    for (const code of regions) expect(code.startsWith('2201')).toBe(true);

    // Drill into 南关区 from the table.
    await page.locator('.ant-table-tbody').getByText('南关区', { exact: true }).click();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').first().innerText()).toContain('南关区（合计）');
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});

test('an officer publishes a draw, runs it, and the re-run shows the same selection', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'officer.changchun');
    await openMenu(page, '随机抽查');
    // The demo's draw is listed already.
    await expect.poll(async () => (await tableRows(page)).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '发布随机抽查' }).click();
    const dialog = page.getByRole('dialog', { name: '发布随机抽查' });
    await dialog.locator('#draw-title').fill('浏览器测试抽查');
    await dialog.locator('#draw-sample-size').fill('3');
    const pool = selectOf(dialog, '检查人员名单');
    // A multi-select stays open after a pick: close it before the next one.
    await pick(page, pool, '张丽华');
    await closeDropdown(page);
    await pick(page, pool, '马志远');
    await closeDropdown(page);
    await dialog.getByRole('button', { name: '发布并公示种子' }).click();

    const drawer = page.locator('.ant-drawer', { hasText: '浏览器测试抽查' });
    await drawer.getByText('已公示种子，待抽取').waitFor();
    const seed = await drawer.getByTestId('draw-seed').innerText();
    expect(seed).toMatch(/^[0-9a-f]{64}/);
    await drawer.getByRole('button', { name: '执行抽取' }).click();
    await drawer.getByText('已抽取', { exact: true }).waitFor();
    const selected = drawer.getByTestId('draw-selection').locator('tr.ant-table-row td:nth-child(2)');
    await expect.poll(() => selected.count()).toBe(3);
    const labels = await selected.allInnerTexts();

    await drawer.getByRole('button', { name: '复核抽取结果' }).click();
    const verification = drawer.getByTestId('draw-verification');
    await verification.getByText(/复核一致/).waitFor();
    expect(await verification.innerText()).toContain(labels.join('、'));
    await screenshot(page, 'random-draw-verified');
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});

test('an agency files a service request; the county officer schedules a visit and closes it', async () => {
  const description = `浏览器测试：新回弹仪接入平台 ${Date.now()}`;
  const agency = await openSession(h);
  try {
    await loginAndWait(agency.page, 'jz.admin');
    await openMenu(agency.page, '靠前服务');
    await agency.page.getByRole('button', { name: '提出服务请求' }).click();
    const dialog = agency.page.getByRole('dialog', { name: '提出靠前服务请求' });
    await dialog.locator('#request-description').fill(description);
    await dialog.getByRole('button', { name: /提\s?交/ }).click();
    const row = agency.page.locator('.ant-table-tbody tr.ant-table-row', { hasText: description });
    await expect.poll(() => row.innerText()).toContain('待安排');
    expectNoPageErrors(agency);
  } finally {
    await agency.close();
  }

  const officer = await openSession(h);
  const { page } = officer;
  try {
    await loginAndWait(page, 'officer.nanguan');
    await openMenu(page, '靠前服务');
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: description });
    await row.getByRole('button', { name: '安排走访' }).click();
    const dialog = page.getByRole('dialog', { name: '安排走访' });
    await pick(page, selectOf(dialog, '走访人员'), '马志远');
    await dialog.getByRole('button', { name: /安\s?排/ }).click();
    await expect.poll(() => row.innerText()).toContain('已安排走访');
    await row.getByRole('button', { name: /^办\s?结$/ }).click();
    const close = page.getByRole('dialog', { name: '办结服务请求' });
    await close.locator('#close-note').fill('已现场指导完成设备对接');
    await close.getByRole('button', { name: /办\s?结/ }).click();
    await expect.poll(() => row.innerText()).toContain('已办结');
    expectNoPageErrors(officer);
  } finally {
    await officer.close();
  }
});
