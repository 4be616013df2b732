import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the operations feature registers its routes here.
export function registerOperationRoutes(_app: App, _deps: Deps) {}
