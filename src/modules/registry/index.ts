/**
 * Front door of the registry module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
export { makeValidResidentId, maskResidentId, normaliseResidentId, validateResidentId } from './rules/resident-id.ts';
export { makeValidUscc, validateUscc } from './rules/uscc.ts';
