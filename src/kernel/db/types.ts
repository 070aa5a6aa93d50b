/**
 * The database's tables as Kysely sees them. Each domain module declares its own tables by augmenting this
 * interface in its `tables.ts` (`declare module '../../kernel/db/types.ts' { interface Database { … } }`),
 * so a module's schema lives beside its code while queries across the app stay type-checked. Each module's
 * `index.ts` pulls its `tables.ts` in, and `schema.ts` pulls every module in, once: no module imports another
 * module's `tables.ts` for its side effect.
 */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
