import { Type, type TSchema } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { SERVICE_REQUEST_STATUSES, SERVICE_REQUEST_TYPES } from './tables.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Id = Type.String({ format: 'uuid' });

export const Ref = Type.Object({ id: Id, name: Type.String() });

export const RequestType = Type.Enum(SERVICE_REQUEST_TYPES, { description: 'equipment_connection 设备对接 · image_capture 影像采集 · other 其他' });

export const Status = Type.Enum(SERVICE_REQUEST_STATUSES, { description: 'requested 待安排 · scheduled 已安排走访 · closed 已办结' });

export const Day = Type.String({ format: 'date', description: '北京时间日期 YYYY-MM-DD' });

export const Unprocessable = { 422: Type.Ref('ErrorResponse') };

export const ServiceRequestSchema = Type.Object(
  {
    id: Id,
    agency: Ref,
    regionCode: Type.String({ description: '受理辖区（项目所在地，未指定项目时为机构所在地）' }),
    regionName: Type.String(),
    project: Nullable(Ref),
    type: RequestType,
    typeLabel: Type.String(),
    description: Type.String(),
    contactPhone: Nullable(Type.String()),
    status: Status,
    statusLabel: Type.String(),
    createdAt: DateTime,
    createdByName: Type.String(),
    visitDate: Nullable(Type.String()),
    visitOfficer: Nullable(Ref),
    scheduledAt: Nullable(DateTime),
    closedAt: Nullable(DateTime),
    closeNote: Nullable(Type.String()),
  },
  { $id: 'ServiceRequest' },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [ServiceRequestSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'PROJECT_NOT_FOUND',
  'SERVICE_REQUEST_AGENCY_ONLY',
  'SERVICE_REQUEST_CLOSED',
  'SERVICE_REQUEST_DEPARTMENT_ONLY',
  'SERVICE_REQUEST_NOT_FOUND',
  'VISIT_DATE_PAST',
  'VISIT_OFFICER_INVALID',
];
