/**
 * Front door of the service-requests module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { serviceRequestEvents } from './service.ts';
export { serviceRequestRoutes } from './routes.ts';
