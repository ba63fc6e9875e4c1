import { z } from 'zod';
import { COLOR_SCHEMES, isoDateTime, LANGUAGES, timeZone } from '../../platform/http/common-schemas.ts';
import { PASSWORD_MIN_LENGTH } from '../../platform/auth/passwords.ts';
import { allPermissions, type Permission, ROLES } from '../../platform/permissions/roles.ts';

export const TEAM_KINDS = ['SALES', 'MARKETING', 'SUPPORT', 'MANAGEMENT'] as const;

const email = z.email().max(254).transform((e) => e.trim().toLowerCase());
const name = z.string().trim().min(1).max(120);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export const teamRef = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(TEAM_KINDS) });
export const branchRef = z.object({ id: z.uuid(), name: z.string(), code: z.string() });

/**
 * The signed-in user. Built when the routes are registered, after every module has declared its
 * permissions, so the OpenAPI document lists every permission key.
 */
export const meResponse = () => z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  permissions: z.array(z.enum(allPermissions() as [Permission, ...Permission[]])),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  language: z.enum(LANGUAGES),
  timeZone: z.string(),
  colorScheme: z.enum(COLOR_SCHEMES),
  branch: branchRef.nullable(),
  teams: z.array(teamRef),
  customerId: z.uuid().nullable(),
  notificationPrefs: z.record(z.string(), z.object({ inApp: z.boolean(), email: z.boolean() })),
  csrfToken: z.string().nullable(),
});

export const updateMeBody = z.strictObject({
  name: name.optional(),
  phone: optionalText(40),
  location: optionalText(120),
  language: z.enum(LANGUAGES).optional(),
  timeZone: timeZone.optional(),
  colorScheme: z.enum(COLOR_SCHEMES).optional(),
  notificationPrefs: z.record(z.string().max(60), z.strictObject({ inApp: z.boolean(), email: z.boolean() })).optional(),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(1024),
});

export const userResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  language: z.enum(LANGUAGES),
  timeZone: z.string(),
  branch: branchRef.nullable(),
  teams: z.array(teamRef),
  customerId: z.uuid().nullable(),
  active: z.boolean(),
  lastLoginAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  version: z.number().int(),
});

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  branchId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const createUserBody = z.strictObject({
  email,
  name,
  role: z.enum(ROLES),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(1024),
  phone: optionalText(40),
  location: optionalText(120),
  language: z.enum(LANGUAGES).default('en'),
  timeZone: timeZone.default('UTC'),
  branchId: z.uuid().nullable().optional(),
  teamIds: z.array(z.uuid()).max(50).default([]),
  customerId: z.uuid().nullable().optional(),
});

export const updateUserBody = z.strictObject({
  email: email.optional(),
  name: name.optional(),
  role: z.enum(ROLES).optional(),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(1024).optional(),
  phone: optionalText(40),
  location: optionalText(120),
  language: z.enum(LANGUAGES).optional(),
  timeZone: timeZone.optional(),
  branchId: z.uuid().nullable().optional(),
  teamIds: z.array(z.uuid()).max(50).optional(),
  customerId: z.uuid().nullable().optional(),
});

export const branchResponse = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  timeZone: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});

export const branchBody = z.strictObject({
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only.'),
  name,
  address: optionalText(300),
  timeZone: timeZone.default('UTC'),
  active: z.boolean().default(true),
});
export const branchPatch = branchBody.partial().strict();

export const teamResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  branchId: z.uuid().nullable(),
  manager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  members: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(ROLES) })),
  active: z.boolean(),
  version: z.number().int(),
});

export const teamBody = z.strictObject({
  name,
  kind: z.enum(TEAM_KINDS),
  branchId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  memberIds: z.array(z.uuid()).max(500).default([]),
  active: z.boolean().default(true),
});
export const teamPatch = z.strictObject({
  name: name.optional(),
  kind: z.enum(TEAM_KINDS).optional(),
  branchId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  memberIds: z.array(z.uuid()).max(500).optional(),
  active: z.boolean().optional(),
});

export const apiTokenResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
});
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const demoAccount = z.object({ email: z.string(), role: z.enum(ROLES), name: z.string() });

export type CreateUserInput = z.infer<typeof createUserBody>;
export type UpdateUserInput = z.infer<typeof updateUserBody>;
export type UpdateMeInput = z.infer<typeof updateMeBody>;
export type BranchInput = z.infer<typeof branchBody>;
export type TeamInput = z.infer<typeof teamBody>;
export type TeamPatchInput = z.infer<typeof teamPatch>;
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
