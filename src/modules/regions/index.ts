/**
 * Front door of the regions module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
export type { RegionRow } from './tables.ts';
export { loadRegionData } from './region-data.ts';
export { RegionService } from './service.ts';
export { regionRoutes } from './routes.ts';
