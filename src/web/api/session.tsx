import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DeviceGrant, LoginResponse, MeView } from '../../contracts/auth';
import { api, ApiError, isNetworkError, onSessionEvent, setCsrfToken } from './client';

// The device store (offline work) is loaded when first needed, not with the sign-in page: on a slow link
// it would only delay the first screen. The service worker keeps its chunk for use with no connection.
const deviceStore = () => import('../offline/device-store');
const deviceOwner = async () => (await deviceStore()).deviceOwner();
const wipeDevice = async () => (await deviceStore()).wipeDevice();

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  /** No connection, and this device keeps work of `username`: the password opens it (README "Offline work"). */
  | { status: 'locked'; username: string }
  | { status: 'signed-in'; user: MeView; offline?: boolean };

/** The password step either signs in, or asks for the second factor with a challenge token. */
export type LoginStep = { kind: 'signed-in'; user: MeView } | { kind: 'second-factor'; challengeToken: string };

interface SessionApi {
  state: SessionState;
  login(username: string, password: string): Promise<LoginStep>;
  completeSecondFactor(challengeToken: string, proof: { code: string } | { recoveryCode: string }): Promise<MeView>;
  /** Opens this device's store with the password, with no connection; false when the password does not open it. */
  unlock(password: string): Promise<boolean>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  can(permission: string): boolean;
}

/**
 * The session's end as the device store sees it: with no session the server is asked (with the device's
 * signed note) whether the account was disabled or its sessions ended by a password change: then the
 * device's data is wiped. A session that merely expired keeps the queued work for the next sign-in.
 */
async function checkDeviceAfterSessionLoss() {
  const owner = await deviceOwner().catch(() => null);
  if (!owner) return;
  try {
    const status = await api.post<{ wipe: boolean }>('/api/v1/auth/device-status', { token: owner.token }, { quiet401: true });
    if (status.wipe) await wipeDevice();
  } catch {
    // no answer: asked again at the next contact
  }
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // The password typed at sign-in, kept only until the second factor is done: it wraps the device key.
  const pendingPassword = useRef<string | null>(null);

  const openDevice = useCallback(async (user: MeView, device: DeviceGrant | null | undefined, password?: string) => {
    if (!device) return;
    try {
      await (await deviceStore()).openWithGrant(user, device, password);
      void import('../offline/sync').then((m) => m.syncSoon());
      void import('../offline/reference').then((m) => m.warmReference(user));
    } catch {
      // No usable WebCrypto/IndexedDB here: the app works online, without offline work.
    }
  }, []);

  const refresh = useCallback(async () => {
    try {
      const me = await api.get<{ user: MeView; csrfToken: string | null; device?: DeviceGrant | null }>('/api/v1/auth/me', { quiet401: true });
      setCsrfToken(me.csrfToken);
      await openDevice(me.user, me.device);
      setState({ status: 'signed-in', user: me.user });
    } catch (error) {
      if (isNetworkError(error)) {
        const owner = await deviceOwner().catch(() => null);
        setState(owner?.canUnlockOffline ? { status: 'locked', username: owner.username } : { status: 'anonymous', expired: false });
        return;
      }
      if (error instanceof ApiError && error.status === 401) void checkDeviceAfterSessionLoss();
      setState({ status: 'anonymous', expired: false });
    }
  }, [openDevice]);

  useEffect(() => {
    void refresh();
    return onSessionEvent(() => {
      setCsrfToken(null);
      void checkDeviceAfterSessionLoss();
      setState((previous) => ({ status: 'anonymous', expired: previous.status === 'signed-in' }));
    });
  }, [refresh]);

  // Back online after an offline unlock: the server is asked for the session again (and the queue is sent).
  useEffect(() => {
    if (state.status !== 'signed-in' || !state.offline) return;
    const back = () => void refresh();
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [state, refresh]);

  const value = useMemo<SessionApi>(() => ({
    state,
    refresh,
    async login(username, password) {
      const result = await api.post<LoginResponse>('/api/v1/auth/login', { username, password }, { quiet401: true });
      if ('secondFactorRequired' in result) {
        pendingPassword.current = password;
        return { kind: 'second-factor', challengeToken: result.challengeToken };
      }
      setCsrfToken(result.csrfToken);
      await openDevice(result.user, result.device, password);
      setState({ status: 'signed-in', user: result.user });
      return { kind: 'signed-in', user: result.user };
    },
    async completeSecondFactor(challengeToken, proof) {
      const result = await api.post<{ user: MeView; csrfToken: string; device: DeviceGrant }>('/api/v1/auth/login/second-factor', { challengeToken, ...proof }, { quiet401: true });
      setCsrfToken(result.csrfToken);
      await openDevice(result.user, result.device, pendingPassword.current ?? undefined);
      pendingPassword.current = null;
      setState({ status: 'signed-in', user: result.user });
      return result.user;
    },
    async unlock(password) {
      const user = await deviceStore().then((m) => m.unlockWithPassword(password)).catch(() => null);
      if (!user) return false;
      setState({ status: 'signed-in', user, offline: true });
      return true;
    },
    async logout() {
      try {
        await api.post('/api/v1/auth/logout', undefined, { quiet401: true });
      } catch {
        // offline: the device is wiped all the same; the session ends on the server at its expiry
      } finally {
        // Signing out wipes this device: drafts, queued work and kept cases (README "Offline work").
        await wipeDevice().catch(() => undefined);
        setCsrfToken(null);
        setState({ status: 'anonymous', expired: false });
      }
    },
    can(permission) {
      return state.status === 'signed-in' && state.user.permissions.includes(permission);
    },
  }), [state, refresh, openDevice]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only call below the route guard. */
export function useUser(): MeView {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser without a session');
  return state.user;
}
