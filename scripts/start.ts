/**
 * `npm start`: the local user pool and the app's dev server together, for trying every flow by hand.
 * Ctrl-C stops them all.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ViteDevServer } from 'vite';
import { startEmulator } from '../emulator/server';

const EMULATOR_PORT = 9229;
const SEED_PATH = 'emulator/seed.json';
/** A second app, on its own port, in front of the pool that requires MFA (its config is this file). */
const MFA_APP_PORT = 5174;
const MFA_APP_CONFIG = 'scripts/configs/mfa-required.json';
/** A third, in front of the pool whose users sign in with their email address (docs/cognito-behaviour.md §10). */
const EMAIL_APP_PORT = 5175;
const EMAIL_APP_CONFIG = 'scripts/configs/email-sign-in.json';

/**
 * A dev server for the app. The config plugin (vite.config.ts) reads APP_CONFIG_FILE while the server is
 * created, so each server is created with its own value in place.
 */
async function appServer(options: { port?: number; configFile?: string } = {}): Promise<ViteDevServer> {
  const previous = process.env.APP_CONFIG_FILE;
  if (options.configFile) process.env.APP_CONFIG_FILE = options.configFile;
  try {
    const server = await createServer({ server: { open: false, ...(options.port ? { port: options.port } : {}) } });
    await server.listen();
    return server;
  } finally {
    if (previous === undefined) delete process.env.APP_CONFIG_FILE;
    else process.env.APP_CONFIG_FILE = previous;
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

interface SeedPool {
  Id: string;
  Name: string;
  MfaConfiguration?: string;
  UsernameAttributes?: string[];
  AliasAttributes?: string[];
  Users?: SeedUser[];
}

async function demoPools(): Promise<SeedPool[]> {
  return (JSON.parse(await readFile(SEED_PATH, 'utf8')) as { UserPools: SeedPool[] }).UserPools;
}

function describeUser(pool: SeedPool, user: SeedUser): string {
  if (user.Enabled === false) return 'disabled';
  switch (user.UserStatus) {
    case 'FORCE_CHANGE_PASSWORD':
      return pool.MfaConfiguration === 'ON'
        ? 'temporary password: sets a new one, then sets up an authenticator app (MFA_SETUP)'
        : 'temporary password: sets a new one at first sign-in';
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
  const emulator = await startEmulator({ port: EMULATOR_PORT, seedPath: SEED_PATH });
  const vite = await appServer();
  const mfaVite = await appServer({ port: MFA_APP_PORT, configFile: MFA_APP_CONFIG });
  const emailVite = await appServer({ port: EMAIL_APP_PORT, configFile: EMAIL_APP_CONFIG });
  const appUrl = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
  const mfaAppUrl = mfaVite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${MFA_APP_PORT}/`;
  const emailAppUrl = emailVite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${EMAIL_APP_PORT}/`;

  const pools = await demoPools();
  const width = Math.max(...pools.flatMap((pool) => (pool.Users ?? []).map((user) => user.Username.length)));
  const poolLines = pools.map((pool) => {
    const users = (pool.Users ?? []).map(
      (user) => `    ${user.Username.padEnd(width)}  ${(user.Password ?? '').padEnd(16)}  ${describeUser(pool, user)}`,
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
