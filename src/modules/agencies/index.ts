/**
 * Front door of the agencies module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
export type { DateColumn, VerificationStatus } from './tables.ts';
export { assertAgencyConnected, getConnection, qualifiedSpecialties, specialtyCoverage } from './service.ts';
export { agenciesRoutes } from './routes.ts';
