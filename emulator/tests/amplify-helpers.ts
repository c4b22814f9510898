import { Amplify } from 'aws-amplify';
import { signOut } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import type { KeyValueStorageInterface } from 'aws-amplify/utils';
import { afterEach } from 'vitest';
import { APP_CLIENT, POOL_ID } from './helpers';

/**
 * Amplify JS v6 in Node against the local pool: `userPoolEndpoint` points it at the pool's URL, Node's global
 * fetch carries its requests (so `interceptCognitoRequests` sees them), and its tokens live in a storage the test
 * can read.
 */

/** Amplify's key-value storage in memory: a browser's localStorage, inspectable. */
export class AmplifyMemoryStorage implements KeyValueStorageInterface {
  readonly items = new Map<string, string>();
  setItem(key: string, value: string): Promise<void> {
    this.items.set(key, value);
    return Promise.resolve();
  }
  getItem(key: string): Promise<string | null> {
    return Promise.resolve(this.items.get(key) ?? null);
  }
  removeItem(key: string): Promise<void> {
    this.items.delete(key);
    return Promise.resolve();
  }
  clear(): Promise<void> {
    this.items.clear();
    return Promise.resolve();
  }

  /** The refresh token Amplify stored (`CognitoIdentityServiceProvider.<client>.<user>.refreshToken`). */
  refreshToken(): string {
    const entry = [...this.items].find(([key]) => key.endsWith('.refreshToken'));
    if (!entry) throw new Error('Amplify stored no refresh token');
    return entry[1];
  }
}

/**
 * Signs Amplify out after every test of the file. Each `configure` points Amplify at the pool with an app
 * client and gives it a fresh, empty token storage, which it returns.
 */
export function useAmplify(url: () => string): { configure(clientId?: string, poolId?: string): AmplifyMemoryStorage } {
  afterEach(async () => {
    await signOut().catch(() => undefined);
  });
  return {
    configure(clientId = APP_CLIENT, poolId = POOL_ID) {
      Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: url() } } });
      const storage = new AmplifyMemoryStorage();
      cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
      return storage;
    },
  };
}
