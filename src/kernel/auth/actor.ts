import { forbidden, unauthorized } from '../errors.ts';

export { ROLES, ORGANISATION_TYPES, ROLES_BY_ORGANISATION_TYPE, type Role, type OrganisationType } from './roles.ts';
import type { OrganisationType, Role } from './roles.ts';

export interface OrganisationRef {
  id: string;
  name: string;
  type: OrganisationType;
  regionCode: string;
}

export interface UserActor {
  kind: 'user';
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisation: OrganisationRef | null;
  sessionTokenHash: string;
  /** Signed in with a password only, while a second factor is required: the session may only set one up. */
  secondFactorEnrollmentPending?: boolean;
  /** Signed in with a password an administrator set (or the initial one): the session may only change it. */
  passwordChangeRequired?: boolean;
}

/** An agency's own system (LIMS), authenticated by a machine credential; it acts for its organisation. */
export interface MachineActor {
  kind: 'machine';
  id: string;
  name: string;
  organisation: OrganisationRef;
}

export type Actor = UserActor | MachineActor | { kind: 'anonymous' } | { kind: 'system'; name: string };

/** Who is asking, from where, when: what every service call receives. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  clientIp: string | null;
  now: Date;
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw unauthorized();
  return actor;
}

export function requireAuthenticated(actor: Actor): UserActor | MachineActor {
  if (actor.kind !== 'user' && actor.kind !== 'machine') throw unauthorized();
  return actor;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'user' && actor.roles.some((r) => roles.includes(r));
}

export function requireRole(actor: Actor, ...roles: Role[]): UserActor {
  const user = requireUser(actor);
  if (!hasRole(user, ...roles)) throw forbidden();
  return user;
}

/**
 * What part of the platform an actor may read, decided once here and applied by every repository:
 * - `all`: platform administrators;
 * - `region`: a department officer sees their department's region and everything below it;
 * - `organisation`: everyone else sees their own organisation's data;
 * - `none`: anonymous callers.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; regionCode: string; organisationId: string }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'none' };

export function scopeOf(actor: Actor): Scope {
  if (actor.kind === 'system') return { kind: 'all' };
  if (actor.kind === 'machine') return { kind: 'organisation', organisationId: actor.organisation.id };
  if (actor.kind !== 'user') return { kind: 'none' };
  if (actor.roles.includes('platform_admin')) return { kind: 'all' };
  const org = actor.organisation;
  if (!org) return { kind: 'none' };
  if (org.type === 'department' && actor.roles.includes('dept_officer')) {
    return { kind: 'region', regionCode: org.regionCode, organisationId: org.id };
  }
  return { kind: 'organisation', organisationId: org.id };
}
