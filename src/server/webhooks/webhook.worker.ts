import type { Deps } from '../deps';
import { createWebhookService } from './webhook.service';

/**
 * While the server runs: a delivery round every `webhookIntervalSeconds` (rounds never overlap; several
 * instances share the work through leases). Failures are reported, never thrown. Returns the stop function.
 */
export function startWebhookDelivery(deps: Deps, report: (error: unknown) => void): () => void {
  const seconds = deps.config.webhookIntervalSeconds;
  if (seconds <= 0) return () => undefined;
  const service = createWebhookService(deps);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await service.deliverDue();
    } catch (error) {
      report(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
