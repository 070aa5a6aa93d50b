import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, pick, screenshot, startHarness, tableRows, type Harness } from './harness.ts';

/**
 * 构件: the contractor registers components of its project in one batch, prints their A4 QR label sheet, and a
 * scanned label (`/c/<id>`) opens the component and its project.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('contractor.zhou registers components and downloads their label PDF; a label resolves to its component', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'contractor.zhou');
    await openMenu(page, '构件管理');
    await pick(page, page.locator('.filter-bar .ant-select').first(), '幸福里住宅小区二期');
    const before = await tableRows(page);
    await expect.poll(() => before.count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: '登记构件' }).click();
    const dialog = page.getByRole('dialog', { name: /登记构件\/部位/ });
    await dialog.waitFor();
    await dialog.getByLabel('第1行楼栋').fill('7#楼');
    await dialog.getByLabel('第1行楼层').fill('2层');
    await dialog.getByLabel('第1行部位').fill('B-4轴');
    await dialog.getByLabel('第1行构件类型').fill('柱');
    await dialog.getByRole('button', { name: '复制本行' }).first().click();
    await dialog.getByLabel('第2行部位').fill('B-5轴');
    await screenshot(page, 'components-register');
    await dialog.getByRole('button', { name: '登记并生成编号' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已登记 2 个构件').waitFor();

    const added = page.locator('.components-table .ant-table-row', { hasText: '7#楼' });
    await expect.poll(() => added.count()).toBe(2);
    const code = (await added.first().locator('.component-code').innerText()).replace(/\s/g, '');
    expect(code).toMatch(/^QC[0-9A-Z]{11}$/);

    // The new components are selected: their labels print as one A4 sheet.
    const printButton = page.getByRole('button', { name: '打印选中的 2 个标签' });
    await printButton.waitFor();
    await screenshot(page, 'components-list');
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/components/labels.pdf')),
      page.waitForEvent('download'),
      printButton.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.length).toBeGreaterThan(1000);

    // A scanned label opens /c/<id>: the component and its project.
    await page.goto(`/c/${code}`);
    await page.getByTestId('resolved-code').waitFor();
    expect((await page.getByTestId('resolved-code').innerText()).replace(/\s/g, '')).toBe(code);
    const body = await page.locator('.app-content').innerText();
    expect(body).toContain('B-4轴');
    expect(body).toContain('长春市南关区幸福里住宅小区二期工程（5#、6#楼）');
    await screenshot(page, 'component-resolve');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-component-labels');
    throw e;
  } finally {
    await s.close();
  }
});

test('a scanned label asks for login first, then opens the component', async () => {
  // A code from the demo, read through the API as the contractor.
  const api = await h.browser.newContext({ baseURL: h.url });
  let code: string;
  try {
    expect((await api.request.post('/api/v1/auth/login', { data: { username: 'contractor.zhou', password: 'Demo@2026' } })).status()).toBe(200);
    const projects = (await (await api.request.get('/api/v1/projects?q=幸福里')).json()) as { items: { id: string }[] };
    const comps = (await (await api.request.get(`/api/v1/projects/${projects.items[0]!.id}/components`)).json()) as { items: { code: string }[] };
    code = comps.items[0]!.code;
  } finally {
    await api.close();
  }

  const s = await openSession(h);
  const { page } = s;
  try {
    await page.goto(`/c/${code}`);
    await page.getByLabel('用户名').waitFor();
    await page.getByLabel('用户名').fill('officer.nanguan');
    await page.getByLabel('密码').fill('Demo@2026');
    await page.getByRole('button', { name: /^登\s?录$/ }).click();
    await page.getByTestId('resolved-code').waitFor();
    expect((await page.getByTestId('resolved-code').innerText()).replace(/\s/g, '')).toBe(code);
    expect(new URL(page.url()).pathname).toBe(`/c/${code}`);

    // A mistyped code (wrong check character) is caught before asking the server.
    await page.goto(`/c/${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`);
    await page.getByText('不是有效的构件编号').waitFor();
    expectNoPageErrors(s);
  } finally {
    await s.close();
  }
});
