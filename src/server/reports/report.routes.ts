import type { Deps } from '../deps';
import type { App } from '../http/types';

// Not built yet: the reports feature registers its routes here.
export function registerReportRoutes(_app: App, _deps: Deps) {}
