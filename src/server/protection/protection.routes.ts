import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the protection feature registers its routes here.
export function registerProtectionRoutes(_app: App, _deps: Deps) {}
