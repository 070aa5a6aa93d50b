import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoPageErrors, login, openSession, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('a wrong password shows the server’s Chinese message and keeps the person on the login page', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await login(page, 'officer.nanguan', 'Wrong@2026x');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});

test('a deep link asks for login first and then opens the page asked for', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await page.goto('/regions');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('officer.nanguan');
    await page.getByLabel('密码').fill('Demo@2026');
    await page.getByRole('button', { name: /^登\s?录$/ }).click();
    await page.waitForURL('**/regions');
    await page.locator('.region-current', { hasText: '南关区' }).first().waitFor();
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});
