import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the quality feature registers its routes here.
export function registerQualityRoutes(_app: App, _deps: Deps) {}
