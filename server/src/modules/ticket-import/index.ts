import { defineModule } from '../../platform/module.ts';
import { ticketImportPermissions } from './ticket-import.permissions.ts';
import { ticketImportEvents } from './ticket-import.events.ts';
import { ticketImportRoutes } from './ticket-import.routes.ts';

/** TKT-11 / PLT-9: tickets from CSV (preview, set-based commit) and the ticket list as CSV. */
export const ticketImportModule = defineModule({
  name: 'ticket-import',
  permissions: ticketImportPermissions,
  events: ticketImportEvents,
  scopes: {
    admin: 'imports for any component; exports every ticket',
    manager: 'imports; exports the tickets they see',
    sales: 'imports; exports the tickets they see',
    agent: 'imports; exports the tickets they see',
    auditor: 'exports every ticket',
  },
  routes: [ticketImportRoutes],
});
