import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashPassword } from '../src/kernel/auth/password.ts';
import { addDays, beijingDate } from '../src/kernel/time.ts';
import { fillDate, fillRange } from './dates.ts';
import { DEMO_PASSWORD, expectNoPageErrors, formItem, loginAndWait, openMenu, openSession, screenshot, startHarness, type Harness } from './harness.ts';
import { samplePdf } from './pdf.ts';

/**
 * 入吉备案核验 (issue 15 item 7): the administrator of the out-of-province 沈阳华建, whose verified filing has expired,
 * submits the renewed filing with its scan; it does not count until the 朝阳区 officer verifies it in 核验队列, after
 * which the agency is 已接入.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // The demo has no account at 沈阳华建: its administrator is added here, as the platform administrator would.
  const agency = await h.deps.db.selectFrom('organisations').select('id').where('name', '=', '沈阳华建工程质量检测有限公司').executeTakeFirstOrThrow();
  const now = h.deps.clock.now();
  await h.deps.db
    .insertInto('users')
    .values({
      username: 'ln.admin',
      display_name: '赵立新',
      organisation_id: agency.id,
      roles: ['agency_admin'],
      password_hash: await hashPassword(DEMO_PASSWORD),
      must_change_password: false,
      status: 'active',
      created_at: now,
      updated_at: now,
      password_changed_at: now,
    })
    .execute();
});
afterAll(async () => {
  await h?.close();
});

const NUMBER = `吉建质备〔2026〕第 E2E${String(process.pid).slice(-4)} 号`;

test('an out-of-province agency submits its 入吉备案 with the scan; the county officer verifies it; the agency is connected', async () => {
  const agency = await openSession(h);
  const officer = await openSession(h);
  const today = beijingDate(h.deps.clock.now());
  try {
    // 1. ln.admin sees why the agency is not connected and submits the renewed filing.
    let page = agency.page;
    await loginAndWait(page, 'ln.admin');
    await openMenu(page, '机构接入');
    const origin = page.getByTestId('checklist-origin');
    await expect.poll(() => origin.getAttribute('data-ok')).toBe('false');
    expect(await origin.innerText()).toMatch(/入吉备案已于 \d{4}-\d{2}-\d{2} 到期/);

    await page.locator('.ant-card', { hasText: '机构来源与入吉备案' }).getByRole('button', { name: /修\s?改/ }).click();
    const dialog = page.getByRole('dialog', { name: '机构来源与入吉备案' });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: /提交新的入吉备案/ }).isChecked()).toBe(true);
    await dialog.getByLabel('入吉备案编号').fill(NUMBER);
    await fillDate(formItem(dialog, '备案日期').locator('input'), addDays(today, -3));
    await fillRange(formItem(dialog, '备案有效期'), addDays(today, -3), addDays(today, 1090));

    // Submitting without the scan is refused on its field, before anything is sent.
    await dialog.getByRole('button', { name: '提交核验' }).click();
    await formItem(dialog, '备案证明扫描件').locator('.ant-form-item-explain-error', { hasText: '请上传入吉备案证明扫描件' }).waitFor();

    await dialog.locator('input[type=file]').setInputFiles({ name: '入吉备案证明.pdf', mimeType: 'application/pdf', buffer: samplePdf('filing certificate') });
    await dialog.getByText('已上传').waitFor();
    await screenshot(page, 'filing-new');
    await dialog.getByRole('button', { name: '提交核验' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('待住建部门核验', { exact: true }).waitFor();
    expect(await page.locator('.filing-status').first().innerText()).toContain(NUMBER);
    // Submitted, not verified: it does not count yet, and the checklist says what it waits for.
    await page.reload();
    await expect.poll(() => page.getByTestId('checklist-origin').innerText()).toContain('入吉备案待住建部门核验');
    expect(await page.getByTestId('checklist-origin').getAttribute('data-ok')).toBe('false');
    expectNoPageErrors(agency);

    // 2. officer.chaoyang (朝阳区, where 沈阳华建 is) verifies it from the queue.
    page = officer.page;
    await loginAndWait(page, 'officer.chaoyang');
    await openMenu(page, '核验队列');
    await page.getByRole('tab', { name: /入吉备案/ }).click();
    const queued = page.locator('.queue-filings .ant-table-row', { hasText: NUMBER });
    await queued.waitFor();
    expect(await queued.innerText()).toContain('沈阳华建工程质量检测有限公司');
    const href = await queued.getByRole('link', { name: /预览\/下载/ }).getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/documents\/[0-9a-f-]+\/content$/);
    const scan = await page.request.get(href!);
    expect(scan.status()).toBe(200);
    expect((await scan.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'verification-queue-filing');
    await queued.getByRole('button', { name: /^通\s?过$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^通\s?过$/ }).click();
    await page.getByText('已核验通过').waitFor();
    await page.locator('.queue-filings .ant-table-row', { hasText: NUMBER }).waitFor({ state: 'detached' });
    expectNoPageErrors(officer);

    // 3. The agency sees the filing verified and itself connected.
    page = agency.page;
    await page.reload();
    await expect.poll(() => page.getByTestId('checklist-origin').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('checklist-origin').innerText()).toContain(`入吉备案经住建部门核验有效（至 ${addDays(today, 1090)}）`);
    expect(await page.getByTestId('connection-status').innerText()).toContain('已接入');
    expect(await page.locator('.filing-status').first().innerText()).toContain('已核验');
    await screenshot(page, 'filing-verified');
    expectNoPageErrors(agency);
  } catch (e) {
    await screenshot(agency.page, 'failure-filing-agency');
    await screenshot(officer.page, 'failure-filing-officer');
    throw e;
  } finally {
    await agency.close();
    await officer.close();
  }
});
