import { iso } from '../../platform/http/common-schemas.ts';
import type { getUserView } from './identity.repository.ts';

type UserView = NonNullable<Awaited<ReturnType<typeof getUserView>>>;

/** Shapes a user for the API: explicit fields only (no hash, no preferences of others). */
export function presentUser(u: UserView) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as any,
    phone: u.phone,
    location: u.location,
    language: u.language as any,
    timeZone: u.timeZone,
    branch: u.branch,
    teams: u.teams as any,
    customerId: u.customerId,
    active: u.active,
    lastLoginAt: iso(u.lastLoginAt),
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  };
}

export function presentTeam(t: { id: string; name: string; kind: string; branchId: string | null; manager: unknown; members: unknown; active: boolean; version: number }) {
  return { id: t.id, name: t.name, kind: t.kind as any, branchId: t.branchId, manager: t.manager as any, members: t.members as any, active: t.active, version: t.version };
}
