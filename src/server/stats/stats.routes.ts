import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the stats feature registers its routes here.
export function registerStatsRoutes(_app: App, _deps: Deps) {}
