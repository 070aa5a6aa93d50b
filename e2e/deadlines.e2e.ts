import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, screenshot, startHarness, tableRows, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('the agency files force majeure for a running batch; the county officer accepts it from the inbox', async () => {
  const agency = await openSession(h);
  let batchNumber = '';
  try {
    const { page } = agency;
    await loginAndWait(page, 'jz.owner');
    await openMenu(page, '报备与锁定');
    const rows = await tableRows(page);
    // The demo's batch completed 50 minutes ago: its countdown is running.
    const row = rows.filter({ hasText: '剩余' }).first();
    batchNumber = (await row.locator('td').first().innerText()).trim();
    expect(batchNumber).toMatch(/^JC-\d{4}-\d{6}$/);
    await row.getByRole('button', { name: '报备／查看' }).click();
    const panel = page.getByTestId('batch-deadline-panel');
    await panel.getByRole('button', { name: '不可抗力报备' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '不可抗力情况说明' });
    await dialog.getByLabel('不可抗力情况说明').fill('施工现场突发停电，检测数据无法上传');
    await dialog.getByRole('button', { name: /提\s?交/ }).click();
    await page.getByText('已提交不可抗力报备，等待住建部门审核').waitFor();
    await panel.getByText('待审核').waitFor();
    await panel.getByText('暂停计时').waitFor();
    expectNoPageErrors(agency);
  } finally {
    await agency.close();
  }

  const officer = await openSession(h);
  try {
    const { page } = officer;
    await loginAndWait(page, 'officer.nanguan');
    await openMenu(page, '报备与锁定');
    const rows = await tableRows(page);
    const row = rows.filter({ hasText: batchNumber });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: /同\s?意/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '同意不可抗力报备' });
    await dialog.getByLabel('审核意见（可选）').fill('经核实属实');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await page.getByText('已同意报备').waitFor();
    await expect.poll(async () => (await tableRows(page)).filter({ hasText: batchNumber }).count()).toBe(0);
    await screenshot(page, 'deadlines-inbox');
    expectNoPageErrors(officer);
  } finally {
    await officer.close();
  }
});

test('an officer unlocks a locked batch after handling; the agency is notified', async () => {
  const officer = await openSession(h);
  try {
    const { page } = officer;
    await loginAndWait(page, 'officer.nanguan');
    await openMenu(page, '报备与锁定');
    await page.getByRole('tab', { name: '已锁定批次' }).click();
    // The demo's batch locked late (the inbox's table stays in the page, hidden).
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '已超时', visible: true }).first();
    await row.waitFor().catch(async (e: unknown) => {
      await screenshot(page, 'deadlines-locked-tab');
      throw e;
    });
    await row.getByRole('button', { name: /处\s?理/ }).click();
    const panel = page.getByTestId('batch-deadline-panel');
    await expect.poll(() => panel.getByTestId('lock-state').innerText()).toContain('已锁定');
    await panel.getByText(/迟传/).first().waitFor();
    await panel.getByRole('button', { name: /解\s?锁/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '处理情况与解锁理由' });
    await dialog.getByLabel('处理情况与解锁理由').fill('已约谈检测机构，补传完成');
    await dialog.getByRole('button', { name: /提\s?交/ }).click();
    await page.getByText('已解锁报告生成权限').waitFor();
    await expect.poll(() => panel.getByTestId('lock-state').innerText()).toContain('已解锁');
    expectNoPageErrors(officer);
  } finally {
    await officer.close();
  }

  const agency = await openSession(h);
  try {
    const { page } = agency;
    await loginAndWait(page, 'jz.owner');
    await expect.poll(async () => Number((await page.getByTestId('notification-count').locator('.ant-badge-count').getAttribute('title')) ?? 0)).toBeGreaterThan(0);
    await page.getByRole('button', { name: '通知' }).click();
    await page.locator('.page-header h3', { hasText: '通知' }).waitFor();
    const item = page.getByTestId('notification-item').filter({ hasText: '已解锁' }).first();
    await item.waitFor();
    await expect.poll(() => item.innerText()).toContain('已约谈检测机构，补传完成');
    await screenshot(page, 'deadlines-notifications');
    expectNoPageErrors(agency);
  } finally {
    await agency.close();
  }
});
