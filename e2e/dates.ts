import type { Locator } from 'playwright-core';

/** Types a date (or date and time) into an antd picker input and confirms it with Enter. */
export async function fillDate(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Fills both inputs of an antd RangePicker found under `scope` (the form item). */
export async function fillRange(scope: Locator, from: string, to: string): Promise<void> {
  const inputs = scope.locator('.ant-picker-range input');
  await fillDate(inputs.nth(0), from);
  await fillDate(inputs.nth(1), to);
}
