import { IconClockPlay, IconForms, IconMail, IconSettings } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';

const JobsPage = lazy(() => import('./jobs/JobsPage.tsx'));
const MailPage = lazy(() => import('./mail/MailPage.tsx'));
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx'));
const CustomFieldsPage = lazy(() => import('./custom-fields/CustomFieldsPage.tsx'));

/** Platform administration: custom fields, jobs, the mail outbox and settings (domains keep their own). */
export const admin: WebModule = {
  name: 'admin',
  routes: [
    { element: <RequirePermission permission="custom_fields.manage" />, children: [{ path: 'admin/custom-fields', element: <CustomFieldsPage /> }] },
    { element: <RequirePermission permission="jobs.manage" />, children: [{ path: 'admin/jobs', element: <JobsPage /> }] },
    { element: <RequirePermission permission="mail.read" />, children: [{ path: 'admin/mail', element: <MailPage /> }] },
    { element: <RequirePermission permission="settings.manage" />, children: [{ path: 'admin/settings', element: <SettingsPage /> }] },
  ],
  adminNav: [
    { to: '/admin/jobs', label: 'nav.jobs', description: 'nav.jobsHint', icon: IconClockPlay, permission: 'jobs.manage', order: 40 },
    { to: '/admin/mail', label: 'nav.mail', description: 'nav.mailHint', icon: IconMail, permission: 'mail.read', order: 50 },
    { to: '/admin/custom-fields', label: 'customFields.nav', description: 'customFields.navHint', icon: IconForms, permission: 'custom_fields.manage', order: 60 },
    { to: '/admin/settings', label: 'nav.settings', description: 'nav.settingsHint', icon: IconSettings, permission: 'settings.manage', order: 100 },
  ],
};
