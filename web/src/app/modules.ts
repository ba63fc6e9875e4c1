/**
 * The web modules, in menu order: the router (router.tsx) and the menus (navigation.ts) are assembled
 * from this one list. A new module adds its index.tsx here.
 */
import { activities } from '../modules/activities/index.tsx';
import { admin } from '../modules/admin/index.tsx';
import { customerImport } from '../modules/customer-import/index.tsx';
import { customers } from '../modules/customers/index.tsx';
import { handover } from '../modules/handover/index.tsx';
import { identity } from '../modules/identity/index.tsx';
import { knowledge } from '../modules/knowledge/index.tsx';
import { pool } from '../modules/pool/index.tsx';
import { portal } from '../modules/portal/index.tsx';
import { ticketImport } from '../modules/ticket-import/index.tsx';
import { tickets } from '../modules/tickets/index.tsx';
import type { WebModule } from './module.ts';

export const WEB_MODULES: readonly WebModule[] = [identity, customers, customerImport, activities, pool, handover, tickets, knowledge, ticketImport, portal, admin];
