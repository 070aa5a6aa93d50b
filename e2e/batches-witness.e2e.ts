import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeCameraJpeg } from '../src/modules/images/test-images.ts';
import { apiSession } from './batch-api.ts';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, screenshot, startHarness, tableRows, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('the witness attests a batch in person', async () => {
  const s = await openSession(h);
  const { page } = s;
  try {
    await loginAndWait(page, 'witness.sun');
    await openMenu(page, '检测批次');
    await tableRows(page);
    // The batch being uploaded now, on 幸福里 (supervised by the witness's unit), not yet attested.
    await page.locator('.batches-table .batch-number', { hasText: 'JC-2026-000004' }).click();
    await page.locator('.page-header h3', { hasText: 'JC-2026-000004' }).waitFor();
    // A witness uploads nothing and seals nothing.
    for (const name of ['上传影像', '录入记录', '申报完成', '封存']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    await page.getByRole('button', { name: '见证确认' }).click();
    const dialog = page.getByRole('dialog', { name: '见证确认' });
    await dialog.waitFor();
    await dialog.getByLabel('见证说明').fill('已旁站见证 5#楼 3 层柱、板回弹法检测，测区布置与检测过程符合规程要求。');
    await dialog.getByRole('button', { name: '确认见证' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /见证/ }).click();
    const row = page.locator('.attestations-table .ant-table-row').first();
    await row.waitFor();
    expect(await row.innerText()).toContain('孙立');
    expect(await row.innerText()).toContain('已在本项目登记');
    expect(await row.innerText()).toContain('符合规程要求');
    await screenshot(page, 'witness-attested');
    await page.getByRole('tab', { name: '时间线' }).click();
    await expect.poll(() => page.locator('.batch-timeline').innerText()).toContain('见证确认');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-batches-witness');
    throw e;
  } finally {
    await s.close();
  }
});

/** Beijing wall-clock time now, as a phone camera writes it into EXIF. */
const beijingLocalNow = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19);

/** About 3 km north of a point (1° of latitude ≈ 111.2 km). */
const threeKmNorth = (p: { lat: number; lng: number }) => ({ latitude: p.lat + 3000 / 111_195, longitude: p.lng });

test('the witness checks in on site with a photo and the phone position; a check-in 3 km away is flagged', async () => {
  // The 幸福里 batch being uploaded now, and the project's location (inside its site) as the phone's position.
  const api = await apiSession(h.url, 'witness.sun');
  const uploading = (await api.call<{ items: { id: string; batchNumber: string; project: { id: string; name: string } }[] }>('GET', '/batches?status=uploading&pageSize=100')).items.find((b) =>
    b.project.name.includes('幸福里'),
  )!;
  const site = (await api.call<{ location: { lat: number; lng: number } }>('GET', `/projects/${uploading.project.id}`)).location;
  const onSite = { latitude: site.lat, longitude: site.lng, accuracy: 8 };

  const s = await openSession(h, { permissions: ['geolocation'], geolocation: onSite });
  const { page } = s;
  try {
    await loginAndWait(page, 'witness.sun');
    await page.goto(`/batches/${uploading.id}`);
    await page.locator('.page-header h3', { hasText: uploading.batchNumber }).waitFor();
    await page.getByRole('tab', { name: /见证/ }).click();

    const checkInWith = async (seed: number, position: { latitude: number; longitude: number }) => {
      const photo = join(tmpdir(), `qtrace-e2e-checkin-${uploading.batchNumber}-${seed}.jpg`);
      writeFileSync(photo, await makeCameraJpeg({ width: 800, height: 600, seed, takenAtLocal: beijingLocalNow(), latitude: position.latitude, longitude: position.longitude }));
      await page.getByRole('button', { name: '现场签到' }).click();
      const dialog = page.getByRole('dialog', { name: '现场签到' });
      await dialog.waitFor();
      // The position the phone reports, with its accuracy.
      await expect.poll(() => dialog.locator('.checkin-position').innerText()).toContain(position.latitude.toFixed(6));
      expect(await dialog.locator('.checkin-position').innerText()).toContain('精度约 8 米');
      const input = dialog.locator('input[type=file]');
      expect(await input.getAttribute('accept')).toBe('image/jpeg');
      expect(await input.getAttribute('capture')).toBe('environment');
      await input.setInputFiles(photo);
      await dialog.locator('.checkin-photo').waitFor();
      const [answer] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/batches\/[^/]+\/checkins$/.test(r.url()) && r.request().method() === 'POST'),
        dialog.getByRole('button', { name: /^签\s?到$/ }).click(),
      ]);
      expect(answer.status()).toBe(201);
      expect(answer.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      await dialog.locator('.checkin-result').waitFor();
      const result = await dialog.locator('.checkin-result').innerText();
      await dialog.getByRole('button', { name: /^完\s?成$/ }).click();
      await dialog.waitFor({ state: 'detached' });
      return result;
    };

    expect(await checkInWith(31, onSite)).toContain('签到位置在项目范围内');
    const cards = page.locator('.checkin-card');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().innerText()).toContain('孙立');
    expect(await cards.first().innerText()).toContain('在项目范围内');
    expect(await cards.first().innerText()).toContain(site.lat.toFixed(6));
    await screenshot(page, 'witness-checked-in');

    const away = threeKmNorth(site);
    await s.context.setGeolocation({ ...away, accuracy: 8 });
    expect(await checkInWith(32, away)).toContain('签到位置超出项目范围');
    await expect.poll(() => cards.count()).toBe(2);
    const second = await cards.nth(1).innerText();
    expect(second).toContain('超出项目范围');
    expect(second).toContain('见证签到位置超出项目范围');
    expect(second).toContain(away.latitude.toFixed(6));
    await screenshot(page, 'witness-checkin-outside-site');
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-batches-witness-checkin');
    throw e;
  } finally {
    await s.close();
  }
});

test('without a position from the browser the witness is told why and types it', async () => {
  const api = await apiSession(h.url, 'witness.sun');
  const uploading = (await api.call<{ items: { id: string; batchNumber: string; project: { id: string; name: string } }[] }>('GET', '/batches?status=uploading&pageSize=100')).items.find((b) =>
    b.project.name.includes('幸福里'),
  )!;
  const site = (await api.call<{ location: { lat: number; lng: number } }>('GET', `/projects/${uploading.project.id}`)).location;
  // No geolocation permission: the browser refuses (or never answers) the position.
  const s = await openSession(h, { permissions: [] });
  const { page } = s;
  try {
    await loginAndWait(page, 'witness.sun');
    await page.goto(`/batches/${uploading.id}`);
    await page.getByRole('tab', { name: /见证/ }).click();
    const before = (await api.call<unknown[]>('GET', `/batches/${uploading.id}/checkins`)).length;
    await page.getByRole('button', { name: '现场签到' }).click();
    const dialog = page.getByRole('dialog', { name: '现场签到' });
    await expect.poll(() => dialog.locator('.checkin-position').innerText(), { timeout: 30_000 }).toContain('请手工填写当前位置');
    const photo = join(tmpdir(), `qtrace-e2e-checkin-${uploading.batchNumber}-typed.jpg`);
    writeFileSync(photo, await makeCameraJpeg({ width: 800, height: 600, seed: 33, takenAtLocal: beijingLocalNow(), latitude: site.lat, longitude: site.lng }));
    await dialog.locator('input[type=file]').setInputFiles(photo);
    await dialog.locator('.checkin-photo').waitFor();
    // Without the position the check-in is not sent.
    await dialog.getByRole('button', { name: /^签\s?到$/ }).click();
    await dialog.locator('.checkin-error', { hasText: '请填写当前位置的纬度和经度' }).waitFor();
    await dialog.getByLabel('纬度').fill(String(site.lat));
    await dialog.getByLabel('经度').fill(String(site.lng));
    await dialog.getByRole('button', { name: /^签\s?到$/ }).click();
    await dialog.locator('.checkin-result', { hasText: '签到位置在项目范围内' }).waitFor();
    await dialog.getByRole('button', { name: /^完\s?成$/ }).click();
    await expect.poll(() => page.locator('.checkin-card').count()).toBe(before + 1);
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(page, 'failure-batches-witness-typed-position');
    throw e;
  } finally {
    await s.close();
  }
});
