import type { SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { Actor } from './auth/actor.ts';
import type { AppContext, RoomAuthorizer } from './context.ts';
import type { Db } from './db/database.ts';
import type { EventCatalogue } from './events/catalogue.ts';
import type { FileAccessResolver } from './files/files.ts';
import type { PermissionDefinitions } from './permissions/roles.ts';

/**
 * The one contract every domain module fulfils. A module's `index.ts` exports one `defineModule({...})`
 * and `server/src/modules/registry.ts` lists it once: buildApp, the seeder, the job runner, the
 * customer 360° view and global search all loop over that list, so adding a domain touches no other file.
 *
 * Everything is optional except the name; a module declares only what it has.
 */
export interface ModuleDefinition {
  /** The folder name, e.g. `tickets`. Also the prefix of its permissions, events and problem codes. */
  name: string;
  /** Its permissions with their role grants (merged into the matrix at start; a duplicate key is an error). */
  permissions?: PermissionDefinitions;
  /**
   * IAM-3: how far each role's reads reach in this module, in words. The one table of scopes (docs and
   * `GET /api/v1/…` never disagree with it): docs/ARCHITECTURE.md is checked against it by a test.
   * A role that is absent sees nothing of the module.
   */
  scopes?: Partial<Record<import('./permissions/roles.ts').Role, string>>;
  /**
   * The domain events this module records, each with the zod schema of its payload (`<module>.events.ts`,
   * via defineEvents). recordEvent accepts only catalogued events with valid payloads.
   */
  events?: EventCatalogue;
  /** Fastify plugins, each registered with `{ ctx }`. Paths must not depend on registration order. */
  routes?: FastifyPluginAsyncZod<{ ctx: AppContext }>[];
  /** Defines the module's jobs and cron schedules (ctx.jobs.define), before the job runner starts. */
  jobs?(ctx: AppContext): void;
  /** Subscribes to domain events (ctx.events.subscribe), before the dispatcher starts. */
  subscribers?(ctx: AppContext): void;
  /** Socket `subscribe` topics this module answers (null: not mine or refused). */
  roomAuthorizers?(ctx: AppContext): RoomAuthorizer[];
  /** Who may read an uploaded file that belongs to this module's records. */
  fileAccess?: FileAccessResolver[];
  /** What this module contributes to a customer (360° view sections, timeline rows, work on create). */
  customer?: CustomerContribution;
  /** Groups of the global search box (PLT-8). */
  search?: SearchProvider[];
  /**
   * Demo data, in the one seeding transaction, in module-list order. `shared` carries what earlier
   * modules made for later ones (e.g. identity's user ids by e-mail).
   */
  seed?(tx: Db, shared: SeedShared): Promise<void>;
}

/** What the seeding modules hand each other. */
export interface SeedShared {
  /** Demo user ids by e-mail (identity fills it first). */
  userIds: Map<string, string>;
  /** Where demo attachments are written, when files are stored on disk. */
  filesDir?: string;
}

/** A module's part of the customer 360° view (CUS-3) and of customer creation. */
export interface CustomerContribution {
  sections?: CustomerSection[];
  /**
   * What a module writes with every new customer (CUS-4: the "customer created" activity): ONE insert,
   * sent as a CTE of the creating statement (platform/db/one-statement.ts), so it is kept or undone
   * with the customer. Its number is not known yet: the sequence gives it in that statement (select
   * it from the CTE `customers` if needed).
   */
  onCreated?: ((db: Db, customer: Omit<CreatedCustomer, 'number'>, actor: Actor) => SQL)[];
}

export interface CustomerSection {
  /** The key of this section in the overview's `sections`. */
  name: string;
  /** Whether this actor sees the section at all (e.g. holds the module's read permission). */
  visibleTo(actor: Actor): boolean;
  /** One SQL expression (json) summarising the customer's linked records the actor may see. */
  summary(customerId: SQL, actor: Actor): SQL;
  /**
   * A SELECT of the customer's timeline rows the actor may see, with exactly these columns, in this
   * order: at timestamptz, kind text, id text, title text, data jsonb.
   */
  timeline(customerId: SQL, actor: Actor): SQL;
}

export interface CreatedCustomer {
  id: string;
  number: string;
  name: string;
  type: string;
}

/**
 * One group of global search results (PLT-8). The provider searches through its module's own list
 * search, so the module's visibility rules apply unchanged; the group is absent for callers who may
 * not read that kind of record.
 */
export interface SearchProvider<Hit = unknown> {
  /** The group's key in the response, e.g. `tickets`. */
  group: string;
  /** The shape of one hit (it documents the group in the OpenAPI document). */
  hit: ZodType<Hit>;
  visibleTo(actor: Actor): boolean;
  search(ctx: AppContext, actor: Actor, q: string, limit: number): Promise<Hit[]>;
}

/** Identity function that types a module definition (and keeps its literal permission keys). */
export function defineModule<const M extends ModuleDefinition>(definition: M): M {
  return definition;
}

/**
 * IAM-3 as one Markdown table — modules down, roles across, each cell the module's own words for how
 * far that role's reads reach. docs/ARCHITECTURE.md carries exactly this table (a test compares them).
 */
export function scopeTable(modules: readonly ModuleDefinition[], roles: readonly string[]): string {
  const cell = (text: string | undefined) => (text ?? '—').replace(/\|/g, '\\|');
  const rows = modules
    .filter((m) => m.scopes)
    .map((m) => `| ${m.name} | ${roles.map((role) => cell(m.scopes?.[role as keyof typeof m.scopes])).join(' | ')} |`);
  return [`| module | ${roles.join(' | ')} |`, `| --- |${roles.map(() => ' --- |').join('')}`, ...rows].join('\n');
}
