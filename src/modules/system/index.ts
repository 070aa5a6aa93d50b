/**
 * Front door of the system module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
export { systemRoutes } from './routes.ts';
