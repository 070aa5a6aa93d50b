/**
 * Front door of the reports module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { QR_BOX } from './pdf.ts';
export { generateReport } from './service.ts';
export { newCheckCode, normaliseCheckCode } from './rules/number.ts';
export { reportRoutes } from './routes.ts';
export { namedSchemas as reportsSchemas } from './schemas.ts';
