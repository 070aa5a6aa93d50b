import { afterAll, beforeAll, expect, test } from 'vitest';
import { fillRange } from './dates.ts';
import { closeDropdown, expectNoPageErrors, formItem, loginAndWait, openMenu, openSession, pick, screenshot, selectOf, startHarness, type Harness } from './harness.ts';
import { samplePdf } from './pdf.ts';

/**
 * 资质证书核验: the agency submits a certificate with its scanned PDF; the officer of its county finds it in 核验队列,
 * opens the scan, approves it; the agency then sees it 已核验.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const NUMBER = `吉建检资字第 E2E${String(process.pid).slice(-4)} 号`;

test('an agency adds a certificate with a PDF, the county officer approves it, the agency sees 已核验', async () => {
  const agency = await openSession(h);
  const officer = await openSession(h);
  try {
    // 1. jz.admin submits the certificate.
    let page = agency.page;
    await loginAndWait(page, 'jz.admin');
    await openMenu(page, '机构接入');
    await page.getByRole('button', { name: '新增资质证书' }).click();
    const dialog = page.getByRole('dialog', { name: '新增资质证书' });
    await dialog.waitFor();
    await dialog.getByLabel('证书编号').fill(NUMBER);
    await pick(page, selectOf(dialog, '检测专项'), '道路工程');
    await closeDropdown(page);
    await fillRange(formItem(dialog, '有效期'), '2026-01-01', '2030-12-31');
    await dialog.getByLabel('发证机关').fill('吉林省住房和城乡建设厅');

    // Submitting without the scan is refused on its field, before anything is sent.
    await dialog.getByRole('button', { name: '提交核验' }).click();
    await formItem(dialog, '证书扫描件').locator('.ant-form-item-explain-error', { hasText: '请上传证书扫描件' }).waitFor();

    await dialog.locator('input[type=file]').setInputFiles({ name: '资质证书扫描件.pdf', mimeType: 'application/pdf', buffer: samplePdf('qualification certificate') });
    await dialog.getByText('资质证书扫描件.pdf').waitFor();
    await dialog.getByText('已上传').waitFor();
    await screenshot(page, 'qualification-new');
    await dialog.getByRole('button', { name: '提交核验' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('.qualifications-table .ant-table-row', { hasText: NUMBER });
    await row.waitFor();
    expect(await row.innerText()).toContain('待核验');
    expect(await row.innerText()).toContain('道路工程');
    expectNoPageErrors(agency);

    // 2. officer.nanguan (南关区, where 吉林省建正 is) approves it from the queue.
    page = officer.page;
    await loginAndWait(page, 'officer.nanguan');
    await openMenu(page, '核验队列');
    const queued = page.locator('.queue-qualifications .ant-table-row', { hasText: NUMBER });
    await queued.waitFor();
    expect(await queued.innerText()).toContain('吉林省建正工程质量检测有限公司');
    // The scan opens from the queue: it is the PDF that was uploaded.
    const href = await queued.getByRole('link', { name: /预览\/下载/ }).getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/documents\/[0-9a-f-]+\/content$/);
    const scan = await page.request.get(href!);
    expect(scan.status()).toBe(200);
    expect(scan.headers()['content-type']).toBe('application/pdf');
    expect((await scan.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'verification-queue');
    await queued.getByRole('button', { name: /^通\s?过$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^通\s?过$/ }).click();
    await page.getByText('已核验通过').waitFor();
    await page.locator('.queue-qualifications .ant-table-row', { hasText: NUMBER }).waitFor({ state: 'detached' });
    expectNoPageErrors(officer);

    // 3. The agency sees it verified.
    page = agency.page;
    await page.reload();
    const verified = page.locator('.qualifications-table .ant-table-row', { hasText: NUMBER });
    await verified.waitFor();
    await expect.poll(() => verified.locator('.col-status').innerText()).toContain('已核验');
    expect(await verified.locator('.col-status').innerText()).toContain('有效');
    expect(await verified.innerText()).toContain('马志远');
    await screenshot(page, 'qualification-verified');
    expectNoPageErrors(agency);
  } catch (e) {
    await screenshot(agency.page, 'failure-qualification-agency');
    await screenshot(officer.page, 'failure-qualification-officer');
    throw e;
  } finally {
    await agency.close();
    await officer.close();
  }
});
