import type { Icon } from '@tabler/icons-react';
import type { RouteObject } from 'react-router';
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
  /** Place in its menu (lower first); menus keep the module order for equal places. */
  order?: number;
}

/**
 * What one web module contributes to the app: its pages (React Router objects, each behind the
 * RequirePermission its API needs) and its menu entries. app/modules.ts lists the modules; the router and
 * the menus are assembled from that one list.
 */
export interface WebModule {
  name: string;
  /** Pages without a session (sign-in). */
  publicRoutes?: RouteObject[];
  /** Staff pages: children of the signed-in staff layout at /. */
  routes?: RouteObject[];
  /** Client portal pages: children of /portal. */
  portalRoutes?: RouteObject[];
  /** Entries of the staff main menu. */
  nav?: NavItem[];
  /** Entries of the staff administration menu. */
  adminNav?: NavItem[];
}
