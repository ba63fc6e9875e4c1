import type { Language } from './i18n.ts';

/** The demo users (server/src/modules/identity/demo-accounts.ts), as the suite expects to find them. */
export type Role = 'admin' | 'manager' | 'sales' | 'agent' | 'marketing' | 'auditor' | 'client';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  language: Language;
}

export const DEMO_PASSWORD = 'switchboard';

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.test', name: 'Ada Admin', role: 'admin', language: 'en' },
  { email: 'manager@demo.test', name: 'Minh Nguyen', role: 'manager', language: 'vi' },
  { email: 'sales1@demo.test', name: 'Sam Sales', role: 'sales', language: 'en' },
  { email: 'sales2@demo.test', name: 'Lan Tran', role: 'sales', language: 'vi' },
  { email: 'agent1@demo.test', name: 'Petar Ivanov', role: 'agent', language: 'bg' },
  { email: 'agent2@demo.test', name: 'Anna Georgieva', role: 'agent', language: 'en' },
  { email: 'agent3@demo.test', name: 'Wei Zhang', role: 'agent', language: 'zh' },
  { email: 'marketing@demo.test', name: 'Mia Marketing', role: 'marketing', language: 'en' },
  { email: 'auditor@demo.test', name: 'Otto Auditor', role: 'auditor', language: 'en' },
  { email: 'client1@demo.test', name: 'Chris Client', role: 'client', language: 'en' },
  { email: 'client2@demo.test', name: 'Hoa Pham', role: 'client', language: 'vi' },
  { email: 'client3@demo.test', name: 'Li Na', role: 'client', language: 'zh' },
];

export function demoUser(email: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} is not a demo user`);
  return user;
}

/**
 * The Administration navigation (web/src/app/navigation.ts) and who may see each entry per the
 * permission matrix (server/src/platform/permissions/roles.ts): today every entry is admin-only.
 */
export const ADMIN_ENTRIES: { label: string; path: string; roles: Role[] }[] = [
  { label: 'nav.users', path: '/admin/users', roles: ['admin'] },
  { label: 'nav.branches', path: '/admin/branches', roles: ['admin'] },
  { label: 'nav.teams', path: '/admin/teams', roles: ['admin'] },
  { label: 'nav.jobs', path: '/admin/jobs', roles: ['admin'] },
  { label: 'nav.mail', path: '/admin/mail', roles: ['admin'] },
  { label: 'customFields.nav', path: '/admin/custom-fields', roles: ['admin'] },
  { label: 'nav.settings', path: '/admin/settings', roles: ['admin'] },
];
