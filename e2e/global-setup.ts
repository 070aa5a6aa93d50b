import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

/** Debian's Chromium, headless, without the background traffic a test machine does not want. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

declare module 'vitest' {
  export interface ProvidedContext {
    /** The one Chromium every browser-test file connects to (each file opens its own contexts). */
    chromiumWs: string;
  }
}

/** One Chromium for the whole browser-test run instead of one per file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  project.provide('chromiumWs', server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
