/**
 * Front door of the identity module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { AuthService } from './auth.service.ts';
export { MachineCredentialService } from './machine-credentials.service.ts';
export { SecondFactorService } from './second-factor.service.ts';
export { totpCode } from './totp.ts';
export { UserService } from './users.service.ts';
export { SESSION_COOKIE, identityRoutes } from './routes.ts';
export { namedSchemas as identitySchemas } from './schemas.ts';
