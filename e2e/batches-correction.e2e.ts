import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiSession, batchWithManualRecord } from './batch-api.ts';
import { expectNoPageErrors, fieldError, formItem, loginAndWait, openSession, screenshot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('agency staff correct a manual record: a new version with its reason, the old one kept; an auto-collected record cannot be corrected by hand', async () => {
  const batch = await batchWithManualRecord(h.url);
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'jz.owner');
    await page.goto(`/batches/${batch.id}`);
    await page.locator('.page-header h3', { hasText: batch.batchNumber }).waitFor();
    const row = page.locator('.records-table .ant-table-row', { hasText: batch.recordKey });
    await row.waitFor();
    expect(await row.innerText()).toContain('v1');

    await row.getByRole('button', { name: /^更\s?正$/ }).click();
    const dialog = page.getByRole('dialog', { name: /更正原始记录/ });
    await dialog.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toContain(batch.recordKey);
    // Prefilled with the current version.
    await expect.poll(() => formItem(dialog, '芯样长度（mm）').locator('input').inputValue()).toBe('100');
    expect(await formItem(dialog, '芯样数量（个）').locator('input').inputValue()).toBe('3');
    // The reason is required.
    await dialog.getByRole('button', { name: /^提\s?交$/ }).click();
    await expect.poll(() => fieldError(dialog, '更正理由').innerText()).toContain('请填写更正理由');
    await formItem(dialog, '芯样长度（mm）').locator('input').fill('103');
    await formItem(dialog, '更正理由').locator('textarea').fill('现场复核芯样长度，原读数误记');
    await screenshot(page, 'record-correction-form');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/batches\/[^/]+\/records$/.test(r.url()) && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: /^提\s?交$/ }).click(),
    ]);
    expect(answer.status()).toBe(201);
    expect(answer.request().postDataJSON()).toMatchObject({ recordKey: batch.recordKey, source: 'manual', correctionOf: { version: 1, reason: '现场复核芯样长度，原读数误记' } });
    await dialog.waitFor({ state: 'detached' });

    // The new version is current; the first stays listed under it with the reason.
    await expect.poll(() => row.innerText()).toContain('v2');
    expect(await row.innerText()).toContain('103');
    // The capture time left as it was is sent as the record's own instant, so no flag appears.
    expect(await row.innerText()).not.toContain('采集时间不在批次时间范围内');
    await row.locator('.ant-table-row-expand-icon').click();
    const versions = page.locator('.record-versions');
    await versions.waitFor();
    const text = await versions.innerText();
    expect(text).toMatch(/第 2 版[\s\S]*更正理由：现场复核芯样长度，原读数误记[\s\S]*第 1 版/);
    expect(await versions.locator('.record-version').count()).toBe(2);
    await screenshot(page, 'record-corrected');

    // A demo 回弹法 record comes from the automatic rebound hammer: correcting it by hand is refused, in the platform's words.
    const owner = await apiSession(h.url, 'jz.owner');
    const uploading = (await owner.call<{ items: { id: string; batchNumber: string; itemCodes: string[]; project: { name: string } }[] }>('GET', '/batches?status=uploading&pageSize=100')).items.find(
      (b) => b.project.name.includes('幸福里') && b.itemCodes.includes('concrete_rebound'),
    )!;
    await page.goto(`/batches/${uploading.id}`);
    await page.locator('.page-header h3', { hasText: uploading.batchNumber }).waitFor();
    const autoRow = page.locator('.records-table .ant-table-row').first();
    await autoRow.waitFor();
    expect(await autoRow.innerText()).toContain('自动采集');
    await autoRow.getByRole('button', { name: /^更\s?正$/ }).click();
    const auto = page.getByRole('dialog', { name: /更正原始记录/ });
    await auto.waitFor();
    await formItem(auto, '更正理由').locator('textarea').fill('复核回弹值');
    await auto.getByRole('button', { name: /^提\s?交$/ }).click();
    const refusal = auto.locator('.record-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('严禁人工录入替代自动采集');
    await auto.getByRole('button', { name: /^取\s?消$/ }).click();
    await auto.waitFor({ state: 'detached' });
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-batches-correction');
    throw e;
  } finally {
    await s.close();
  }
});
