import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the prevention feature registers its routes here.
export function registerPreventionRoutes(_app: App, _deps: Deps) {}
