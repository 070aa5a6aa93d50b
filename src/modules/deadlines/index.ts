/**
 * Front door of the deadlines module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
export type { ForceMajeureFilingRow } from './tables.ts';
export { SWEEPER_ACTOR, startDeadlineSweeper, sweepDeadlines } from './sweeper.ts';
export { deadlineRoutes } from './routes.ts';
