import type { Permission } from '../api/types.ts';
import type { NavItem } from './module.ts';
import { WEB_MODULES } from './modules.ts';

export type { NavItem } from './module.ts';

const byOrder = (items: NavItem[]) => items.map((item, index) => ({ item, index })).sort((a, b) => (a.item.order ?? 0) - (b.item.order ?? 0) || a.index - b.index).map(({ item }) => item);

/** The staff main menu: every module's entries, in module order. (Functions: modules import this file's type.) */
export function mainNav(): NavItem[] {
  return byOrder(WEB_MODULES.flatMap((m) => m.nav ?? []));
}

/** The administration menu: every module's admin entries, by their `order`. */
export function adminNav(): NavItem[] {
  return byOrder(WEB_MODULES.flatMap((m) => m.adminNav ?? []));
}

export function allowed(items: NavItem[], permissions: readonly Permission[]): NavItem[] {
  return items.filter((item) => !item.permission || permissions.includes(item.permission));
}
