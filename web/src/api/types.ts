/** Shapes of the API answers the SPA reads (they mirror the zod contracts of the server modules). */
export const ROLES = ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor', 'client'] as const;
export type Role = (typeof ROLES)[number];
export const LANGUAGES = ['en', 'vi', 'bg', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export const COLOR_SCHEMES = ['light', 'dark', 'system'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];
export const TEAM_KINDS = ['SALES', 'MARKETING', 'SUPPORT', 'MANAGEMENT'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** The server's own permission names: one list, so a new permission cannot be missing here. */
import type { Permission } from '../../../server/src/platform/permissions/roles.ts';

export type { Permission };

export interface BranchRef {
  id: string;
  name: string;
  code: string;
}
export interface TeamRef {
  id: string;
  name: string;
  kind: TeamKind;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  permissions: Permission[];
  phone: string | null;
  location: string | null;
  language: Language;
  timeZone: string;
  colorScheme: ColorScheme;
  branch: BranchRef | null;
  teams: TeamRef[];
  customerId: string | null;
  notificationPrefs: Record<string, { inApp: boolean; email: boolean }>;
  csrfToken: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  phone: string | null;
  location: string | null;
  language: Language;
  timeZone: string;
  branch: BranchRef | null;
  teams: TeamRef[];
  customerId: string | null;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface Branch {
  id: string;
  code: string;
  name: string;
  address: string | null;
  timeZone: string;
  active: boolean;
  version: number;
}

export interface Team {
  id: string;
  name: string;
  kind: TeamKind;
  branchId: string | null;
  manager: { id: string; name: string } | null;
  members: { id: string; name: string; role: Role }[];
  active: boolean;
  version: number;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface DemoAccounts {
  password: string;
  accounts: { email: string; role: Role; name: string }[];
}
