import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiSession, openBatchTestedBy } from './batch-api.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { expectNoPageErrors, loginAndWait, openMenu, openSession, pick, screenshot, startHarness, tableRows, type Harness } from './harness.ts';

/**
 * 现场采集 on a phone (issue 11 acceptance): Chromium at 390×844 with a fake rear camera that films a printed
 * component label and an overridden position on the site. The tester enrols the phone, the agency administrator
 * approves it, three photos are taken with the label scanned, two more without network, and all five arrive once,
 * signed and verified.
 */

const W = 640;
const H = 480;

/** A printed label (QR code of the component's resolve address, its ID in text) on a grey site background. */
async function labelPicture(url: string, idText: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 2, width: 300 });
  const text = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="420"><rect width="360" height="420" fill="#fff"/><text x="180" y="400" font-size="26" text-anchor="middle" font-family="sans-serif">${idText}</text></svg>`,
  );
  return sharp({ create: { width: W, height: H, channels: 3, background: { r: 120, g: 124, b: 128 } } })
    .composite([
      { input: text, left: 140, top: 30 },
      { input: qr, left: 170, top: 50 },
    ])
    .removeAlpha()
    .raw()
    .toBuffer();
}

/** RGB → Y4M (YUV 4:2:0, BT.601 studio range), the format Chromium's fake camera reads; a few identical frames. */
function toY4m(rgb: Buffer, frames = 5): Buffer {
  const y = Buffer.alloc(W * H);
  const u = Buffer.alloc((W / 2) * (H / 2));
  const v = Buffer.alloc((W / 2) * (H / 2));
  const px = (x: number, yy: number) => {
    const i = (yy * W + x) * 3;
    return [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!] as const;
  };
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      const [r, g, b] = px(i, j);
      y[j * W + i] = Math.round(0.257 * r + 0.504 * g + 0.098 * b + 16);
    }
  }
  for (let j = 0; j < H / 2; j++) {
    for (let i = 0; i < W / 2; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const [pr, pg, pb] = px(2 * i + dx, 2 * j + dy);
        r += pr / 4;
        g += pg / 4;
        b += pb / 4;
      }
      u[j * (W / 2) + i] = Math.round(-0.148 * r - 0.291 * g + 0.439 * b + 128);
      v[j * (W / 2) + i] = Math.round(0.439 * r - 0.368 * g - 0.071 * b + 128);
    }
  }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F5:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]);
}

let h: Harness;
let phoneBrowser: Browser;
let batch: { id: string; batchNumber: string };
let component: string;
let site: { lat: number; lng: number };

beforeAll(async () => {
  h = await startHarness();
  const owner = await apiSession(h.url, 'jz.owner');
  batch = await openBatchTestedBy(owner, '高峰');
  const detail = await owner.call<{ project: { id: string }; components: { code: string }[] }>('GET', `/batches/${batch.id}`);
  component = detail.components[0]!.code;
  site = (await owner.call<{ location: { lat: number; lng: number } }>('GET', `/projects/${detail.project.id}`)).location;
  // The camera films the component's printed label: what its QR code holds is the label's resolve address.
  const y4m = join(tmpdir(), `qtrace-field-capture-${process.pid}.y4m`);
  writeFileSync(y4m, toY4m(await labelPicture(`${h.url}/c/${component}`, component)));
  phoneBrowser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
}, 240_000);
afterAll(async () => {
  await phoneBrowser?.close().catch(() => undefined);
  await h?.close();
});

// Run in the page (the e2e files are type-checked without the DOM library).
const noSidewaysScroll = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

test('a tester enrols the phone, the administrator approves it, five photos (two offline) are signed, queued and uploaded once', async () => {
  const phone = await openSession({ ...h, browser: phoneBrowser }, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    permissions: ['geolocation', 'camera'],
    geolocation: { latitude: site.lat, longitude: site.lng, accuracy: 8 },
  });
  const admin = await openSession(h);
  const { page } = phone;
  try {
    await loginAndWait(page, 'jz.tester');
    await page.goto('/capture');
    await page.getByRole('heading', { name: '现场采集' }).waitFor();

    // 1. Enrol this phone: a key pair made in the browser, its public half sent with a name.
    await page.getByLabel('设备名称').fill('高峰的测试手机');
    await page.getByRole('button', { name: '登记本机' }).click();
    await expect.poll(() => page.getByTestId('key-state').innerText()).toBe('待批准');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'capture-enrol');
    const fingerprint = await page.getByTestId('key-fingerprint').innerText();

    // 2. The agency administrator approves it, after checking the fingerprint the phone shows.
    await loginAndWait(admin.page, 'jz.admin');
    await openMenu(admin.page, '采集设备');
    const rows = await tableRows(admin.page);
    const row = rows.filter({ hasText: '高峰的测试手机' });
    expect(await row.innerText()).toContain(fingerprint);
    expect(await row.locator('.key-state').innerText()).toBe('待批准');
    await screenshot(admin.page, 'capture-keys-approve');
    await row.getByRole('button', { name: /^批\s?准$/ }).click();
    await expect.poll(() => row.locator('.key-state').innerText()).toBe('已批准');

    await page.getByRole('button', { name: '刷新状态' }).click();
    await expect.poll(() => page.getByTestId('key-state').innerText()).toBe('已批准');

    // 3. The open batch (its countdown), the rear camera reading the component's label, the position with accuracy.
    await pick(page, page.getByLabel('批次').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'), batch.batchNumber);
    await page.locator('.capture-batch .countdown').waitFor();
    await expect.poll(async () => (await page.getByTestId('scanned-component').innerText()).replace(/\s/g, ''), { timeout: 30_000 }).toBe(`已扫描标签：${component}`);
    await expect.poll(() => page.getByTestId('fix').innerText()).toBe('定位 ±8 米');
    await expect.poll(() => page.getByTestId('challenges-left').innerText()).toBe('挑战码 5 个');
    const shoot = page.getByRole('button', { name: '拍照并签名' });
    const items = page.locator('.capture-queue-item');
    for (let n = 1; n <= 3; n++) {
      await shoot.click();
      await expect.poll(() => items.count()).toBe(n);
      await expect.poll(() => page.locator('.capture-queue-item[data-state="done"]').count(), { timeout: 60_000 }).toBe(n);
    }
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'capture-online');

    // 4. No network: two more photos with the challenges in hand; they wait in the queue.
    await expect.poll(() => page.getByTestId('challenges-left').innerText()).toBe('挑战码 5 个');
    await phone.context.setOffline(true);
    await page.getByText('当前离线').waitFor();
    for (let n = 4; n <= 5; n++) {
      await shoot.click();
      await expect.poll(() => items.count()).toBe(n);
    }
    await expect.poll(() => page.getByTestId('queue-pending').innerText()).toBe('2 张待上传');
    expect(await page.locator('.capture-queue-item[data-state="waiting"]').count()).toBe(2);
    // Each waiting photo shows its own progress (nothing sent yet).
    expect(await page.locator('.capture-queue-item[data-state="waiting"] .queue-progress[role="progressbar"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-valuenow')))).toEqual(['0', '0']);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'capture-offline-queue');

    // The queue outlives the page: reopened without network (the service worker's shell), the two still wait.
    await page.reload();
    await page.getByRole('heading', { name: '现场采集' }).waitFor();
    await expect.poll(() => page.getByTestId('queue-pending').innerText()).toBe('2 张待上传');

    // 5. Back online: both upload, in order, with progress; nothing twice.
    await phone.context.setOffline(false);
    await expect.poll(() => page.locator('.capture-queue-item[data-state="done"]').count(), { timeout: 60_000 }).toBe(5);
    await expect.poll(() => page.getByTestId('queue-pending').innerText()).toBe('0 张待上传');
    expect(await page.locator('.queue-progress[role="progressbar"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-valuenow')))).toEqual(['100', '100', '100', '100', '100']);
    const codes = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    await screenshot(page, 'capture-uploaded');

    const owner = await apiSession(h.url, 'jz.owner');
    const images = await owner.call<{ items: { capture: { status: string; code: string; algorithm: string } }[] }>('GET', `/batches/${batch.id}/images`);
    expect(images.items).toHaveLength(5);
    expect(images.items.every((i) => i.capture.status === 'verified')).toBe(true);
    expect(images.items.map((i) => i.capture.code).sort()).toEqual([...codes].sort());

    // 6. The batch page shows them as verified field captures.
    await admin.page.goto(`/batches/${batch.id}`);
    await admin.page.getByRole('tab', { name: '影像资料' }).click();
    await expect.poll(() => admin.page.locator('.gallery [data-capture="verified"]').count(), { timeout: 30_000 }).toBe(5);
    await screenshot(admin.page, 'capture-batch-verified');
    expectNoPageErrors(phone);
    expectNoPageErrors(admin);
  } catch (e) {
    await screenshot(page, 'failure-field-capture-phone');
    await screenshot(admin.page, 'failure-field-capture-admin');
    throw e;
  } finally {
    await phone.close();
    await admin.close();
  }
});
