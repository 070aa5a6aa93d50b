/**
 * One error shape for every 4xx/5xx the API returns: `{ code, message, field? }`.
 * `code` is stable and machine-readable (UPPER_SNAKE); `message` is Simplified Chinese for the person reading it;
 * `field` names the input at fault (a JSON path such as `body.roles[1]`) where there is one.
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(statusCode: number, code: string, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

export const badRequest = (code: string, message: string, field?: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, field, details);
export const unauthorized = (code = 'AUTH_REQUIRED', message = '请先登录') => new AppError(401, code, message);
export const forbidden = (code = 'FORBIDDEN', message = '无权执行此操作') => new AppError(403, code, message);
/** Also what a caller gets for an object outside their scope: we never confirm that a foreign object exists. */
export const notFound = (code = 'NOT_FOUND', message = '对象不存在或无权查看') => new AppError(404, code, message);
export const conflict = (code: string, message: string, field?: string, details?: Record<string, unknown>) =>
  new AppError(409, code, message, field, details);
export const unprocessable = (code: string, message: string, field?: string, details?: Record<string, unknown>) =>
  new AppError(422, code, message, field, details);
export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number) =>
  new AppError(429, code, message, undefined, { retryAfterSeconds });
