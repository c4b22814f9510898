import type { ReactNode } from 'react';
import type { AuthAdapter } from '../auth/adapter';
import { AuthProvider } from '../auth/auth-context';
import type { ChallengeStore } from '../auth/challenge-storage';
import { ConfigProvider } from '../config/config-context';
import type { AppConfig } from '../config/schema';

/** Config, then auth: the order every screen (and every screen test) needs. */
export function AppProviders({
  config,
  adapter,
  challengeStore,
  children,
}: {
  config: AppConfig;
  adapter?: AuthAdapter;
  challengeStore?: ChallengeStore;
  children: ReactNode;
}) {
  return (
    <ConfigProvider config={config}>
      <AuthProvider adapter={adapter} challengeStore={challengeStore}>
        {children}
      </AuthProvider>
    </ConfigProvider>
  );
}
