/**
 * Front door of the projects module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { distanceMetres, isInsideSite, type LngLat, type SiteBoundary } from './rules/geo.ts';
export { normalisePermitNumber } from './rules/permit.ts';
export { ProjectService, findVisibleProject, handlingDepartmentRegion, visibleProjectIds, type Project } from './service.ts';
export { ProjectSchema, projectRoutes } from './routes.ts';
