/**
 * Front door of the images module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { captureWindowFlag, outsideSite, type ImageFlag } from './rules/flags.ts';
export { readExif, readExifTags, readHeader, thumbnailAndHash } from './inspect.ts';
export { METADATA_HEADER, decodeMetadata, encodeMetadata, parseCheckinMetadata, type CheckinMetadata } from './metadata.ts';
export { ClientAbortedError, requestBody, storeImage, type StoredImage } from './store.ts';
export { makeCameraJpeg } from './test-images.ts';
export { runImageJobs, startImageWorker, type ImageWorker } from './worker.ts';
export { IMAGE_JOB_QUEUED, addProcessImage, assertNotInFuture, idempotencyKeyUsed, imageJobSignal, insertImage, loadImageViews, projectSite, recordFlags, toFlagView, type ImageFlagView, type ImageView } from './service.ts';
export { ImageProps, imageRoutes } from './routes.ts';
