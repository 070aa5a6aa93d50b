/**
 * Front door of the deadlines module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { deadlineState, possiblyMissing, sealedOnTime, type BatchTiming, type DeadlineBasis, type ForceMajeureStatus } from './rules/upload-deadline.ts';
export { currentFilings, refreshDeadline, scheduleColumns, timingOf } from './lock.ts';
export { SWEEPER_ACTOR, startDeadlineSweeper, sweepDeadlines } from './sweeper.ts';
export { supplementaryUploadCount } from './service.ts';
export { deadlineRoutes } from './routes.ts';
export { namedSchemas as deadlinesSchemas } from './schemas.ts';
