/**
 * Front door of the enforcement module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
export type { EnforcementCaseRow } from './tables.ts';
export { startEnforcementWorker } from './worker.ts';
export { enforcementRoutes } from './routes.ts';
