/**
 * The database's tables as Kysely sees them. Each domain module declares its own tables by augmenting this
 * interface in its `tables.ts` (`declare module '../../kernel/db/types.ts' { interface Database { … } }`),
 * so a module's schema lives beside its code while queries across the app stay type-checked. Each module's
 * `index.ts` pulls its `tables.ts` in, and the type-only imports below pull every module in: this is the one place
 * the whole schema is assembled, so no module imports another module's `tables.ts` for its side effect. (Type-only
 * imports are erased at run time, so the kernel does not load any module.)
 */
import type {} from '../../modules/agencies/index.ts';
import type {} from '../../modules/batches/index.ts';
import type {} from '../../modules/calendar/index.ts';
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

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
