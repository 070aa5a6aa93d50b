import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Clock } from '../src/kernel/clock.ts';
import { apiSession, dismissOpenAnomalies, openBatchTestedBy, type ApiSession } from './batch-api.ts';
import { expectNoPageErrors, loginAndWait, openSession, screenshot, startHarness, type Harness } from './harness.ts';

/**
 * The acceptance line of issue 5 end to end, without touching the database: "A late batch's report cannot be
 * generated, through the API or the console, until a department unlocks it". The batch is made late the way an agency
 * makes it late: opened three hours ago (the server's clock runs three hours behind while it is opened), its
 * completion then declared for that time, so the completion request itself finds the 2 hours gone and locks it.
 * Sealing and the 双人复核 are not refused while locked (only the report is, lifecycle.ts), so the batch reaches
 * 已复核 locked; the report is refused with the lock message, then generated once 南关区住建局 unlocks it.
 */
const H = 3_600_000;
let offset = -3 * H;
const clock: Clock = { now: () => new Date(Date.now() + offset) };

let h: Harness;
let batch: { id: string; batchNumber: string; openedAt: string };
let signatory: ApiSession;
beforeAll(async () => {
  h = await startHarness({ clock });
  const owner = await apiSession(h.url, 'jz.owner');
  batch = await openBatchTestedBy(owner, '高峰');
  offset = 0;
  const completedAt = new Date(new Date(batch.openedAt).getTime() + 60_000);
  const done = await owner.call<{ locked: boolean; deadline: { overdue: boolean } }>('POST', `/batches/${batch.id}/complete`, { completedAt: completedAt.toISOString() });
  expect(done).toMatchObject({ locked: true, deadline: { overdue: true } });
  // Locked, the batch is still sealed by its upload owner and reviewed by a reviewer who did not test it.
  await owner.call('POST', `/batches/${batch.id}/seal`, { recordCount: 0, imageCount: 0, records: [], images: [] });
  const reviewer = await apiSession(h.url, 'jz.reviewer');
  const reviewed = await reviewer.call<{ status: string; locked: boolean }>('POST', `/batches/${batch.id}/review`, { decision: 'approve' });
  expect(reviewed).toMatchObject({ status: 'reviewed', locked: true });
  signatory = await apiSession(h.url, 'jz.signatory');
});
afterAll(async () => {
  await h?.close();
});

test('a late batch: the report is refused through the API and the console until 南关区住建局 unlocks it, then jz.signatory generates it', async () => {
  // Through the API: 409 BATCH_LOCKED.
  const refused = await signatory.send('POST', `/batches/${batch.id}/report`);
  expect(refused).toMatchObject({ status: 409, body: { code: 'BATCH_LOCKED', message: '批次报告生成权限已锁定，须经住建部门处理解锁' } });
  // The lock was the rule's (one 迟传 recorded), not set by hand.
  const deadline = await signatory.call<{ lock: { locked: boolean; lockReason: string | null } }>('GET', `/batches/${batch.id}/deadline`);
  expect(deadline.lock.locked).toBe(true);
  expect(deadline.lock.lockReason).toContain('迟传');

  // Through the console, on the batch page: refused with the lock message.
  const agency = await openSession(h);
  try {
    const { page } = agency;
    await loginAndWait(page, 'jz.signatory');
    await page.goto(`/batches/${batch.id}`);
    await page.getByText(batch.batchNumber).first().waitFor();
    await page.getByText('批次报告生成权限已锁定，须经住建部门处理解锁').first().waitFor();
    await page.getByRole('button', { name: '生成报告' }).click();
    await expect.poll(() => page.getByTestId('batch-report-error').innerText()).toContain('批次报告生成权限已锁定，须经住建部门处理解锁');
    await screenshot(page, 'late-report-refused');
    expectNoPageErrors(agency);
  } catch (e) {
    await screenshot(agency.page, 'failure-late-report-refused');
    throw e;
  } finally {
    await agency.close();
  }

  // 南关区住建局 handles it and unlocks it in the console, on the batch page, with a reason.
  const officer = await openSession(h);
  try {
    const { page } = officer;
    await loginAndWait(page, 'officer.nanguan');
    await page.goto(`/batches/${batch.id}`);
    const panel = page.getByTestId('batch-deadline-panel');
    await expect.poll(() => panel.getByTestId('lock-state').innerText()).toContain('已锁定');
    await panel.getByRole('button', { name: /解\s?锁/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '处理情况与解锁理由' });
    await dialog.getByLabel('处理情况与解锁理由').fill('已约谈检测机构，迟传原因已查明');
    await dialog.getByRole('button', { name: /提\s?交/ }).click();
    await page.getByText('已解锁报告生成权限').waitFor();
    await expect.poll(() => panel.getByTestId('lock-state').innerText()).toContain('已解锁');
    expectNoPageErrors(officer);
  } catch (e) {
    await screenshot(officer.page, 'failure-late-report-unlock');
    throw e;
  } finally {
    await officer.close();
  }

  // The department has also decided the batch's open anomalies (a missing witness check-in blocks the report too).
  await dismissOpenAnomalies(h.url, batch.id);

  // Now jz.signatory generates the report in the console.
  const again = await openSession(h);
  try {
    const { page } = again;
    await loginAndWait(page, 'jz.signatory');
    await page.goto(`/batches/${batch.id}`);
    await page.getByText(batch.batchNumber).first().waitFor();
    await page.getByRole('button', { name: '生成报告' }).click();
    const done = page.locator('.ant-message-notice', { hasText: '已出具检测报告' });
    await done.waitFor();
    const number = /已出具检测报告 (\S+)/.exec(await done.innerText())![1]!;
    expect(number).toMatch(/^[0-9A-Z]{9}-\d{4}-\d{6}$/);
    expect(await page.getByTestId('batch-report-error').count()).toBe(0);
    await screenshot(page, 'late-report-generated');
    expectNoPageErrors(again);
    const reports = await signatory.call<{ items: { reportNumber: string; status: string }[] }>('GET', `/reports?batchId=${batch.id}`);
    expect(reports.items).toEqual([expect.objectContaining({ reportNumber: number, status: 'valid' })]);
  } catch (e) {
    await screenshot(again.page, 'failure-late-report-generated');
    throw e;
  } finally {
    await again.close();
  }
});
