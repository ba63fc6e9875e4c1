import type { ModuleDefinition } from '../platform/module.ts';
import { activitiesModule } from './activities/index.ts';
import { customerImportModule } from './customer-import/index.ts';
import { customersModule } from './customers/index.ts';
import { handoverModule } from './handover/index.ts';
import { identityModule } from './identity/index.ts';
import { knowledgeModule } from './knowledge/index.ts';
import { poolModule } from './pool/index.ts';
import { searchModule } from './search/index.ts';
import { systemModule } from './system/index.ts';
import { ticketImportModule } from './ticket-import/index.ts';
import { ticketsModule } from './tickets/index.ts';

/**
 * Every domain module, once. buildApp registers their routes, jobs, subscribers, rooms and file rules;
 * the seeder runs their seed steps in this order (identity first: the others use its user ids); the
 * 360° view and global search show their sections and groups in this order. Adding a domain is one
 * folder and one line here.
 */
export const MODULES: readonly ModuleDefinition[] = [
  identityModule,
  systemModule,
  customersModule,
  customerImportModule,
  activitiesModule,
  handoverModule,
  poolModule,
  ticketsModule,
  ticketImportModule,
  knowledgeModule,
  searchModule,
];
