import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the reference feature registers its routes here.
export function registerReferenceRoutes(_app: App, _deps: Deps) {}
