import { Type, type TSchema } from 'typebox';

/** Shared schema pieces; each module keeps its own resource schemas beside its routes. */
export const ErrorResponse = Type.Object(
  {
    code: Type.String({ description: '稳定的机器可读错误码' }),
    message: Type.String({ description: '中文错误说明' }),
    field: Type.Optional(Type.String({ description: '出错的字段，如 body.uscc' })),
    details: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: '可供程序处理的细节，如出具报告被拒时尚待处理的异常清单（anomalies）' }),
    ),
  },
  { $id: 'ErrorResponse', description: '统一错误格式' },
);

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });

/** The 4xx answers most routes can give; spread into a route's `response`. */
export const commonErrors = {
  400: Type.Ref('ErrorResponse'),
  401: Type.Ref('ErrorResponse'),
  403: Type.Ref('ErrorResponse'),
  404: Type.Ref('ErrorResponse'),
  409: Type.Ref('ErrorResponse'),
};

export const DateTime = Type.String({ format: 'date-time' });
export const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const pageBounds = (q: { page?: number; pageSize?: number }) => {
  const pageSize = q.pageSize ?? 20;
  return { limit: pageSize, offset: ((q.page ?? 1) - 1) * pageSize };
};
