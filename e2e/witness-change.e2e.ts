import { afterAll, beforeAll, expect, test } from 'vitest';
import { fillDate } from './dates.ts';
import { expectNoPageErrors, formItem, loginAndWait, openMenu, openSession, screenshot, startHarness, tableRows, type Harness } from './harness.ts';

/**
 * 见证人员变更: the supervision unit registers a change with the date it happened; the platform answers with the due
 * date (3 working days on the official calendar) and whether the registration is on time.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Yesterday, 09:30 Beijing time, as the picker shows it. */
function yesterdayBeijing(): string {
  const beijing = new Date(Date.now() + 8 * 3_600_000 - 86_400_000);
  return `${beijing.toISOString().slice(0, 10)} 09:30:00`;
}

interface Registration {
  deadline: { dueDate: string; provisional: boolean } | null;
  late: boolean | null;
}

test('witness.sun registers the revocation of a witness and sees its due date and that it is on time', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'witness.sun');
    await openMenu(page, '见证人员');
    await tableRows(page);
    await page.locator('.ant-table-row', { hasText: '周雅琴' }).locator('.witness-name').click();
    const drawer = page.locator('.ant-drawer', { hasText: '周雅琴 · 见证人员' });
    await drawer.locator('.witness-history').waitFor();
    expect(await drawer.innerText()).toContain('首次授权登记');
    await drawer.getByRole('button', { name: '登记变更' }).click();

    const dialog = page.getByRole('dialog', { name: /登记见证变更/ });
    await dialog.waitFor();
    await dialog.getByText('撤销授权', { exact: true }).click();
    await fillDate(formItem(dialog, '变更实际发生时间').locator('input'), yesterdayBeijing());
    await dialog.getByLabel('变更说明').fill('周雅琴调离本项目');
    await screenshot(page, 'witness-change');
    const [response] = await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/witnesses\/[^/]+\/authorizations$/.test(r.url()) && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '登记变更' }).click(),
    ]);
    expect(response.status()).toBe(201);
    const { registration } = (await response.json()) as { registration: Registration };
    expect(registration.deadline).not.toBeNull();
    const due = registration.deadline!.dueDate;

    // The answer: the due date, and on time (registered the day after the change).
    const result = page.locator('.registration-result');
    await result.waitFor();
    expect(await result.getByTestId('due-date').innerText()).toContain(`应于 ${due} 前完成登记`);
    expect(await result.getByTestId('late-flag').innerText()).toBe('按期登记');
    if (registration.deadline!.provisional) await result.locator('.provisional-warning').waitFor();
    await screenshot(page, 'witness-change-result');
    await page.getByRole('button', { name: '知道了' }).click();

    // The history keeps it, newest first, with the same due date; the witness no longer covers any project.
    const latest = drawer.locator('.registration-item').first();
    await expect.poll(() => latest.innerText()).toContain('撤销授权');
    expect(await latest.innerText()).toContain(`应于 ${due} 前完成登记`);
    expect(await latest.innerText()).toContain('周雅琴调离本项目');
    await expect.poll(() => drawer.innerText()).toContain('未在任何项目登记');
    await screenshot(page, 'witness-history');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-witness-change');
    throw e;
  } finally {
    await s.close();
  }
});
