/**
 * Signed field capture (issue 11): capture keys, challenges, the signed manifest and its verification. Other modules
 * (images, check-ins) verify a capture and store it beside the image through these.
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { parseCaptureEnvelope, type CaptureEnvelope, type CaptureManifest, type DeclaredCapture, type CaptureAlgorithm } from './manifest.ts';
export { verifyCapture, recordImageCapture, captureStatuses, UNSIGNED_CAPTURE, type CaptureStatus, type VerifiedCapture } from './service.ts';
export { captureRoutes } from './routes.ts';
export { CaptureStatusInline } from './schemas.ts';
