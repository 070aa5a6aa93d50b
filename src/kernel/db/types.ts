/**
 * The database's tables as Kysely sees them. Each domain module declares its own tables by augmenting this
 * interface in its `tables.ts` (`declare module '../../kernel/db/types.ts' { interface Database { … } }`),
 * so a module's schema lives beside its code while queries across the app stay type-checked.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
