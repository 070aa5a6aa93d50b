/**
 * Front door of the catalogue module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { SpecialtyCode, type CatalogueFieldDef } from './schema.ts';
export { ensureCatalogueLoaded, findItem, getCatalogueVersion, getCurrentCatalogue, validateRecordValues, type Catalogue } from './service.ts';
export { catalogueRoutes } from './routes.ts';
