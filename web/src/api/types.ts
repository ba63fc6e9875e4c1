/**
 * Shapes of the identity and organisation answers the SPA reads: aliases of the types generated from the
 * server's OpenAPI document (schema.gen.ts). The runtime lists below are for pickers; `every` makes the
 * compiler check each one against the generated union, both ways.
 */
import { type ElementOf, every, type ItemOf, type ResponseOf } from './schema.ts';

export type { Permission } from './schema.ts';

export type Me = ResponseOf<'/api/v1/me', 'get'>;
export type Role = Me['role'];
export type Language = Me['language'];
export type ColorScheme = Me['colorScheme'];
export type BranchRef = NonNullable<Me['branch']>;
export type TeamRef = ElementOf<Me['teams']>;
export type TeamKind = TeamRef['kind'];

export const ROLES = every<Role>({ admin: true, manager: true, sales: true, agent: true, marketing: true, auditor: true, client: true });
export const LANGUAGES = every<Language>({ en: true, vi: true, bg: true, zh: true });
export const COLOR_SCHEMES = every<ColorScheme>({ light: true, dark: true, system: true });
export const TEAM_KINDS = every<TeamKind>({ SALES: true, MARKETING: true, SUPPORT: true, MANAGEMENT: true });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type User = ItemOf<'/api/v1/users'>;
export type Branch = ElementOf<ResponseOf<'/api/v1/branches', 'get'>['items']>;
export type Team = ElementOf<ResponseOf<'/api/v1/teams', 'get'>['items']>;
export type ApiToken = ElementOf<ResponseOf<'/api/v1/me/tokens', 'get'>['items']>;
export type DemoAccounts = ResponseOf<'/api/v1/auth/demo-accounts', 'get'>;
