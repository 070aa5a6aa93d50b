import { Type } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';

export const DocumentSchema = Type.Object(
  { id: Type.String(), sha256: Type.String(), size: Type.Integer(), contentType: Type.String(), filename: Type.String(), uploadedAt: DateTime },
  { $id: 'Document' },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [DocumentSchema];
