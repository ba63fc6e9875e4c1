import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, version } from '../../platform/db/columns.ts';
import { customers } from '../customers/customers.tables.ts';

export const branches = pgTable('branches', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  address: text('address'),
  timeZone: text('time_zone').notNull().default('UTC'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    location: text('location'),
    timeZone: text('time_zone').notNull().default('UTC'),
    language: text('language').notNull().default('en'),
    colorScheme: text('color_scheme').notNull().default('system'),
    avatarFileId: uuid('avatar_file_id'),
    role: text('role').notNull(),
    branchId: uuid('branch_id').references(() => branches.id),
    /** For role `client`: the customer whose portal this account belongs to. */
    customerId: uuid('customer_id').references(() => customers.id),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    deactivatedAt: ts('deactivated_at'),
    lastLoginAt: ts('last_login_at'),
    /** Which notification kinds reach the user, per channel: { "<kind>": { inApp, email } }. */
    notificationPrefs: text('notification_prefs').notNull().default('{}'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_role_idx').on(t.role, t.active),
    index('users_branch_idx').on(t.branchId),
    index('users_customer_idx').on(t.customerId),
    index('users_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

export const teams = pgTable('teams', {
  id: id(),
  name: text('name').notNull().unique(),
  kind: text('kind').notNull(),
  branchId: uuid('branch_id').references(() => branches.id),
  managerId: uuid('manager_id').references(() => users.id),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a leaked table does not hand out sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** First characters of the token, shown so the owner can tell tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Failed-login counters per account and per client address, shared by every app process. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: ts('window_start').notNull().defaultNow(),
  lockedUntil: ts('locked_until'),
});
