import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, screenshot, startHarness, type Harness } from './harness.ts';

/**
 * 机构接入: the connection status is computed by the server from the registries; the agency sees a big 已接入 /
 * 未接入 and the checklist of what is in place and what is missing.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('jz.admin sees 已接入 with every checklist item in place', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'jz.admin');
    await openMenu(page, '机构接入');
    const status = page.getByTestId('connection-status');
    await status.waitFor();
    expect(await status.innerText()).toContain('已接入');
    for (const item of ['origin', 'qualification', 'equipment', 'personnel']) {
      const row = page.getByTestId(`checklist-${item}`);
      expect(await row.getAttribute('data-ok')).toBe('true');
      expect(await row.innerText()).toContain('已具备');
    }
    // The verified certificate of the demo is listed with its status.
    await page.locator('.qualifications-table .ant-table-row', { hasText: '吉建检资字第 220010 号' }).waitFor();
    expect(await page.locator('.qualifications-table .ant-table-row', { hasText: '吉建检资字第 220010 号' }).innerText()).toContain('已核验');
    await screenshot(page, 'agency-connection-jz');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-agency-connection-jz');
    throw e;
  } finally {
    await s.close();
  }
});

test('jk.admin sees 未接入 and the missing equipment item', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'jk.admin');
    await openMenu(page, '机构接入');
    const status = page.getByTestId('connection-status');
    await status.waitFor();
    expect(await status.innerText()).toContain('未接入');
    const equipment = page.getByTestId('checklist-equipment');
    expect(await equipment.getAttribute('data-ok')).toBe('false');
    const text = await equipment.innerText();
    expect(text).toContain('缺项');
    expect(text).toContain('没有经住建部门核验的检测设备');
    // The other conditions are in place.
    for (const item of ['origin', 'qualification', 'personnel']) expect(await page.getByTestId(`checklist-${item}`).getAttribute('data-ok')).toBe('true');
    await screenshot(page, 'agency-connection-jk');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-agency-connection-jk');
    throw e;
  } finally {
    await s.close();
  }
});
