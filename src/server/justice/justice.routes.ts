import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the justice feature registers its routes here.
export function registerJusticeRoutes(_app: App, _deps: Deps) {}
