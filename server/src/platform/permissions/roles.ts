/**
 * Roles and the permission matrix (IAM-2). Each module declares its own permissions with their role
 * grants (`<module>.permissions.ts`, via definePermissions); they are merged here when the module is
 * loaded, and a route declares the permission it needs so the auth hook refuses everyone else.
 * The platform itself imports no module: the matrix is filled by whoever loads the modules.
 */
export const ROLES = ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor', 'client'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ROLES.filter((r) => r !== 'client');

/**
 * Every permission key, as a type. Each module's permissions file adds its keys by augmenting this
 * interface, so `can(role, 'tickets.raed')` and a route declaring an unknown permission fail to compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation (each <m>.permissions.ts)
export interface PermissionRegistry {}
export type Permission = keyof PermissionRegistry & string;
/** What a route declares: a permission, any signed-in user, or nobody at all (public). */
export type RouteAccess = Permission | 'authenticated' | 'public';

export interface PermissionDefinition {
  /** The roles granted this permission. */
  roles: readonly Role[];
  /** What it allows, in one line (shown in the docs' matrix). */
  description: string;
}
export type PermissionDefinitions = Record<string, PermissionDefinition>;

const matrix = new Map<string, PermissionDefinition>();

/**
 * Declares a module's permissions and merges them into the matrix. Called once at module load; a key
 * declared twice with other grants is a programming error and throws at start.
 */
export function definePermissions<const D extends PermissionDefinitions>(definitions: D): D {
  for (const [key, definition] of Object.entries(definitions)) {
    const known = matrix.get(key);
    if (known && known !== definition) throw new Error(`permission ${key} is declared twice`);
    for (const role of definition.roles) if (!isRole(role)) throw new Error(`permission ${key} grants unknown role ${role}`);
    matrix.set(key, definition);
  }
  return definitions;
}

export function can(role: Role, permission: Permission): boolean {
  const definition = matrix.get(permission);
  // Deny by default, loudly: a check against a permission nobody declared is a bug, not a refusal.
  if (!definition) throw new Error(`unknown permission ${permission}`);
  return definition.roles.includes(role);
}

/**
 * Every declared permission key, sorted: declaration order is module import order, which differs between
 * processes (a test worker that imported another module first), and the generated web types must not.
 */
export function allPermissions(): Permission[] {
  return [...matrix.keys()].sort() as Permission[];
}

export function isPermission(value: string): value is Permission {
  return matrix.has(value);
}

/** The whole matrix: permission → its definition. */
export function permissionMatrix(): ReadonlyMap<Permission, PermissionDefinition> {
  return matrix as ReadonlyMap<Permission, PermissionDefinition>;
}

export function permissionsOf(role: Role): Permission[] {
  return allPermissions().filter((p) => can(role, p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
