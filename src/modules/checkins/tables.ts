import type { Generated, Selectable } from 'kysely';

/**
 * Witness check-ins (见证人员现场签到, migration 0008): append-only. The batches module counts the rows of a batch
 * (`witness_checkins.batch_id`) when it is sealed.
 */
export interface WitnessCheckinsTable {
  id: Generated<string>;
  batch_id: string;
  witness_person_id: string;
  user_id: string;
  image_id: string;
  checked_in_at: Date;
  location_lat: number;
  location_lng: number;
  inside_site: boolean;
  named_on_batch: boolean;
}
export type WitnessCheckinRow = Selectable<WitnessCheckinsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    witness_checkins: WitnessCheckinsTable;
  }
}
