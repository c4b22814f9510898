/**
 * `npm start`: the local user pool and the app's dev server together, for trying every flow by hand.
 * Ctrl-C stops them all. PORT and EMULATOR_PORT choose the ports (scripts/start-ports.ts).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ViteDevServer } from 'vite';
import { startEmulator } from '../emulator/server';
import { listenAs, startPorts, type PortRole, type StartPorts } from './start-ports';

const SEED_PATH = 'emulator/seed.json';
/** The first app serves public/config.json. */
const APP_CONFIG = 'public/config.json';
/** A second app, on PORT+1, in front of the pool that requires MFA (its config is this file). */
const MFA_APP_CONFIG = 'scripts/configs/mfa-required.json';
/** A third, on PORT+2, in front of the pool whose users sign in with their email address (docs/cognito-behaviour.md §10). */
const EMAIL_APP_CONFIG = 'scripts/configs/email-sign-in.json';

/**
 * A dev server for the app, on exactly its port (strictPort: the address printed is the one it listens on). The
 * config plugin (vite.config.ts) reads APP_CONFIG_FILE and APP_CONFIG_ENDPOINT while the server is created, so
 * each server is created with its own values in place.
 */
async function appServer(
  role: Exclude<PortRole, 'emulator'>,
  ports: StartPorts,
  env: { APP_CONFIG_FILE?: string; APP_CONFIG_ENDPOINT: string },
): Promise<ViteDevServer> {
  const previous = { APP_CONFIG_FILE: process.env.APP_CONFIG_FILE, APP_CONFIG_ENDPOINT: process.env.APP_CONFIG_ENDPOINT };
  setEnvironment(env);
  try {
    const server = await createServer({ server: { open: false, port: ports[role], strictPort: true } });
    try {
      await listenAs(role, ports, () => server.listen());
    } catch (error) {
      await server.close();
      throw error;
    }
    return server;
  } finally {
    setEnvironment(previous);
  }
}

function setEnvironment(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

interface SeedUser {
  Username: string;
  Password?: string;
  UserStatus?: string;
  Enabled?: boolean;
  Attributes?: Record<string, string>;
  UserMFASettingList?: string[];
  PreferredMfaSetting?: string;
  SoftwareToken?: { SecretCode: string };
}

interface SeedClient {
  ClientId: string;
  AuthSessionValidity?: number;
}

interface SeedPool {
  Id: string;
  Name: string;
  MfaConfiguration?: string;
  UsernameAttributes?: string[];
  AliasAttributes?: string[];
  Clients?: SeedClient[];
  Users?: SeedUser[];
}

async function demoPools(): Promise<SeedPool[]> {
  return (JSON.parse(await readFile(SEED_PATH, 'utf8')) as { UserPools: SeedPool[] }).UserPools;
}

/** The app clients the three apps use (`userPoolClientId` of their configs). */
async function appClientIds(): Promise<Set<string>> {
  const configs = await Promise.all(
    [APP_CONFIG, MFA_APP_CONFIG, EMAIL_APP_CONFIG].map(
      async (file): Promise<{ userPoolClientId?: string }> => {
        try {
          return JSON.parse(await readFile(file, 'utf8')) as { userPoolClientId?: string };
        } catch {
          return {}; // The app shows its own config error page; the banner falls back to the pool's first client.
        }
      },
    ),
  );
  return new Set(configs.flatMap((config) => (config.userPoolClientId ? [config.userPoolClientId] : [])));
}

/**
 * How long a challenge step may take in this pool: the AuthSessionValidity of the app client the app uses (else
 * the pool's first), in minutes; Cognito's default is 3.
 */
function challengeMinutes(pool: SeedPool, appClients: ReadonlySet<string>): number {
  const clients = pool.Clients ?? [];
  const client = clients.find((candidate) => appClients.has(candidate.ClientId)) ?? clients[0];
  return client?.AuthSessionValidity ?? 3;
}

function describeUser(pool: SeedPool, user: SeedUser, appClients: ReadonlySet<string>): string {
  if (user.Enabled === false) return 'disabled';
  switch (user.UserStatus) {
    case 'FORCE_CHANGE_PASSWORD': {
      // The new-password step must be finished within the app client's AuthSessionValidity.
      const limit = `${challengeMinutes(pool, appClients)}-minute limit for the new password (AuthSessionValidity)`;
      return pool.MfaConfiguration === 'ON'
        ? `temporary password: sets a new one, then sets up an authenticator app (MFA_SETUP); ${limit}`
        : `temporary password: sets a new one at first sign-in; ${limit}`;
    }
    case 'RESET_REQUIRED':
      return 'password reset by an administrator: the code is on the outbox page';
    default:
      return secondFactor(user) ?? `confirmed, ${verifiedContact(user.Attributes ?? {})}`;
  }
}

/**
 * What an MFA user is asked after the password (the pool's rule: the preferred factor, the only one, or a choice).
 * The authenticator secret is demo data from the seed, printed so a person can add it to a phone app.
 */
function secondFactor(user: SeedUser): string | null {
  const factors = user.UserMFASettingList ?? [];
  if (factors.length === 0) return null;
  const ask = (factor: string): string => {
    if (factor === 'SMS_MFA') return 'a texted code (outbox page)';
    if (factor === 'EMAIL_OTP') return 'an emailed code (outbox page)';
    return `an authenticator code, secret ${user.SoftwareToken?.SecretCode ?? '?'}`;
  };
  const asked = user.PreferredMfaSetting ?? (factors.length === 1 ? factors[0] : null);
  if (asked) return `MFA: ${ask(asked)}`;
  return `MFA: chooses between ${factors.map(ask).join(' and ')}`;
}

/** What the pool's users sign in with, when it is not only a username. */
function signInNote(pool: SeedPool): string {
  if (pool.UsernameAttributes?.length) return `, sign in with ${pool.UsernameAttributes.join(' or ')} instead of a username`;
  // An email or phone alias signs in only once verified (docs/cognito-behaviour.md §10.3).
  if (pool.AliasAttributes?.length) return `, sign in with the username or an alias: ${pool.AliasAttributes.join(', ')}`;
  return '';
}

/** Where a forgotten-password code would go, which is what tells these users apart. */
function verifiedContact(attributes: Record<string, string>): string {
  if (attributes.email_verified === 'true') return 'codes go to a verified email';
  if (attributes.phone_number_verified === 'true') return 'codes go to a verified phone (SMS)';
  return 'no verified email or phone: forgot password says to ask the administrator';
}

async function main(): Promise<void> {
  const ports = startPorts();
  const emulator = await listenAs('emulator', ports, () => startEmulator({ port: ports.emulator, seedPath: SEED_PATH }));
  // Every app's config.json names the pool where it actually listens (scripts/config-file-plugin.ts).
  const endpoint = `${emulator.url}/`;
  const vite = await appServer('app', ports, { APP_CONFIG_ENDPOINT: endpoint });
  const mfaVite = await appServer('mfaApp', ports, { APP_CONFIG_FILE: MFA_APP_CONFIG, APP_CONFIG_ENDPOINT: endpoint });
  const emailVite = await appServer('emailApp', ports, { APP_CONFIG_FILE: EMAIL_APP_CONFIG, APP_CONFIG_ENDPOINT: endpoint });
  const appUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${ports.app}/`;
  const mfaAppUrl = mfaVite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${ports.mfaApp}/`;
  const emailAppUrl = emailVite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${ports.emailApp}/`;

  const pools = await demoPools();
  const appClients = await appClientIds();
  const width = Math.max(...pools.flatMap((pool) => (pool.Users ?? []).map((user) => user.Username.length)));
  const poolLines = pools.map((pool) => {
    const users = (pool.Users ?? []).map(
      (user) => `    ${user.Username.padEnd(width)}  ${(user.Password ?? '').padEnd(16)}  ${describeUser(pool, user, appClients)}`,
    );
    return [`  ${pool.Id} (${pool.Name}, MFA ${pool.MfaConfiguration ?? 'OFF'}${signInNote(pool)}):`, ...users].join('\n');
  });
  console.log(`
  App:            ${appUrl}
  App, MFA required: ${mfaAppUrl}   (the pool us-east-1_LocalMfa: every user sets up an authenticator app)
  App, email sign-in: ${emailAppUrl}   (the pool us-east-1_LocalEmail: users sign in with their email address)
  Sent messages:  ${emulator.url}/_emulator/   (codes and temporary passwords a real pool would email)
  Local pool:     ${emulator.url}

  Demo users by pool (these passwords and secrets exist only in ${SEED_PATH}):
${poolLines.join('\n')}

  Other ports: PORT=6173 EMULATOR_PORT=9239 npm start (the apps take PORT, PORT+1 and PORT+2).
  Ctrl-C stops every server.
`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([vite.close(), mfaVite.close(), emailVite.close(), emulator.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
