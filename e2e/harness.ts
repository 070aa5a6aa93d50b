import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppDeps } from '../src/kernel/deps.ts';
import type { TestAppOptions } from '../src/testing/app.ts';
import { startTestServer } from '../src/testing/server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

export const DEMO_PASSWORD = 'Demo@2026';
export const SCREENSHOT_DIR = fileURLToPath(new URL('../.tmp/', import.meta.url));

/** The real server (in-memory PGlite, demo seed, built console) and one headless Chromium. */
export interface Harness {
  url: string;
  browser: Browser;
  /** The server's database and stores, for set-up a browser cannot do (e.g. a state another module's worker sets). */
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * `browserArgs`: extra Chromium flags (e.g. a fake camera). Each file launches its own Chromium: a browser shared over
 * a websocket cannot hand a test the path of a download (the label PDF, Excel exports), and launching costs ~1 s.
 */
export async function startHarness(opts: TestAppOptions & { browserArgs?: string[] } = {}): Promise<Harness> {
  const { browserArgs, ...appOpts } = opts;
  const server = await startTestServer({ seed: true, ...appOpts });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...(browserArgs ?? [])] });
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    url: server.url,
    browser,
    deps: server.deps,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** A fresh browser session (own cookies) that records script errors and console errors. */
export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far (HTTP error statuses the console handles are not counted). */
  errors: string[];
  close(): Promise<void>;
}

/** `extra`: further context options, e.g. `{ permissions: ['geolocation'], geolocation }` for a phone on site. */
export async function openSession(h: Harness, extra: BrowserContextOptions = {}): Promise<Session> {
  const context = await h.browser.newContext({ baseURL: h.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, ...extra });
  const page = await context.newPage();
  // Generous: on a loaded 2-core CI machine a first login (scrypt) and page build can take several seconds.
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Chromium logs every 4xx answer ("Failed to load resource"); those the console expects (401 on /auth/me
    // before login, a refused form) are not errors of the page.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors, close: () => context.close() };
}

/** Signs in through the login page as a person would. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}

export async function loginAndWait(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await login(page, username, password);
  await page.getByRole('button', { name: /退出登录/ }).waitFor();
}

/** Opens a page from the side menu. */
export async function openMenu(page: Page, label: string): Promise<void> {
  await page.locator('.ant-layout-sider .ant-menu').getByRole('link', { name: label }).click();
  await page.locator('.page-header h3', { hasText: label }).waitFor();
}

/** The rows of the page's table once loaded (not the "no data" placeholder row). */
export async function tableRows(page: Page): Promise<Locator> {
  await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined);
  await page.locator('.ant-table-tbody tr.ant-table-row, .ant-table-tbody .ant-empty').first().waitFor();
  return page.locator('.ant-table-tbody tr.ant-table-row');
}

/**
 * Chooses an option of an antd Select / TreeSelect opened from `trigger`, searching for it first when asked. Under
 * load a click can land while the list is still animating in; the choice is checked on the trigger and tried again
 * (up to three openings).
 */
export async function pick(page: Page, trigger: Locator, option: string, search?: string): Promise<void> {
  const popup = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  for (let attempt = 1; ; attempt++) {
    // Open the list unless it is still open from an attempt whose click did not land (a keypress to close it could
    // close the dialog around it instead).
    if (attempt === 1 || !(await popup.isVisible())) await trigger.click();
    if (search !== undefined) await trigger.locator('input').fill(search);
    // A click can also be intercepted by the form behind a list still moving into place, after which the list closes:
    // give up on this try after a short while and try again.
    const clicked = await popup.locator('.ant-select-item-option, .ant-select-tree-treenode', { hasText: option }).filter({ visible: true }).first()
      .locator('.ant-select-item-option-content, .ant-select-tree-title').first().click({ timeout: attempt >= 3 ? 30_000 : 8_000 })
      .then(() => true)
      .catch((error: unknown) => {
        if (attempt >= 3) throw error;
        return false;
      });
    if (!clicked) continue;
    const chosen = await expect
      .poll(() => trigger.innerText(), { timeout: 2_000 })
      .toContain(option)
      .then(() => true)
      .catch(() => false);
    if (chosen || attempt >= 3) return;
  }
}

/** The error text shown under a form item, found by its label. */
export function fieldError(scope: Locator, label: string): Locator {
  const exact = new RegExp(`^\\s*\\*?\\s*${label}\\s*$`);
  return scope
    .locator('.ant-form-item')
    .filter({ has: scope.page().locator('.ant-form-item-label label', { hasText: exact }) })
    .locator('.ant-form-item-explain-error');
}

/** The antd Select / TreeSelect of a form item, found by its label. */
export function selectOf(scope: Locator, label: string): Locator {
  const exact = new RegExp(`^\\s*\\*?\\s*${label}\\s*$`);
  return scope
    .locator('.ant-form-item')
    .filter({ has: scope.page().locator('.ant-form-item-label label', { hasText: exact }) })
    .locator('.ant-select')
    .first();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}

export function expectNoPageErrors(s: Session): void {
  expect(s.errors, s.errors.join('\n')).toEqual([]);
}

/** A form item (its whole row: label, control, errors), found by its label. */
export function formItem(scope: Locator, label: string): Locator {
  const exact = new RegExp(`^\\s*\\*?\\s*${label}\\s*$`);
  return scope.locator('.ant-form-item').filter({ has: scope.page().locator('.ant-form-item-label label', { hasText: exact }) }).first();
}

/** Closes an open Select list (a multi-select stays open after a pick) by clicking the dialog's title, not Escape (which could close the dialog). */
export async function closeDropdown(page: Page): Promise<void> {
  await page.locator('.ant-modal-title').last().click();
  // Two popups may be closing at once (each animates out), so wait for none to be visible rather than for one.
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true }).count(), { timeout: 10_000 }).toBe(0);
}
