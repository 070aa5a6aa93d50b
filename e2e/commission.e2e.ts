import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDropdown, expectNoPageErrors, fieldError, loginAndWait, openMenu, openSession, pick, screenshot, selectOf, startHarness, tableRows, type Harness } from './harness.ts';

/**
 * 委托: a construction unit commissions an agency for a project. A specialty outside the agency's qualification is
 * refused with that precise reason; a specialty it holds is accepted.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const PROJECT = '幸福里住宅小区二期';
const AGENCY = '吉林省建正工程质量检测有限公司';

test('builder.chen is refused a specialty outside the agency’s qualification, then commissions one it holds', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'builder.chen');
    await openMenu(page, '检测委托');
    await tableRows(page);
    await page.getByRole('button', { name: '委托检测机构' }).click();
    const dialog = page.getByRole('dialog', { name: '委托检测机构' });
    await dialog.waitFor();
    await pick(page, selectOf(dialog, '工程项目'), PROJECT);
    await pick(page, selectOf(dialog, '检测机构'), AGENCY);
    // 吉林省建正 holds no 道路工程 qualification.
    // Typed into the Select's search, so the option is the first one shown (under load the dropdown could sit
    // half under the modal footer with the option out of view).
    await pick(page, selectOf(dialog, '委托专项'), '道路工程', '道路');
    await closeDropdown(page);
    await dialog.getByLabel('委托合同编号').fill('XFL-JC-2026-E2E');
    // Not anchored at the start: after a refused submit antd can leave the loading icon (aria-label "loading") in the
    // button's name while its leave animation has not finished.
    await dialog.getByRole('button', { name: /委\s?托$/ }).click();

    const refusal = dialog.locator('.commission-refusal');
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toContain('平台拒绝委托：委托专项超出该检测机构的资质范围');
    expect(text).toContain(`检测机构“${AGENCY}”不具备道路工程专项资质`);
    expect(await fieldError(dialog, '委托专项').innerText()).toContain('不具备道路工程专项资质');
    await screenshot(page, 'commission-refused');

    // 钢结构 is within its qualification: accepted.
    await selectOf(dialog, '委托专项').locator('.ant-select-selection-item-remove').first().click();
    await pick(page, selectOf(dialog, '委托专项'), '钢结构', '钢结构');
    await closeDropdown(page);
    await dialog.getByRole('button', { name: /委\s?托$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已委托「${AGENCY}」承担检测`).waitFor();

    const row = page.locator('.commissions-table .ant-table-row', { hasText: 'XFL-JC-2026-E2E' });
    await row.waitFor();
    const cells = await row.innerText();
    expect(cells).toContain(AGENCY);
    expect(cells).toContain('钢结构');
    expect(cells).toContain('有效');
    await screenshot(page, 'commission-list');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-commission');
    throw e;
  } finally {
    await s.close();
  }
});
