/**
 * `npm start`: the local user pool and the app's dev server together, for trying every flow by hand.
 * Ctrl-C stops both.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ViteDevServer } from 'vite';
import { startEmulator } from '../emulator/server';

const EMULATOR_PORT = 9229;
const SEED_PATH = 'emulator/seed.json';
/** A second app, on its own port, in front of the pool that requires MFA (its config is this file). */
const MFA_APP_PORT = 5174;
const MFA_APP_CONFIG = 'scripts/configs/mfa-required.json';

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
}

async function demoUsers(): Promise<SeedUser[]> {
  const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as { UserPools: { Users?: SeedUser[] }[] };
  return seed.UserPools.flatMap((pool) => pool.Users ?? []);
}

function describeUser(user: SeedUser): string {
  if (user.Enabled === false) return 'disabled';
  switch (user.UserStatus) {
    case 'FORCE_CHANGE_PASSWORD':
      return 'temporary password: sets a new one at first sign-in';
    case 'RESET_REQUIRED':
      return 'password reset by an administrator: the code is on the outbox page';
    default:
      return `confirmed, ${verifiedContact(user.Attributes ?? {})}`;
  }
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
  const appUrl = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
  const mfaAppUrl = mfaVite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${MFA_APP_PORT}/`;

  const users = await demoUsers();
  const width = Math.max(...users.map((user) => user.Username.length));
  console.log(`
  App:            ${appUrl}
  App, MFA required: ${mfaAppUrl}   (the pool us-east-1_LocalMfa: every user sets up an authenticator app)
  Sent messages:  ${emulator.url}/_emulator/   (codes and temporary passwords a real pool would email)
  Local pool:     ${emulator.url}

  Demo users (these passwords exist only in ${SEED_PATH}):
${users.map((user) => `    ${user.Username.padEnd(width)}  ${(user.Password ?? '').padEnd(16)}  ${describeUser(user)}`).join('\n')}

  Ctrl-C stops both servers.
`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([vite.close(), mfaVite.close(), emulator.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
