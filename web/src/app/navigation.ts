import {
  IconAddressBook,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconFileImport,
  IconFileUpload,
  IconForms,
  IconClockPlay,
  IconHome,
  IconMail,
  IconRecycle,
  IconTransfer,
  IconSettings,
  IconCategory,
  IconClockExclamation,
  IconStack2,
  IconTicket,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { Permission } from '../api/types.ts';

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  /** i18n key of a one-line description (home quick links). */
  description: string;
  icon: Icon;
  /** Shown only when /me lists this permission; absent = every staff user. */
  permission?: Permission;
}

export const MAIN_NAV: NavItem[] = [
  { to: '/', label: 'nav.home', description: 'nav.homeHint', icon: IconHome },
  { to: '/customers', label: 'customers.nav.customers', description: 'customers.nav.customersHint', icon: IconAddressBook, permission: 'customers.read' },
  { to: '/customers/import', label: 'customerImport.nav', description: 'customerImport.navHint', icon: IconFileImport, permission: 'customers.import' },
  { to: '/activities', label: 'activities.nav.myDay', description: 'activities.nav.myDayHint', icon: IconCalendarEvent, permission: 'activities.read' },
  { to: '/customers/pool', label: 'pool.nav', description: 'pool.navHint', icon: IconRecycle, permission: 'pool.read' },
  { to: '/handovers', label: 'handover.nav', description: 'handover.navHint', icon: IconTransfer, permission: 'handovers.read' },
  { to: '/tickets', label: 'tickets.nav.tickets', description: 'tickets.nav.ticketsHint', icon: IconTicket, permission: 'tickets.read' },
  { to: '/tickets/import', label: 'ticketImport.nav', description: 'ticketImport.navHint', icon: IconFileUpload, permission: 'tickets.bulk' },
];

export const ADMIN_NAV: NavItem[] = [
  { to: '/admin/users', label: 'nav.users', description: 'nav.usersHint', icon: IconUsers, permission: 'users.manage' },
  { to: '/admin/branches', label: 'nav.branches', description: 'nav.branchesHint', icon: IconBuildingCommunity, permission: 'org.manage' },
  { to: '/admin/teams', label: 'nav.teams', description: 'nav.teamsHint', icon: IconUsersGroup, permission: 'org.manage' },
  { to: '/admin/jobs', label: 'nav.jobs', description: 'nav.jobsHint', icon: IconClockPlay, permission: 'jobs.manage' },
  { to: '/admin/mail', label: 'nav.mail', description: 'nav.mailHint', icon: IconMail, permission: 'mail.read' },
  { to: '/admin/custom-fields', label: 'customFields.nav', description: 'customFields.navHint', icon: IconForms, permission: 'custom_fields.manage' },
  { to: '/admin/ticket-types', label: 'tickets.nav.types', description: 'tickets.nav.typesHint', icon: IconCategory, permission: 'tickets.manage' },
  { to: '/admin/ticket-components', label: 'tickets.nav.components', description: 'tickets.nav.componentsHint', icon: IconStack2, permission: 'tickets.manage' },
  { to: '/admin/sla', label: 'tickets.nav.sla', description: 'tickets.nav.slaHint', icon: IconClockExclamation, permission: 'tickets.manage' },
  { to: '/admin/settings', label: 'nav.settings', description: 'nav.settingsHint', icon: IconSettings, permission: 'settings.manage' },
];

export function allowed(items: NavItem[], permissions: readonly Permission[]): NavItem[] {
  return items.filter((item) => !item.permission || permissions.includes(item.permission));
}
