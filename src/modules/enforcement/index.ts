/**
 * Front door of the enforcement module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { appendCaseEvent, beijingYear, reassessOrganisation } from './reassess.ts';
export { startEnforcementWorker } from './worker.ts';
export { enforcementRoutes } from './routes.ts';
export { namedSchemas as enforcementSchemas } from './schemas.ts';
