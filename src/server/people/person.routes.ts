import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the people feature registers its routes here.
export function registerPeopleRoutes(_app: App, _deps: Deps) {}
