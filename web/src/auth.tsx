import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized } from './api.ts';
import type { Me, Role } from './types.ts';

interface AuthState {
  /** The signed-in person; null when nobody is signed in. */
  me: Me | null;
  /** True until the first answer of GET /auth/me. */
  loading: boolean;
  /** Set when the session ended while the console was open (shown on the login page). */
  sessionExpired: boolean;
  /** `code`: the second factor (authenticator code or recovery code), when the account has one. */
  login(username: string, password: string, code?: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/**
 * The person last signed in on this browser, so that the console opened from the home screen without network (the
 * service worker's shell) can still show 现场采集 and its queue. Only for display: every request is still the server's
 * to authorise, and the first answer from it (or a 401) replaces or clears this.
 */
const LAST_ME = 'qtrace.lastMe';
const remember = (m: Me | null) => {
  try {
    if (m) localStorage.setItem(LAST_ME, JSON.stringify(m));
    else localStorage.removeItem(LAST_ME);
  } catch {
    // Storage refused (private mode): the console then needs the network to start, as before.
  }
};
const remembered = (): Me | null => {
  try {
    const t = localStorage.getItem(LAST_ME);
    return t ? (JSON.parse(t) as Me) : null;
  } catch {
    return null;
  }
};

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [sessionExpired, setSessionExpired] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setMe(await api.get<Me>('/auth/me'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else throw e;
    }
  }, []);

  useEffect(() => {
    let alive = true;
    api
      .get<Me>('/auth/me')
      .then((m) => alive && setMe(m))
      .catch((e: unknown) => {
        if (!alive) return;
        // No network at all (not a refusal): the person last signed in here, until the server can be asked.
        if (e instanceof ApiError && e.status === 0) setMe(remembered());
        else setMe(null);
      })
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, []);

  const signedIn = useRef(false);
  useEffect(() => {
    signedIn.current = me !== null;
    if (!loading) remember(me);
  }, [me, loading]);

  useEffect(
    () =>
      onUnauthorized(() => {
        if (signedIn.current) setSessionExpired(true);
        setMe(null);
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string, code?: string) => {
    const { user } = await api.post<{ user: Me }>('/auth/login', { username, password, ...(code ? { code } : {}) });
    setSessionExpired(false);
    setMe(user);
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } finally {
      setSessionExpired(false);
      setMe(null);
    }
  }, []);

  const value = useMemo<AuthState>(() => ({ me, loading, sessionExpired, login, logout, refresh }), [me, loading, sessionExpired, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside <AuthProvider>');
  return ctx;
}

/** The signed-in person, for pages that are only reachable when signed in. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}

export const hasAnyRole = (me: Me, roles: readonly Role[]): boolean => me.roles.some((r) => roles.includes(r));
