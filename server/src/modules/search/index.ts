import { defineModule } from '../../platform/module.ts';
import { searchRoutes } from './search.routes.ts';

/** PLT-8: the header search box, grouped by the other modules' search providers. */
export const searchModule = defineModule({
  name: 'search',
  routes: [searchRoutes],
});
