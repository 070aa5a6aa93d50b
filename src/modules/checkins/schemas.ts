import { Type } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { ImageProps } from '../images/index.ts';

export const Id = Type.String({ format: 'uuid' });

export const Flag = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  detectedAt: DateTime,
  status: Type.Enum(['open', 'acknowledged'] as const),
});

export const CheckinSchema = Type.Object(
  {
    id: Id,
    batchId: Id,
    witness: Type.Object({ personId: Id, name: Type.String() }),
    userId: Id,
    checkedInAt: DateTime,
    location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
    insideSite: Type.Boolean({ description: '签到位置在项目范围内（含定位容差）' }),
    namedOnBatch: Type.Boolean({ description: '签到人是批次登记的见证人员' }),
    photo: Type.Object(ImageProps, { description: '签到照片（影像类型 witness_checkin）' }),
    flags: Type.Array(Flag),
  },
  { $id: 'WitnessCheckin' },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [CheckinSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'CHECKIN_WITNESS_NOT_LINKED',
  'CHECKIN_WITNESS_ONLY',
  'IMAGE_TOO_LARGE',
  'IMAGE_TYPE_UNSUPPORTED',
  'UPLOAD_INCOMPLETE',
];
