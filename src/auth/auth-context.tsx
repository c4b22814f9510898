import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useConfig } from '../config/config-context';
import type { AuthAdapter } from './adapter';
import { createAuthController, type AuthController } from './auth-controller';
import type { AuthStatus } from './auth-types';
import { createChallengeStore, type ChallengeStore } from './challenge-storage';
import type { AuthState } from './flow';
import { createLazyCognitoAdapter, preloadOnFirstUse } from './lazy-cognito';

/** The flow's state (a union to narrow) and the controller's commands. */
export type AuthContextValue = Omit<AuthController, 'getState' | 'subscribe' | 'start'> & {
  state: AuthState;
  /** `state.status`, for guards that need nothing else. */
  status: AuthStatus;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export interface AuthProviderProps {
  children: ReactNode;
  /** The user pool. Defaults to amazon-cognito-identity-js (loaded on first use) configured from `useConfig()`; tests pass a fake. */
  adapter?: AuthAdapter;
  /** Where a pending challenge survives a reload. Defaults to sessionStorage. */
  challengeStore?: ChallengeStore;
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * A thin provider over the auth controller (`auth-controller.ts`), which holds the flow and talks to the
 * pool; React only subscribes to its state.
 */
export function AuthProvider({ children, adapter: adapterProp, challengeStore, now }: AuthProviderProps) {
  const config = useConfig();
  const adapter = useMemo<AuthAdapter>(() => adapterProp ?? createLazyCognitoAdapter(config), [adapterProp, config]);
  // A new clock function from the caller must not reset the flow: the controller reads the latest one.
  const [clock] = useState(() => replaceableClock(now));
  useEffect(() => {
    clock.replace(now);
  }, [clock, now]);
  const controller = useMemo(
    () =>
      createAuthController({
        adapter,
        store: challengeStore ?? createChallengeStore(),
        challengeSessionMinutes: config.challengeSessionMinutes,
        now: clock.now,
      }),
    [adapter, challengeStore, clock, config.challengeSessionMinutes],
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState);

  // An adapter that loads its SDK on demand gets it in while the user is still typing, not on submit.
  useEffect(() => {
    if (!adapter.preload) return;
    return preloadOnFirstUse(() => adapter.preload?.());
  }, [adapter]);

  useEffect(() => {
    void controller.start(); // once per controller, also under StrictMode's double effects
  }, [controller]);

  const value = useMemo<AuthContextValue>(() => ({ ...commandsOf(controller), state, status: state.status }), [controller, state]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** A clock whose source can be swapped without handing the controller a new function. */
function replaceableClock(initial: (() => number) | undefined) {
  let source = initial ?? Date.now;
  return {
    now: () => source(),
    replace(next: (() => number) | undefined) {
      source = next ?? Date.now;
    },
  };
}

/** The controller without its lifecycle, which belongs to this provider alone. */
function commandsOf(controller: AuthController): Omit<AuthController, 'getState' | 'subscribe' | 'start'> {
  const commands: Partial<AuthController> = { ...controller };
  delete commands.getState;
  delete commands.subscribe;
  delete commands.start;
  return commands as Omit<AuthController, 'getState' | 'subscribe' | 'start'>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() must be used inside <AuthProvider>.');
  return value;
}
