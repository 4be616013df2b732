import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the cases feature registers its routes here.
export function registerCaseRoutes(_app: App, _deps: Deps) {}
