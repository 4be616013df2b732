import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the hotline feature registers its routes here.
export function registerHotlineRoutes(_app: App, _deps: Deps) {}
