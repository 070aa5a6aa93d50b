import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, startHarness, tableRows, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('a county officer sees only the organisations of their own county on 机构管理', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'officer.nanguan');
    await expect.poll(() => page.getByTestId('current-user').innerText()).toContain('辖区：南关区');

    await openMenu(page, '机构管理');
    const rows = await tableRows(page);
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const regions = await page.locator('.ant-table-tbody tr.ant-table-row td.col-region').allInnerTexts();
    expect(regions.length).toBe(await rows.count());
    for (const r of regions) expect(r.trim()).toBe('南关区');

    const names = await page.locator('.ant-table-tbody .org-name').allInnerTexts();
    expect(names).toContain('吉林省建正工程质量检测有限公司'); // 南关区
    expect(names).not.toContain('长春建科检测技术有限公司'); // 朝阳区 220104
    expect(names).not.toContain('吉林省宏达建工集团有限公司'); // 朝阳区 220104

    // Nor can it be found by searching for it.
    await page.getByPlaceholder('名称或统一社会信用代码').fill('长春建科');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await page.getByText('没有符合条件的机构').waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(0);

    // A read-only view: no 新建机构, no 停用.
    expect(await page.getByRole('button', { name: '新建机构' }).count()).toBe(0);
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});
