import { Type } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';

export const DocumentSchema = Type.Object(
  { id: Type.String(), sha256: Type.String(), size: Type.Integer(), contentType: Type.String(), filename: Type.String(), uploadedAt: DateTime },
  { $id: 'Document' },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [DocumentSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'DOCUMENT_EMPTY',
  'DOCUMENT_INVALID',
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_TRUNCATED',
  'DOCUMENT_TYPE_UNSUPPORTED',
  'FILE_REQUIRED',
  'MULTIPART_MALFORMED',
  'MULTIPART_REQUIRED',
];
