/**
 * The routes an agency's own system (LIMS, instruments) may call with a machine credential (issue 15 item 6). A
 * credential is a long-lived secret kept in a lab server: if it leaks, it must open only what an agency system needs
 * — read the references it files against, open batches, upload records and images (direct and resumable), complete
 * and seal, read back its batches, anomalies, reports and ledger receipts — and nothing of people, organisations,
 * enforcement or the platform's own administration. Everything else answers 403 MACHINE_ROUTE_NOT_ALLOWED.
 *
 * Keys are `METHOD url` in Fastify's form (`:id`); HEAD is read as GET. The OpenAPI document marks exactly these
 * operations with the `machine` security scheme (kernel/http/openapi.ts), so the list is published where integrators
 * read it, and a test calls every operation with a credential to hold the two together.
 */
const ROUTES = [
  // References an agency system files against.
  'GET /api/v1/catalogue',
  'GET /api/v1/catalogue/versions/:version',
  'GET /api/v1/commissions',
  'GET /api/v1/commissions/:id',
  'GET /api/v1/projects/:id',
  'GET /api/v1/projects/:id/components',
  'GET /api/v1/components/resolve/:componentId',
  'GET /api/v1/personnel',
  'GET /api/v1/personnel/:id',
  'GET /api/v1/equipment',
  'GET /api/v1/equipment/:id',
  'GET /api/v1/witnesses',
  'GET /api/v1/batches/witness-options',
  // Batches, records, images.
  'GET /api/v1/batches',
  'POST /api/v1/batches',
  'GET /api/v1/batches/:id',
  'GET /api/v1/batches/:id/events',
  'GET /api/v1/batches/:id/deadline',
  'GET /api/v1/batches/:id/checkins',
  'GET /api/v1/batches/:id/manual-entry-exceptions',
  'POST /api/v1/batches/:id/records',
  'GET /api/v1/batches/:id/records',
  'POST /api/v1/batches/:id/images',
  'GET /api/v1/batches/:id/images',
  'GET /api/v1/images/:id',
  'GET /api/v1/images/:id/content',
  'GET /api/v1/images/:id/thumbnail',
  'OPTIONS /api/v1/uploads',
  'POST /api/v1/batches/:id/uploads',
  'GET /api/v1/uploads/:id',
  'PATCH /api/v1/uploads/:id',
  'DELETE /api/v1/uploads/:id',
  'POST /api/v1/batches/:id/complete',
  'POST /api/v1/batches/:id/seal',
  'GET /api/v1/anomalies',
  // Lateness the system itself knows of (its network was down): a force-majeure filing for the department to decide.
  'POST /api/v1/batches/:id/force-majeure',
  // An agency's own capture app (issue 11): enrols its key for approval and fetches fresh challenges to sign.
  'GET /api/v1/capture/keys',
  'POST /api/v1/capture/keys',
  'POST /api/v1/capture/challenges',
  // Reports and the receipts of the evidence.
  'GET /api/v1/reports',
  'GET /api/v1/reports/:id',
  'GET /api/v1/reports/:id/pdf',
  'GET /api/v1/ledger/key',
  'GET /api/v1/ledger/checkpoints/latest',
  'GET /api/v1/ledger/inclusion',
  'GET /api/v1/ledger/consistency',
  'GET /api/v1/ledger/entries/:id',
  'GET /api/v1/ledger/objects/:type/:id',
] as const;

export const MACHINE_ROUTES: ReadonlySet<string> = new Set(ROUTES);

/** Whether a machine credential may call this route (`url` as Fastify registered it). */
export function machineMayCall(method: string, url: string | undefined): boolean {
  if (url === undefined) return false;
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return MACHINE_ROUTES.has(`${m} ${url}`);
}
