import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_PASSWORD, expectNoPageErrors, login, loginAndWait, openMenu, openSession, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('a person changes their password on 我的账户 and signs in again with the new one', async () => {
  const s = await openSession(h);
  const { page } = s;
  const next = 'Qtrace#2026new';
  try {
    await loginAndWait(page, 'jz.tester');
    await openMenu(page, '我的账户');
    const form = page.locator('form#change-password');

    // The form checks the confirmation before asking the server.
    await form.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await form.getByLabel('新密码', { exact: true }).fill(next);
    await form.getByLabel('确认新密码').fill(`${next}x`);
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByText('两次输入的新密码不一致').waitFor();

    await form.getByLabel('确认新密码').fill(next);
    await form.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改，下次登录请使用新密码').waitFor();

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');

    await login(page, 'jz.tester', DEMO_PASSWORD);
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');

    await loginAndWait(page, 'jz.tester', next);
    expect(await page.getByTestId('current-user').innerText()).toContain('高峰');
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});
