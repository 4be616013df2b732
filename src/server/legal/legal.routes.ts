import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the legal feature registers its routes here.
export function registerLegalRoutes(_app: App, _deps: Deps) {}
