import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from './kernel/http/schemas.ts';
import { auditSchemas } from './modules/audit/index.ts';
import { batchesSchemas } from './modules/batches/index.ts';
import { calendarSchemas } from './modules/calendar/index.ts';
import { checkinsSchemas } from './modules/checkins/index.ts';
import { deadlinesSchemas } from './modules/deadlines/index.ts';
import { documentsSchemas } from './modules/documents/index.ts';
import { enforcementSchemas } from './modules/enforcement/index.ts';
import { identitySchemas } from './modules/identity/index.ts';
import { imagesSchemas } from './modules/images/index.ts';
import { inspectionsSchemas } from './modules/inspections/index.ts';
import { notificationsSchemas } from './modules/notifications/index.ts';
import { organisationsSchemas } from './modules/organisations/index.ts';
import { recordsSchemas } from './modules/records/index.ts';
import { regionsSchemas } from './modules/regions/index.ts';
import { reportsSchemas } from './modules/reports/index.ts';
import { serviceRequestsSchemas } from './modules/service-requests/index.ts';
import { violationsSchemas } from './modules/violations/index.ts';
import { witnessesSchemas } from './modules/witnesses/index.ts';

/**
 * Every named shape of the API (`$id`), added once at the app root: routes reference them with `ref()`, the
 * validator compiles each once, and /openapi.json lists them under `components.schemas`.
 */
export function addApiSchemas(app: FastifyInstance): void {
  for (const schema of [ErrorResponse, ...[auditSchemas, batchesSchemas, calendarSchemas, checkinsSchemas, deadlinesSchemas, documentsSchemas, enforcementSchemas, identitySchemas, imagesSchemas, inspectionsSchemas, notificationsSchemas, organisationsSchemas, recordsSchemas, regionsSchemas, reportsSchemas, serviceRequestsSchemas, violationsSchemas, witnessesSchemas].flat()]) app.addSchema(schema);
}
