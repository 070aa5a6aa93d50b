import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from './kernel/http/schemas.ts';
import { namedSchemas as audit } from './modules/audit/schemas.ts';
import { namedSchemas as batches } from './modules/batches/schemas.ts';
import { namedSchemas as calendar } from './modules/calendar/schemas.ts';
import { namedSchemas as checkins } from './modules/checkins/schemas.ts';
import { namedSchemas as deadlines } from './modules/deadlines/schemas.ts';
import { namedSchemas as documents } from './modules/documents/schemas.ts';
import { namedSchemas as enforcement } from './modules/enforcement/schemas.ts';
import { namedSchemas as identity } from './modules/identity/schemas.ts';
import { namedSchemas as images } from './modules/images/schemas.ts';
import { namedSchemas as inspections } from './modules/inspections/schemas.ts';
import { namedSchemas as notifications } from './modules/notifications/schemas.ts';
import { namedSchemas as organisations } from './modules/organisations/schemas.ts';
import { namedSchemas as records } from './modules/records/schemas.ts';
import { namedSchemas as regions } from './modules/regions/schemas.ts';
import { namedSchemas as reports } from './modules/reports/schemas.ts';
import { namedSchemas as serviceRequests } from './modules/service-requests/schemas.ts';
import { namedSchemas as violations } from './modules/violations/schemas.ts';
import { namedSchemas as witnesses } from './modules/witnesses/schemas.ts';

/**
 * Every named shape of the API (`$id`), added once at the app root: routes reference them with `ref()`, the
 * validator compiles each once, and /openapi.json lists them under `components.schemas`.
 */
export function addApiSchemas(app: FastifyInstance): void {
  for (const schema of [ErrorResponse, ...[audit, batches, calendar, checkins, deadlines, documents, enforcement, identity, images, inspections, notifications, organisations, records, regions, reports, serviceRequests, violations, witnesses].flat()]) app.addSchema(schema);
}
