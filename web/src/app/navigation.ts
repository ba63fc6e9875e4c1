import { createContext, useContext } from 'react';
import type { Permission } from '../api/types.ts';
import type { NavItem, WebModule } from './module.ts';

export type { NavItem } from './module.ts';

export interface Navigation {
  /** The staff main menu: every module's entries, in module order. */
  main: NavItem[];
  /** The administration menu: every module's admin entries, by their `order`. */
  admin: NavItem[];
}

const byOrder = (items: NavItem[]) => items.map((item, index) => ({ item, index })).sort((a, b) => (a.item.order ?? 0) - (b.item.order ?? 0) || a.index - b.index).map(({ item }) => item);

/** The menus of a list of web modules. */
export function navigationOf(modules: readonly WebModule[]): Navigation {
  return { main: byOrder(modules.flatMap((m) => m.nav ?? [])), admin: byOrder(modules.flatMap((m) => m.adminNav ?? [])) };
}

/**
 * The menus, provided once at the top (App.tsx, from the module list). A context rather than an import
 * of the module list: the modules' pages (the home page's quick links) read the menus, and the list
 * imports those pages.
 */
export const NavigationContext = createContext<Navigation>({ main: [], admin: [] });
export const useNavigation = () => useContext(NavigationContext);

export function allowed(items: NavItem[], permissions: readonly Permission[]): NavItem[] {
  return items.filter((item) => !item.permission || permissions.includes(item.permission));
}
