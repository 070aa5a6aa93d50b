import { api } from '../../api.ts';
import { rolesForOrganisationType } from '../../labels.ts';
import type { Me, NewUser, OrganisationType, Page, Role, User } from '../../types.ts';

export interface UserFilters {
  q: string;
  organisationId?: string;
}

export const listUsers = (f: UserFilters, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<Page<User>>('/users', { q: f.q.trim(), organisationId: f.organisationId, page, pageSize }, signal);

export const createUser = (body: NewUser) => api.post<User>('/users', body);

export const setUserRoles = (id: string, roles: Role[]) => api.put<User>(`/users/${encodeURIComponent(id)}/roles`, { roles });

export const setUserStatus = (id: string, action: 'disable' | 'enable') => api.post<User>(`/users/${encodeURIComponent(id)}/${action}`);

export const resetUserPassword = (id: string, newPassword: string) =>
  api.post<void>(`/users/${encodeURIComponent(id)}/reset-password`, { newPassword });

export const resetUserSecondFactor = (id: string, reason: string) =>
  api.post<void>(`/users/${encodeURIComponent(id)}/second-factor/reset`, { reason });

/** Roles `me` may give to a person of an organisation of `type` (null: no organisation, i.e. a platform administrator). */
export function assignableFor(me: Me, type: OrganisationType | null): Role[] {
  const fitting = rolesForOrganisationType(type);
  return me.assignableRoles.filter((r) => fitting.includes(r));
}

/** Whether `me` may change this person (the server decides; this only hides buttons it would refuse). */
export function canManageUser(me: Me, u: User): boolean {
  if (me.roles.includes('platform_admin')) return true;
  return me.roles.includes('agency_admin') && me.organisation !== null && u.organisationId === me.organisation.id;
}
