import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { totpCode } from '../src/modules/identity/index.ts';
import { expectNoPageErrors, login, openMenu, openSession, screenshot, startHarness, tableRows, type Harness } from './harness.ts';

/**
 * Issue 15 item 2 in the browser, with the second factor required (MFA_REQUIRED=true): a department officer signing in
 * with a password alone can do nothing but set up the authenticator; scans (reads) the secret, confirms with a code,
 * keeps the recovery codes; signs in again with password and code. The administrator resets the officer's factor
 * with a reason.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { secondFactorRequired: true } });
});
afterAll(async () => {
  await h?.close();
});

/** The secret as the page shows it for typing into an app by hand (groups of four). */
const readSecret = async (page: Page) => (await page.getByTestId('second-factor-secret').innerText()).replace(/\s+/g, '');
/** A code of the next 30-second step: accepted (one step of drift) and never the one just used. */
const nextCode = (secret: string) => totpCode(secret, new Date(Date.now() + 30_000));

/** Signed in with a password and sent to the account page: sets up the factor there. Returns the secret. */
async function enroll(page: Page, shots?: string): Promise<string> {
  await page.waitForURL('**/account');
  await page.getByTestId('second-factor-required').waitFor();
  await page.getByRole('button', { name: '绑定两步验证' }).click();
  await page.getByTestId('second-factor-qr').waitFor();
  if (shots) await screenshot(page, `${shots}-qr`);
  const secret = await readSecret(page);
  const form = page.locator('form#second-factor-confirm');
  await form.getByLabel('验证码').fill('000000');
  await form.getByRole('button', { name: '完成绑定' }).click();
  await form.getByText('验证码不正确或已过期').waitFor();
  await form.getByLabel('验证码').fill(totpCode(secret, new Date()));
  await form.getByRole('button', { name: '完成绑定' }).click();
  await page.getByTestId('recovery-code').first().waitFor();
  expect(await page.getByTestId('recovery-code').count()).toBe(10);
  if (shots) await screenshot(page, `${shots}-recovery-codes`);
  await page.getByRole('button', { name: '我已保存恢复码' }).click();
  await page.getByTestId('second-factor-required').waitFor({ state: 'detached' });
  return secret;
}

test('an officer sets up the second factor, then signs in with password and code; the administrator resets it', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    // The login page does not claim a demo exemption here: the factor is required.
    await page.goto('/login');
    await page.getByRole('button', { name: /^登\s?录$/ }).waitFor();
    expect(await page.getByTestId('second-factor-off').count()).toBe(0);

    // Password only: the account page, and nothing else, until the factor is set up.
    await login(page, 'officer.nanguan');
    await page.waitForURL('**/account');
    await page.getByTestId('second-factor-required').waitFor();
    await screenshot(page, 'officer-second-factor-required');
    await page.goto('/batches');
    await page.waitForURL('**/account');
    await page.goto('/account');
    const secret = await enroll(page, 'officer-second-factor');
    await openMenu(page, '检测批次');
    await tableRows(page);

    // Sign out; signing in now asks for the code after the password.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');
    await login(page, 'officer.nanguan');
    const code = page.getByLabel('动态验证码');
    await code.waitFor();
    await screenshot(page, 'login-second-factor');
    await code.fill('123456');
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByTestId('login-error').getByText('动态验证码不正确').waitFor();
    await code.fill(nextCode(secret));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByRole('button', { name: /退出登录/ }).waitFor();
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');

    // The administrator must have the factor too; then resets the officer's, with a reason.
    await login(page, 'admin');
    await enroll(page);
    await openMenu(page, '用户管理');
    await page.getByPlaceholder('用户名或姓名').fill('officer.nanguan');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'officer.nanguan' });
    await row.getByText('重置两步验证').click();
    const dialog = page.getByRole('dialog', { name: '重置两步验证' });
    await dialog.getByLabel('重置原因').fill('手机丢失，已电话确认本人申请');
    await screenshot(page, 'admin-reset-second-factor');
    await dialog.getByRole('button', { name: /重\s*置/ }).click();
    await page.getByText('已重置「马志远」的两步验证').waitFor();
    const audit = await h.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'user.second_factor.reset').executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ reason: '手机丢失，已电话确认本人申请' });
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});

test('the embedded demo says on the login page that the second factor is not required', async () => {
  const demo = await startHarness();
  const s = await openSession(demo);
  try {
    await s.page.goto('/login');
    await s.page.getByTestId('second-factor-off').getByText('演示环境：两步验证未强制').waitFor();
    expectNoPageErrors(s);
  } finally {
    await s.close();
    await demo.close();
  }
});
