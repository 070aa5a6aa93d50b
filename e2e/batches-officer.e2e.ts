import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, screenshot, startHarness, tableRows, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('a county officer sees the batches of the county only, reads one, compares an image declaration with its EXIF and acknowledges the flag', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'officer.nanguan');
    await openMenu(page, '检测批次');
    const rows = await tableRows(page);
    await expect.poll(() => rows.count()).toBe(7);
    const numbers = await page.locator('.batches-table .batch-number').allInnerTexts();
    expect(numbers.sort()).toEqual(['JC-2026-000001', 'JC-2026-000002', 'JC-2026-000003', 'JC-2026-000004', 'JC-2026-000005', 'JC-2026-000007', 'JC-2026-000008']);
    // JC-2026-000006 is on the 湖西路 works in 朝阳区: not in 南关区's list, nor found by its number.
    expect(numbers).not.toContain('JC-2026-000006');
    await page.getByPlaceholder('批次编号').fill('000006');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await page.getByText('没有符合条件的批次').waitFor();
    expect(await page.getByRole('button', { name: '开启批次' }).count()).toBe(0);
    await page.getByRole('button', { name: /^重\s?置$/ }).click();
    await expect.poll(async () => (await tableRows(page)).count()).toBe(7);
    await screenshot(page, 'officer-batches-board');

    // Read-only: none of the agency's, the reviewer's or the witness's actions.
    await page.locator('.batches-table .batch-number', { hasText: 'JC-2026-000004' }).click();
    await page.locator('.page-header h3', { hasText: 'JC-2026-000004' }).waitFor();
    for (const name of ['上传影像', '录入记录', '申报完成', '封存', '复核通过', '退回更正', '见证确认']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }

    // The image taken 12 km from the site: declared and EXIF side by side, the location row flagged.
    await page.getByRole('tab', { name: '影像资料' }).click();
    const flagged = page.locator('.gallery-item-flagged');
    await flagged.waitFor();
    expect(await page.locator('.gallery-item').count()).toBe(2);
    await flagged.click();
    const drawer = page.locator('.ant-drawer', { hasText: '申报信息与 EXIF 对照' });
    await drawer.locator('.declared-vs-exif').waitFor();
    expect(await drawer.locator('.image-flags').innerText()).toContain('拍摄位置超出项目范围');
    const location = drawer.locator('tr[data-row=location]');
    expect(await location.getAttribute('class')).toBe('flagged');
    // The worker reads the file's EXIF shortly after start: the GPS position the camera wrote, beside the declared one.
    await expect.poll(() => location.locator('td').nth(1).innerText(), { timeout: 30_000 }).toMatch(/^43\.75\d+, 125\.45\d+$/);
    expect(await location.locator('td').nth(0).innerText()).toMatch(/^43\.75\d+, 125\.45\d+$/);
    expect(await drawer.locator('tr[data-row=camera] td').nth(1).innerText()).toBe('HUAWEI Mate 60 Pro');
    await screenshot(page, 'officer-image-declared-vs-exif');
    await drawer.locator('.ant-drawer-close').click();

    // 异常核查: acknowledge it with a note.
    await openMenu(page, '异常核查');
    await tableRows(page);
    const row = page.locator('.anomalies-table .ant-table-row', { hasText: '拍摄位置超出项目范围' });
    await row.waitFor();
    expect(await row.innerText()).toContain('JC-2026-000004');
    await row.locator('.ack-link').click();
    const dialog = page.getByRole('dialog', { name: '核查异常' });
    await dialog.waitFor();
    await dialog.getByLabel('核查意见').fill('经电话核实，该影像为检测人员返程途中误拍，已要求机构补充现场影像。');
    await dialog.getByRole('button', { name: '核查完成' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    await screenshot(page, 'officer-anomaly-acknowledged');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-batches-officer');
    throw e;
  } finally {
    await s.close();
  }
});
