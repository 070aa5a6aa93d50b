/**
 * Front door of the personnel module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { PiiCodec } from './rules/pii.ts';
export { piiKey } from './pii-key.ts';
export { PERSONNEL_ROLES, type PersonnelRole } from './roles.ts';
export { activePersonForUser, activePersonnelCertificates, isCertifiedFor } from './service.ts';
export { personnelRoutes } from './routes.ts';
