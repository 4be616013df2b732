/**
 * When a failed webhook delivery is tried again: exponential backoff from `baseSeconds`, doubling with
 * each consecutive failure, capped at `capSeconds`. After `maxFailures` consecutive failures the webhook
 * is disabled instead (an administrator re-enables it from the admin page).
 */
export function retryDelaySeconds(consecutiveFailures: number, baseSeconds = 30, capSeconds = 3600): number {
  if (consecutiveFailures < 1) return 0;
  return Math.min(capSeconds, baseSeconds * 2 ** Math.min(consecutiveFailures - 1, 30));
}

export type AfterFailure = { disable: true } | { disable: false; retryInSeconds: number };

export function afterFailure(consecutiveFailures: number, maxFailures: number): AfterFailure {
  return consecutiveFailures >= maxFailures ? { disable: true } : { disable: false, retryInSeconds: retryDelaySeconds(consecutiveFailures) };
}
