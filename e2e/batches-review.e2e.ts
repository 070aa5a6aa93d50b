import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeReviewerAlsoTester, sealedBatchTestedBy } from './batch-api.ts';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, screenshot, startHarness, tableRows, type Harness } from './harness.ts';

let h: Harness;
let ownBatch: string;
beforeAll(async () => {
  h = await startHarness();
  // A small agency: 韩雪 reviews, and tested one of the batches waiting for review.
  await makeReviewerAlsoTester(h.url);
  ownBatch = await sealedBatchTestedBy(h.url, '韩雪');
});
afterAll(async () => {
  await h?.close();
});

test('a reviewer works the review queue: refused on a batch they tested, returns another with a reason', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'jz.reviewer');
    await openMenu(page, '复核队列');
    const rows = await tableRows(page);
    await expect.poll(() => rows.count()).toBe(2);
    const numbers = await page.locator('.batches-table .batch-number').allInnerTexts();
    expect(numbers).toContain(ownBatch);
    expect(numbers).toContain('JC-2026-000003');
    await screenshot(page, 'review-queue');

    // 双人复核: the batch 韩雪 tested is refused, with the platform's reason.
    await page.locator('.batches-table .batch-number', { hasText: ownBatch }).click();
    await page.locator('.page-header h3', { hasText: ownBatch }).waitFor();
    await page.getByRole('button', { name: '复核通过' }).click();
    const approve = page.getByRole('dialog', { name: '复核通过' });
    await approve.waitFor();
    await approve.getByRole('button', { name: '复核通过' }).click();
    const refusal = approve.locator('.action-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('复核人员不能是本批次的检测人员');
    await screenshot(page, 'review-refused-own-batch');
    await approve.getByRole('button', { name: /^取\s?消$/ }).click();
    await approve.waitFor({ state: 'detached' });

    // Another batch: returned for correction with a reason.
    await openMenu(page, '复核队列');
    await page.locator('.batches-table .batch-number', { hasText: 'JC-2026-000003' }).click();
    await page.locator('.page-header h3', { hasText: 'JC-2026-000003' }).waitFor();
    await page.getByRole('button', { name: '退回更正' }).click();
    const back = page.getByRole('dialog', { name: '复核退回' });
    await back.waitFor();
    await back.getByLabel('退回理由').fill('5#楼 A-B/3-4轴板的回弹记录缺少测区布置影像，请补充后重新封存。');
    await back.getByRole('button', { name: '退回更正' }).click();
    await back.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.page-header').innerText()).toContain('现场检测完成');
    await page.getByRole('tab', { name: /复核/ }).click();
    const review = page.locator('.reviews-table .ant-table-row').first();
    await review.waitFor();
    expect(await review.innerText()).toContain('退回更正');
    expect(await review.innerText()).toContain('缺少测区布置影像');
    await screenshot(page, 'review-returned');

    // The queue no longer holds it.
    await openMenu(page, '复核队列');
    await expect.poll(async () => (await tableRows(page)).count()).toBe(1);
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-batches-review');
    throw e;
  } finally {
    await s.close();
  }
});
