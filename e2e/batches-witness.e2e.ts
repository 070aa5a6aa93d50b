import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, screenshot, startHarness, tableRows, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('the witness attests a batch in person', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'witness.sun');
    await openMenu(page, '检测批次');
    await tableRows(page);
    // The batch being uploaded now, on 幸福里 (supervised by the witness's unit), not yet attested.
    await page.locator('.batches-table .batch-number', { hasText: 'JC-2026-000004' }).click();
    await page.locator('.page-header h3', { hasText: 'JC-2026-000004' }).waitFor();
    // A witness uploads nothing and seals nothing.
    for (const name of ['上传影像', '录入记录', '申报完成', '封存']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    await page.getByRole('button', { name: '见证确认' }).click();
    const dialog = page.getByRole('dialog', { name: '见证确认' });
    await dialog.waitFor();
    await dialog.getByLabel('见证说明').fill('已旁站见证 5#楼 3 层柱、板回弹法检测，测区布置与检测过程符合规程要求。');
    await dialog.getByRole('button', { name: '确认见证' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /见证/ }).click();
    const row = page.locator('.attestations-table .ant-table-row').first();
    await row.waitFor();
    expect(await row.innerText()).toContain('孙立');
    expect(await row.innerText()).toContain('已在本项目登记');
    expect(await row.innerText()).toContain('符合规程要求');
    await screenshot(page, 'witness-attested');
    await page.getByRole('tab', { name: '时间线' }).click();
    await expect.poll(() => page.locator('.batch-timeline').innerText()).toContain('见证确认');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-batches-witness');
    throw e;
  } finally {
    await s.close();
  }
});
