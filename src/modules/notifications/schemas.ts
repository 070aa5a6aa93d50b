import { Type } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from './service.ts';

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const NotificationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.Enum(NOTIFICATION_KINDS, { description: NOTIFICATION_KINDS.map((k) => `${k} ${NOTIFICATION_KIND_LABELS[k]}`).join(' · ') }),
    kindLabel: Type.String(),
    title: Type.String(),
    body: Type.String(),
    batchId: Nullable(Type.String({ format: 'uuid' })),
    filingId: Nullable(Type.String({ format: 'uuid' })),
    createdAt: DateTime,
    readAt: Nullable(DateTime),
  },
  { $id: 'Notification' },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [NotificationSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'NOTIFICATION_NOT_FOUND',
];
