/**
 * The whole schema, assembled in one place: every module's `index.ts` brings its `tables.ts`, which augments the
 * kernel's `Database` interface (`types.ts`). The composition root (`src/app.ts`) imports this file, so any program
 * that builds the app sees every table. Kept apart from `types.ts` so that pure files the console bundles (they may
 * import `types.ts` for a type) do not pull the server's modules into the console's type check.
 * Type-only imports: erased at run time, the kernel loads no module.
 */
import type {} from '../../modules/agencies/index.ts';
import type {} from '../../modules/batches/index.ts';
import type {} from '../../modules/calendar/index.ts';
import type {} from '../../modules/capture/index.ts';
import type {} from '../../modules/catalogue/index.ts';
import type {} from '../../modules/checkins/index.ts';
import type {} from '../../modules/commissions/index.ts';
import type {} from '../../modules/components/index.ts';
import type {} from '../../modules/deadlines/index.ts';
import type {} from '../../modules/documents/index.ts';
import type {} from '../../modules/enforcement/index.ts';
import type {} from '../../modules/equipment/index.ts';
import type {} from '../../modules/identity/index.ts';
import type {} from '../../modules/images/index.ts';
import type {} from '../../modules/inspections/index.ts';
import type {} from '../../modules/notifications/index.ts';
import type {} from '../../modules/organisations/index.ts';
import type {} from '../../modules/personnel/index.ts';
import type {} from '../../modules/projects/index.ts';
import type {} from '../../modules/records/index.ts';
import type {} from '../../modules/regions/index.ts';
import type {} from '../../modules/reports/index.ts';
import type {} from '../../modules/service-requests/index.ts';
import type {} from '../../modules/violations/index.ts';
import type {} from '../../modules/witnesses/index.ts';
