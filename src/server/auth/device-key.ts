import { timingSafeEqual } from 'node:crypto';
import type { Deps } from '../deps';
import { loadDeviceAccountState } from './device.repository';

/**
 * The offline field kit's server half (README "Offline work"). At sign-in and on every session check the
 * server releases, to the signed-in user only:
 * - `secret`: a per-user device-key wrapping secret (HMAC of the user id under the server's key). The web
 *   app derives an AES-KW key from it to wrap the device's random data key; the secret is never stored on
 *   the device, so without a session (or the user's password, which wraps a second copy) the device store
 *   cannot be opened.
 * - `token`: a signed note of who signed in on this device and when. At the next contact the device shows
 *   it to `/api/v1/auth/device-status`, which answers whether the device must wipe its data: the account
 *   was disabled or deleted, or its password was changed or reset after that sign-in (which ends every
 *   session). A session that merely expired keeps the device's queued work for the next sign-in.
 * - `offlineDays`: RETA_OFFLINE_DAYS, how long the device keeps data without contact.
 */
export function createDeviceKeys(deps: Pick<Deps, 'cipher' | 'config' | 'db'>) {
  const sign = (payload: string) => deps.cipher.blindIndex('offline-device-token', payload);

  function issue(userId: string, now = new Date()) {
    const payload = Buffer.from(JSON.stringify({ u: userId, t: now.getTime() })).toString('base64url');
    return {
      secret: Buffer.from(deps.cipher.blindIndex('offline-device-secret', userId), 'hex').toString('base64'),
      token: `${payload}.${sign(payload)}`,
      offlineDays: deps.config.offlineDays,
    };
  }

  function verify(token: string): { userId: string; issuedAt: Date } | null {
    const [payload, mac] = token.split('.');
    if (!payload || !mac || !/^[0-9a-f]{64}$/.test(mac)) return null;
    const expected = Buffer.from(sign(payload), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(mac, 'hex'))) return null;
    try {
      const { u, t } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { u: unknown; t: unknown };
      if (typeof u !== 'string' || typeof t !== 'number') return null;
      return { userId: u, issuedAt: new Date(t) };
    } catch {
      return null;
    }
  }

  /** Whether a device signed in with `token` must wipe its data; a forged or unreadable token wipes too. */
  async function mustWipe(token: string): Promise<boolean> {
    const claim = verify(token);
    if (!claim) return true;
    const user = await loadDeviceAccountState(deps.db, claim.userId);
    if (!user || user.disabledAt) return true;
    return Boolean(user.passwordChangedAt && user.passwordChangedAt.getTime() > claim.issuedAt.getTime());
  }

  return { issue, verify, mustWipe };
}

export type DeviceKeys = ReturnType<typeof createDeviceKeys>;

