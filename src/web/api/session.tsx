import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginResponse, MeView } from '../../contracts/auth';
import { api, ApiError, onSessionEvent, setCsrfToken } from './client';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signed-in'; user: MeView };

/** The password step either signs in, or asks for the second factor with a challenge token. */
export type LoginStep = { kind: 'signed-in'; user: MeView } | { kind: 'second-factor'; challengeToken: string };

interface SessionApi {
  state: SessionState;
  login(username: string, password: string): Promise<LoginStep>;
  completeSecondFactor(challengeToken: string, proof: { code: string } | { recoveryCode: string }): Promise<MeView>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  can(permission: string): boolean;
}

/** Unsaved drafts may hold identity data: an explicit sign-out removes them (an expiry keeps them). */
function clearDrafts() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('reta.draft.')) localStorage.removeItem(key);
  } catch {
    // storage unavailable: nothing was kept
  }
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await api.get<{ user: MeView; csrfToken: string | null }>('/api/v1/auth/me', { quiet401: true });
      setCsrfToken(me.csrfToken);
      setState({ status: 'signed-in', user: me.user });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous', expired: false });
      else setState({ status: 'anonymous', expired: false });
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onSessionEvent(() => {
      setCsrfToken(null);
      setState((previous) => ({ status: 'anonymous', expired: previous.status === 'signed-in' }));
    });
  }, [refresh]);

  const value = useMemo<SessionApi>(() => ({
    state,
    refresh,
    async login(username, password) {
      const result = await api.post<LoginResponse>('/api/v1/auth/login', { username, password }, { quiet401: true });
      if ('secondFactorRequired' in result) return { kind: 'second-factor', challengeToken: result.challengeToken };
      setCsrfToken(result.csrfToken);
      setState({ status: 'signed-in', user: result.user });
      return { kind: 'signed-in', user: result.user };
    },
    async completeSecondFactor(challengeToken, proof) {
      const result = await api.post<{ user: MeView; csrfToken: string }>('/api/v1/auth/login/second-factor', { challengeToken, ...proof }, { quiet401: true });
      setCsrfToken(result.csrfToken);
      setState({ status: 'signed-in', user: result.user });
      return result.user;
    },
    async logout() {
      try {
        await api.post('/api/v1/auth/logout', undefined, { quiet401: true });
      } finally {
        clearDrafts();
        setCsrfToken(null);
        setState({ status: 'anonymous', expired: false });
      }
    },
    can(permission) {
      return state.status === 'signed-in' && state.user.permissions.includes(permission);
    },
  }), [state, refresh]);

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
