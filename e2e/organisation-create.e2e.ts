import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoPageErrors, fieldError, loginAndWait, openMenu, openSession, pick, screenshot, selectOf, startHarness, tableRows, type Harness } from './harness.ts';
import { validUscc, withWrongCheckChar } from './uscc.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('the platform admin creates an organisation: a wrong 统一社会信用代码 is flagged on its field, a valid one is saved', async () => {
  const s = await openSession(h);
  const { page } = s;
  const name = `吉林省测试质量检测有限公司${Date.now() % 100000}`;
  const good = validUscc('220102');
  const bad = withWrongCheckChar(good);
  try {
    await loginAndWait(page, 'admin');
    await openMenu(page, '机构管理');
    await tableRows(page);

    await page.getByRole('button', { name: '新建机构' }).click();
    const dialog = page.getByRole('dialog', { name: '新建机构' });
    await dialog.waitFor();
    await dialog.getByLabel('机构名称').fill(name);
    await pick(page, selectOf(dialog, '机构类型'), '检测机构');
    await dialog.getByLabel('统一社会信用代码').fill(bad);
    await pick(page, selectOf(dialog, '所在地区'), '南关区', '南关');
    await dialog.getByLabel('联系人').fill('测试联系人');
    await dialog.getByLabel('联系电话').fill('0431-88886666');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();

    // The server refuses the code and the console shows its message under that field.
    const err = fieldError(dialog, '统一社会信用代码');
    await err.waitFor();
    expect(await err.innerText()).toContain('校验位错误');
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByLabel('统一社会信用代码').fill(good);
    await expect.poll(() => err.count()).toBe(0);
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已新建机构「${name}」`).waitFor();

    await tableRows(page);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });
    await row.waitFor();
    expect(await row.innerText()).toContain(good);
    expect(await row.locator('td.col-region').innerText()).toBe('南关区');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-organisation-create');
    throw new Error(`${String(e)}\nconsole errors: ${s.errors.join('\n')}`, { cause: e });
  } finally {
    await s.close();
  }
});
