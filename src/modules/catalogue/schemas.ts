import { Type } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { CatalogueDocument } from './schema.ts';

export const VersionInfo = {
  version: Type.Integer({ minimum: 1, description: '版本号' }),
  checksum: Type.String({ description: '文档 SHA-256（键排序后的 JSON）' }),
  note: Type.String({ description: '修改说明' }),
  authorName: Type.String({ description: '发布人' }),
  createdAt: DateTime,
  itemCount: Type.Integer({ minimum: 0, description: '检测项目数' }),
};

export const CatalogueVersionInfo = Type.Object(VersionInfo);

export const CatalogueSchema = Type.Object({ ...VersionInfo, document: CatalogueDocument });

export const ItemChanges = Type.Object({
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  changed: Type.Array(Type.String()),
});

export const PublishBody = Type.Object(
  {
    basedOnVersion: Type.Integer({ minimum: 1, description: '编辑所基于的版本号；已有更新版本时返回 409' }),
    note: Type.String({ minLength: 2, maxLength: 500, description: '本版修改说明' }),
    document: CatalogueDocument,
  },
  { additionalProperties: false },
);

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'CATALOGUE_DOCUMENT_INVALID',
  'CATALOGUE_FIELD_BOUND_NOT_INTEGER',
  'CATALOGUE_FIELD_KEY_DUPLICATE',
  'CATALOGUE_FIELD_MAX_LENGTH_UNEXPECTED',
  'CATALOGUE_FIELD_OPTIONS_REQUIRED',
  'CATALOGUE_FIELD_OPTIONS_UNEXPECTED',
  'CATALOGUE_FIELD_OPTION_DUPLICATE',
  'CATALOGUE_FIELD_RANGE_INVERTED',
  'CATALOGUE_FIELD_RANGE_UNEXPECTED',
  'CATALOGUE_FIELD_UNIT_REQUIRED',
  'CATALOGUE_FIELD_UNIT_UNEXPECTED',
  'CATALOGUE_ITEM_CODE_DUPLICATE',
  'CATALOGUE_MISSING',
  'CATALOGUE_NOTE_REQUIRED',
  'CATALOGUE_SPECIALTY_DUPLICATE',
  'CATALOGUE_SPECIALTY_EMPTY',
  'CATALOGUE_SPECIALTY_MISSING',
  'CATALOGUE_SPECIALTY_NAME_MISMATCH',
  'CATALOGUE_UNCHANGED',
  'CATALOGUE_VERSION_NOT_FOUND',
  'EDIT_CONFLICT',
  'RECORD_FIELD_ABOVE_MAX',
  'RECORD_FIELD_BELOW_MIN',
  'RECORD_FIELD_NOT_INTEGER',
  'RECORD_FIELD_NOT_NUMBER',
  'RECORD_FIELD_NOT_TEXT',
  'RECORD_FIELD_OPTION_UNKNOWN',
  'RECORD_FIELD_REQUIRED',
  'RECORD_FIELD_TOO_LONG',
  'RECORD_FIELD_UNKNOWN',
];
