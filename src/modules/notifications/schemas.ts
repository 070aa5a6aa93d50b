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
