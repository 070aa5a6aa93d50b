/**
 * Front door of the equipment module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
export type { CalibrationKind } from './tables.ts';
export { devicePublicKeyObject, parseDevicePublicKey } from './rules/device-key.ts';
export { EquipmentService, assertEquipmentUsable, deviceKeysAtColumn, verificationKeys, verifiedEquipmentCalibrations, type Equipment } from './service.ts';
export { EquipmentSchema, equipmentRoutes } from './routes.ts';
