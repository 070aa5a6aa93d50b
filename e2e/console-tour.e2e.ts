import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  expectNoPageErrors,
  loginAndWait,
  openMenu,
  openSession,
  pick,
  screenshot,
  selectOf,
  startHarness,
  tableRows,
  type Harness,
} from './harness.ts';

/**
 * Walks every page of the console as the three kinds of administrator, with screenshots in .tmp/ for a person
 * to look at, and checks the flows the other files do not: users, machine credentials, audit, regions.
 */
let h: Harness;
/** The initial password the platform admin gives the user created below. */
let newUserPassword = '';
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('login page', async () => {
  const s = await openSession(h);
  try {
    await s.page.goto('/login');
    await s.page.getByLabel('用户名').waitFor();
    await screenshot(s.page, 'login');
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});

test('platform admin: home, regions, organisations, users (create one), audit', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'admin');
    const menu = await page.locator('.ant-layout-sider .ant-menu').innerText();
    for (const item of ['首页', '行政区划', '机构管理', '用户管理', '审计日志', '我的账户']) expect(menu).toContain(item);
    expect(menu).not.toContain('接口凭证');
    await page.getByText('常用功能').waitFor();
    await screenshot(page, 'admin-home');

    await openMenu(page, '行政区划');
    await page.locator('.ant-tree-treenode:not([aria-hidden])', { hasText: '吉林省' }).first().waitFor();
    await screenshot(page, 'admin-regions');

    await openMenu(page, '机构管理');
    await tableRows(page);
    await page.locator('.ant-table-tbody .org-name').first().click();
    await page.locator('.ant-drawer .ant-descriptions').waitFor();
    await screenshot(page, 'admin-organisation-drawer');
    await page.locator('.ant-drawer .ant-drawer-close').click();
    await page.locator('.ant-drawer .ant-descriptions').waitFor({ state: 'detached' });

    await openMenu(page, '用户管理');
    await tableRows(page);
    await screenshot(page, 'admin-users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill('nanguan.new');
    await dialog.getByLabel('姓名').fill('田野');
    await pick(page, selectOf(dialog, '所属机构'), '长春市南关区住房和城乡建设局', '南关区');
    await pick(page, selectOf(dialog, '角色'), '住建部门监管人员');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: '随机生成' }).click();
    newUserPassword = await dialog.locator('#new-user_password').inputValue();
    expect(newUserPassword.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'admin-new-user');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'nanguan.new' }).waitFor();

    await openMenu(page, '审计日志');
    const rows = await tableRows(page);
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await page.locator('.ant-table-row-expand-icon').first().click();
    await page.locator('.json-details, .ant-table-expanded-row').first().waitFor();
    await screenshot(page, 'admin-audit');

    await openMenu(page, '我的账户');
    await screenshot(page, 'admin-account');
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});

test('county officer: read-only menus and pages', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'officer.nanguan');
    await screenshot(page, 'officer-home');
    await openMenu(page, '行政区划');
    await page.locator('.region-current', { hasText: '南关区' }).first().waitFor();
    expect(await page.locator('.ant-tree-treenode-selected').innerText()).toContain('南关区');
    await screenshot(page, 'officer-regions');
    await openMenu(page, '机构管理');
    await tableRows(page);
    await screenshot(page, 'officer-organisations');
    await openMenu(page, '用户管理');
    await tableRows(page);
    expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
    await screenshot(page, 'officer-users');
    await page.goto('/machine-credentials');
    await page.getByText('无权访问').waitFor();
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});

test('agency admin: users of own agency, machine credential shown once, revoke', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'jz.admin');
    const menu = await page.locator('.ant-layout-sider .ant-menu').innerText();
    expect(menu).toContain('接口凭证');
    expect(menu).not.toContain('机构管理');

    await openMenu(page, '用户管理');
    const rows = await tableRows(page);
    for (const t of await rows.allInnerTexts()) expect(t).toContain('吉林省建正工程质量检测有限公司');
    await screenshot(page, 'agency-users');

    await openMenu(page, '接口凭证');
    await tableRows(page);
    await page.getByRole('button', { name: '新建凭证' }).click();
    const dialog = page.getByRole('dialog', { name: '新建接口凭证' });
    await dialog.getByLabel('凭证名称').fill('LIMS 正式环境');
    await dialog.getByRole('button', { name: '生成凭证' }).click();
    const secret = page.getByTestId('credential-secret');
    await secret.waitFor();
    expect(await secret.innerText()).toMatch(/^qtm_/);
    await page.getByText('密钥只显示这一次').waitFor();
    await screenshot(page, 'agency-credential-secret');
    await page.getByRole('button', { name: '我已妥善保存，关闭' }).click();
    await secret.waitFor({ state: 'detached' });

    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'LIMS 正式环境' });
    await row.waitFor();
    expect(await row.innerText()).not.toMatch(/qtm_/);
    await row.getByRole('button', { name: /吊\s?销/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /吊\s?销/ }).click();
    await row.getByText('已吊销').waitFor();
    await screenshot(page, 'agency-credentials');

    await openMenu(page, '审计日志');
    await tableRows(page);
    await screenshot(page, 'agency-audit');
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});

test('construction unit and contractor: their projects\' batches, read-only', async () => {
  // 陈伟's unit builds every demo project; 周强's builds 幸福里 only.
  for (const [username, onlyXingfuli] of [['builder.chen', false], ['contractor.zhou', true]] as const) {
    const s = await openSession(h);
    const { page } = s;
    try {
      await loginAndWait(page, username);
      await openMenu(page, '检测批次');
      const rows = await tableRows(page);
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      const texts = await rows.allInnerTexts();
      expect(texts.some((t) => t.includes('幸福里'))).toBe(true);
      if (onlyXingfuli) for (const t of texts) expect(t).toContain('幸福里');
      expect(await page.getByRole('button', { name: '开启批次' }).count()).toBe(0);
      // The batch being uploaded now: its records and check-ins shown, no action offered.
      await page.locator('.batches-table .ant-table-row', { hasText: '上传中' }).filter({ hasText: '幸福里' }).first().locator('.batch-number').click();
      await page.locator('.records-table .ant-table-row').first().waitFor();
      expect(await page.locator('.batch-actions button').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^更\s?正$/ }).count()).toBe(0);
      await page.getByRole('tab', { name: /见证/ }).click();
      await page.getByRole('heading', { name: '见证确认' }).waitFor();
      expect(await page.getByRole('button', { name: '现场签到' }).count()).toBe(0);
      await screenshot(page, `${username.split('.')[0]}-batch-read-only`);
      expectNoPageErrors(s);
    } finally {
      await s.close();
    }
  }
});

test('a new user is sent to 我的账户 to replace the initial password, and the notice goes once it is changed', async () => {
  expect(newUserPassword).not.toBe('');
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'nanguan.new', newUserPassword);
    await page.waitForURL('**/account');
    await page.getByTestId('must-change-password').waitFor();
    await screenshot(page, 'new-user-must-change-password');
    const form = page.locator('form#change-password');
    await form.getByLabel('当前密码').fill(newUserPassword);
    await form.getByLabel('新密码', { exact: true }).fill('short');
    await form.getByLabel('确认新密码').fill('short');
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByText('密码至少 8 位').waitFor();
    // The person's name in pinyin (田野 → tianye) is refused by the server, beside the field.
    await form.getByLabel('新密码', { exact: true }).fill('Tianye@2026ok');
    await form.getByLabel('确认新密码').fill('Tianye@2026ok');
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByText('密码不能包含本人姓名的拼音').waitFor();
    await form.getByLabel('新密码', { exact: true }).fill('Harbour#2026ok');
    await form.getByLabel('确认新密码').fill('Harbour#2026ok');
    await form.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改，下次登录请使用新密码').waitFor();
    await page.getByTestId('must-change-password').waitFor({ state: 'detached' });
    await page.locator('.ant-layout-sider .ant-menu').getByRole('link', { name: '首页' }).click();
    await page.getByText('常用功能').waitFor();
    expect(await page.getByText('去修改密码').count()).toBe(0);
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});
