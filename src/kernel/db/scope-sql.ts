import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../auth/actor.ts';
import type { Database } from './types.ts';

/**
 * The SQL side of `Scope`: predicates every repository composes into its WHERE clause, so that scoping is a
 * property of the query, not of the console. A jurisdiction is the region's subtree, found by path prefix.
 */
export function regionInSubtree(regionColumn: Expression<string | null>, rootCode: string): Expression<SqlBool> {
  return sql<SqlBool>`${regionColumn} in (
    select r.code from regions r
    where r.path like (select root.path from regions root where root.code = ${rootCode}) || '%')`;
}

/** Rows owned by an organisation (`orgColumn`) and located in a region (`regionColumn`). */
export function visibleTo(
  scope: Scope,
  cols: { organisation: Expression<string | null>; region: Expression<string | null> },
): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'region':
      return regionInSubtree(cols.region, scope.regionCode);
    case 'organisation':
      return sql<SqlBool>`${cols.organisation} = ${scope.organisationId}`;
    case 'none':
      return sql<SqlBool>`false`;
  }
}

export type { ExpressionBuilder, Database };

/** Escapes LIKE's wildcards in user text, so a search for "10%" finds "10%" and not everything after "10". */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` for a case-insensitive "contains" search on trimmed user input. */
export const containsPattern = (text: string): string => `%${escapeLike(text.trim())}%`;
