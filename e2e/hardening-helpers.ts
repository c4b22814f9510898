import type { Page, Request, Route } from '@playwright/test';
import { APP_CLIENT_ID, EMULATOR_URL } from './fixtures';

/**
 * Watchers for the hardening tests: Content-Security-Policy violations, and everything a page could leak a
 * secret into (URLs, history entries, web storage, the console).
 */

/** Records every CSP violation the page reports, as event and as console message, across full navigations. */
export async function watchCspViolations(page: Page): Promise<() => string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (description: string) => {
    violations.push(description);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(description: string): void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|evaluate)/i.test(message.text())) {
      violations.push(`console: ${message.text()}`);
    }
  });
  return () => [...violations];
}

/** Everything observed that must never contain a secret, by where it was seen. */
export interface Exposure {
  where: string;
  text: string;
  /** Set for the SDK's own token entries in the configured token store, where tokens (only) belong. */
  tokenStore?: boolean;
}

/**
 * Collects the secrets a test uses (passwords, codes) and the tokens the pool issues (read from its
 * answers on the wire), and every place the page could have put them: each URL the main frame showed and
 * each URL it requested, each history entry's URL and state (pushState/replaceState), every console line
 * and uncaught error, and (at `snapshotStorage`) localStorage and sessionStorage.
 */
export class SecretWatch {
  private readonly secrets = new Map<string, string>();
  private readonly exposures: Exposure[] = [];
  private readonly pending: Promise<void>[] = [];
  /** The SDK's token keys of the app client the page signs in with (the pool that requires MFA has its own). */
  private readonly tokenStorePrefix: string;

  constructor({ clientId = APP_CLIENT_ID }: { clientId?: string } = {}) {
    this.tokenStorePrefix = `CognitoIdentityServiceProvider.${clientId}.`;
  }

  /** A value that must not appear anywhere; `label` names it in a failure. */
  addSecret(label: string, value: string): void {
    this.secrets.set(value, label);
  }

  async attach(page: Page): Promise<void> {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.exposures.push({ where: 'page URL', text: frame.url() });
    });
    page.on('request', (request) => this.exposures.push({ where: 'request URL', text: request.url() }));
    page.on('console', (message) => this.exposures.push({ where: 'console', text: message.text() }));
    page.on('pageerror', (error) => this.exposures.push({ where: 'page error', text: `${error.message}\n${error.stack ?? ''}` }));
    page.on('response', (response) => {
      if (!response.url().startsWith(EMULATOR_URL) || !isPoolCall(response.request())) return;
      this.pending.push(this.collectTokens(response.request(), () => response.text()));
    });
    await page.exposeFunction('__recordHistoryEntry', (entry: string) => {
      this.exposures.push({ where: 'history entry', text: entry });
    });
    await page.addInitScript(() => {
      const record = (window as unknown as { __recordHistoryEntry(entry: string): void }).__recordHistoryEntry;
      for (const method of ['pushState', 'replaceState'] as const) {
        const original = history[method].bind(history);
        history[method] = (state: unknown, unused: string, url?: string | URL | null) => {
          original(state, unused, url);
          record(JSON.stringify({ url: location.href, state }));
        };
      }
    });
  }

  private async collectTokens(request: Request, body: () => Promise<string>): Promise<void> {
    let text: string;
    try {
      text = await body();
    } catch {
      return; // an aborted or redirected call has no body
    }
    const result = (JSON.parse(text || '{}') as { AuthenticationResult?: Record<string, unknown> }).AuthenticationResult;
    const target = request.headers()['x-amz-target'] ?? '';
    for (const name of ['AccessToken', 'IdToken', 'RefreshToken']) {
      const token = result?.[name];
      if (typeof token === 'string') this.addSecret(`${name} from ${target}`, token);
    }
  }

  /** Reads both storages as they are now. */
  async snapshotStorage(page: Page, moment: string): Promise<void> {
    const storage = await page.evaluate(() => ({
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
    }));
    for (const [key, value] of storage.local) {
      this.exposures.push({ where: `localStorage ${moment}: ${key}`, text: `${key}=${value}`, tokenStore: key.startsWith(this.tokenStorePrefix) });
    }
    for (const [key, value] of storage.session) {
      this.exposures.push({ where: `sessionStorage ${moment}: ${key}`, text: `${key}=${value}` });
    }
  }

  tokenCount(): number {
    return [...this.secrets.values()].filter((label) => /Token from/.test(label)).length;
  }

  /** Places where a secret showed up: passwords and codes anywhere, tokens anywhere but the token store. */
  async leaks(): Promise<string[]> {
    await Promise.all(this.pending);
    const found: string[] = [];
    for (const exposure of this.exposures) {
      for (const [secret, label] of this.secrets) {
        const isToken = /Token from/.test(label);
        if (isToken && exposure.tokenStore) continue;
        if (containsSecret(exposure.text, secret)) found.push(`${label} in ${exposure.where}`);
      }
    }
    return found;
  }

  /** How often a token was found in the SDK's token keys of the configured store (where it is allowed). */
  async tokenStoreSightings(): Promise<number> {
    await Promise.all(this.pending);
    const tokens = [...this.secrets].filter(([, label]) => /Token from/.test(label)).map(([token]) => token);
    return this.exposures.filter((exposure) => exposure.tokenStore && tokens.some((token) => exposure.text.includes(token))).length;
  }

  observedCount(): number {
    return this.exposures.length;
  }
}

function isPoolCall(request: Request): boolean {
  return (request.headers()['x-amz-target'] ?? '').startsWith('AWSCognitoIdentityProviderService.');
}

/** The secret as typed, or encoded the ways a URL or JSON would carry it. */
function containsSecret(text: string, secret: string): boolean {
  const forms = new Set([secret, encodeURIComponent(secret), encodeURI(secret), JSON.stringify(secret).slice(1, -1)]);
  for (const form of forms) if (text.includes(form)) return true;
  return false;
}

/**
 * Makes the next call of one Cognito operation (by X-Amz-Target, e.g. "ChangePassword") fail as if the
 * network dropped it, once; later calls go through. Returns how many calls were aborted so far.
 */
export async function failNextPoolCall(page: Page, operation: string): Promise<() => number> {
  let aborted = 0;
  const handler = async (route: Route) => {
    const target = route.request().headers()['x-amz-target'];
    if (aborted === 0 && target === `AWSCognitoIdentityProviderService.${operation}`) {
      aborted += 1;
      await route.abort('internetdisconnected');
      return;
    }
    await route.fallback();
  };
  await page.route(`${EMULATOR_URL}/**`, handler);
  return () => aborted;
}
