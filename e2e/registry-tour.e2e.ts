import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeValidResidentId } from '../src/modules/registry/index.ts';
import { fillDate } from './dates.ts';
import { samplePdf } from './pdf.ts';
import { closeDropdown, expectNoPageErrors, fieldError, formItem, loginAndWait, openMenu, openSession, pick, screenshot, selectOf, startHarness, tableRows, type Harness, type Session } from './harness.ts';

/**
 * Walks the registry pages as the people who use them, with screenshots in .tmp/, and checks what the five flow
 * files do not: masked ID numbers and the audited reveal, the one-agency-at-a-time refusal, the calibration warning,
 * the catalogue and its JSON validation, project registration, the officer's agency list, violations, the calendar.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function run(name: string, body: (s: Session) => Promise<void>) {
  const s = await openSession(h);
  try {
    await body(s);
    expectNoPageErrors(s);
  } catch (e) {
    await screenshot(s.page, `failure-${name}`).catch(() => undefined);
    throw e;
  } finally {
    await s.close();
  }
}

test('agency admin: personnel are masked, the full number is revealed on request, a person active elsewhere is refused', () =>
  run('personnel', async ({ page }) => {
    await loginAndWait(page, 'jz.admin');
    await openMenu(page, '检测人员');
    const rows = await tableRows(page);
    await expect.poll(() => rows.count()).toBe(5);
    for (const id of await page.locator('.ant-table-tbody td.col-resident-id').allInnerTexts()) expect(id.trim()).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    await screenshot(page, 'personnel-list');

    await page.locator('.ant-table-row', { hasText: '高峰' }).locator('.person-name').click();
    const drawer = page.locator('.ant-drawer', { hasText: '高峰 · 检测人员' });
    await drawer.getByRole('button', { name: '查看完整证件号' }).click();
    await page.locator('.ant-popconfirm', { hasText: '审计日志' }).getByRole('button', { name: /^查\s?看$/ }).click();
    const full = drawer.getByTestId('resident-id-full');
    await full.waitFor();
    expect((await full.innerText()).trim()).toMatch(/^\d{17}[\dX]$/);
    await screenshot(page, 'personnel-drawer');
    await drawer.locator('.ant-drawer-close').click();

    // 李明 is active at 长春建科 (the demo's 6th person): 吉林省建正 cannot register him.
    await page.getByRole('button', { name: '注册人员' }).click();
    const dialog = page.getByRole('dialog', { name: '注册检测人员' });
    await dialog.getByLabel('姓名').fill('李明');
    await dialog.getByLabel('身份证号').fill('220102199001011234');
    await expect.poll(() => fieldError(dialog, '身份证号').innerText()).toContain('校验位');
    await dialog.getByLabel('身份证号').fill(makeValidResidentId(705, '19800719'));
    await pick(page, selectOf(dialog, '岗位'), '检测人员');
    await closeDropdown(page);
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.locator('.form-error', { hasText: '另一检测机构在职' }).waitFor();
    expect(await fieldError(dialog, '身份证号').innerText()).toContain('须先办理离职后才能在本机构注册');
    await screenshot(page, 'personnel-refused');
  }));

test('agency admin: equipment with its calibration warning', () =>
  run('equipment', async ({ page }) => {
    await loginAndWait(page, 'jz.admin');
    await openMenu(page, '检测设备');
    await tableRows(page);
    const scanner = page.locator('.ant-table-row', { hasText: '一体式钢筋扫描仪' });
    expect(await scanner.locator('.calibration-warning').innerText()).toMatch(/天后到期/);
    await page.locator('.calibration-expiring-banner').waitFor();
    await screenshot(page, 'equipment-list');
    await page.locator('.ant-table-row', { hasText: '数显回弹仪' }).locator('.equipment-name').click();
    await page.locator('.ant-drawer', { hasText: '设备密钥' }).getByText('当前使用').waitFor();
    await screenshot(page, 'equipment-drawer');
    await page.getByRole('button', { name: '轮换公钥' }).click();
    const dialog = page.getByRole('dialog', { name: '轮换设备公钥' });
    await dialog.getByLabel('设备公钥').fill('not a key');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await expect.poll(() => fieldError(dialog, '设备公钥').count()).toBe(1);
    await screenshot(page, 'equipment-key-refused');
  }));

test('platform admin: catalogue with its JSON check, and the calendar', () =>
  run('catalogue', async ({ page }) => {
    await loginAndWait(page, 'admin');
    await openMenu(page, '检测项目目录');
    await page.getByRole('tab', { name: /主体结构及装饰装修/ }).click();
    await page.getByText('回弹法检测混凝土抗压强度').first().waitFor();
    await page.locator('.ant-table-row', { hasText: '回弹法检测混凝土抗压强度' }).locator('.ant-table-row-expand-icon').click();
    await page.getByText('平均碳化深度').waitFor();
    await screenshot(page, 'catalogue');
    await page.getByRole('button', { name: '发布新版本' }).click();
    const dialog = page.getByRole('dialog', { name: /发布检测项目目录新版本/ });
    await dialog.getByLabel('修改说明').fill('测试：非法的专项代码');
    const json = dialog.locator('textarea#publish-catalogue_json');
    await json.fill('{"specialties": [{"code": "no_such_specialty", "name": "测试专项", "items": []}]}');
    await dialog.getByRole('button', { name: /发\s?布/ }).click();
    await expect.poll(() => fieldError(dialog, '目录文档（JSON）').innerText()).toContain('位置');
    await screenshot(page, 'catalogue-publish-refused');
    await dialog.getByRole('button', { name: /取\s?消/ }).click();

    await openMenu(page, '工作日历');
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'calendar');
  }));

test('construction unit: registers a project with a circular site and opens it', () =>
  run('projects', async ({ page }) => {
    await loginAndWait(page, 'builder.chen');
    await openMenu(page, '工程项目');
    await tableRows(page);
    await screenshot(page, 'projects-list');
    await page.getByRole('button', { name: '登记项目' }).click();
    const dialog = page.getByRole('dialog', { name: '登记工程项目' });
    await dialog.getByLabel('项目名称').fill('长春市南关区测试大厦工程');
    await dialog.getByLabel('施工许可证号').fill(`2201022026${String(process.pid).padStart(8, '0').slice(-8)}`);
    await pick(page, selectOf(dialog, '所在县（市、区）'), '南关区', '南关');
    await dialog.getByLabel('项目地址').fill('长春市南关区人民大街 1 号');
    await dialog.getByLabel('定位点经度').fill('116.4');
    await dialog.getByLabel('定位点纬度').fill('39.9');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    // Beijing is not in Jilin: the server names the location field.
    await expect.poll(() => fieldError(dialog, '定位点经度').innerText()).toContain('不在吉林省范围内');
    await dialog.getByLabel('定位点经度').fill('125.3245');
    await dialog.getByLabel('定位点纬度').fill('43.8867');
    await pick(page, selectOf(dialog, '施工单位'), '吉林省宏达建工集团有限公司');
    await screenshot(page, 'project-new');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.locator('.page-header h3', { hasText: '长春市南关区测试大厦工程' }).waitFor();
    await page.getByRole('tab', { name: '构件/部位' }).click();
    await page.getByText('尚未登记构件').waitFor();
    await page.getByRole('tab', { name: '项目概况' }).click();
    await screenshot(page, 'project-detail');
  }));

test('county officer: agencies of the jurisdiction with their connection, and violations', () =>
  run('officer', async ({ page }) => {
    await loginAndWait(page, 'officer.chaoyang');
    await openMenu(page, '机构接入');
    await tableRows(page);
    // 朝阳区: 长春建科 (missing equipment) and 沈阳华建 (入吉备案 expired) are both 未接入.
    const ln = page.locator('.ant-table-row', { hasText: '沈阳华建工程质量检测有限公司' });
    await expect.poll(() => ln.innerText()).toContain('未接入');
    await screenshot(page, 'officer-agencies');
    await ln.locator('.agency-name').click();
    await page.getByTestId('checklist-origin').waitFor();
    expect(await page.getByTestId('checklist-origin').innerText()).toContain('入吉备案已于');
    await screenshot(page, 'officer-agency-ln');
    await openMenu(page, '违规记录');
    await tableRows(page);
    await screenshot(page, 'violations');
  }));

test('supervision unit: registers a witness with the written authorization', () =>
  run('witness-new', async ({ page }) => {
    await loginAndWait(page, 'witness.sun');
    await openMenu(page, '见证人员');
    await tableRows(page);
    await page.getByRole('button', { name: '登记见证人员' }).click();
    const dialog = page.getByRole('dialog', { name: '登记见证人员' });
    await dialog.getByLabel('姓名').fill('王磊');
    await dialog.getByLabel('身份证号').fill(makeValidResidentId(901, '19910101'));
    await dialog.getByLabel('联系电话').fill('13843100009');
    await dialog.locator('input[type=file]').setInputFiles({ name: '见证人员授权书-王磊.pdf', mimeType: 'application/pdf', buffer: samplePdf('witness authorization') });
    await dialog.getByText('已上传').waitFor();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await fillDate(formItem(dialog, '授权书签署日期').locator('input'), today);
    await pick(page, selectOf(dialog, '授权见证的项目'), '幸福里住宅小区二期');
    await closeDropdown(page);
    await screenshot(page, 'witness-new');
    await dialog.getByRole('button', { name: /^登\s?记$/ }).click();
    const result = page.locator('.registration-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('首次登记，无变更登记期限');
    await page.getByRole('button', { name: '知道了' }).click();
    const row = page.locator('.ant-table-row', { hasText: '王磊' });
    await row.waitFor();
    expect(await row.innerText()).toContain('幸福里住宅小区二期');
    await screenshot(page, 'witnesses-list');
  }));
