/**
 * Front door of the inspections module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { beijingDayWindow } from './rules/daily-check.ts';
export { writeSnapshot } from './daily-check.ts';
export { startDailyCheckJob } from './daily-job.ts';
export { executeDraw, publishDraw, verifyRecord, type DrawRecord } from './draws.ts';
export { inspectionRoutes } from './routes.ts';
