/**
 * `npm start`: the local user pool and the app's dev server together, for trying every flow by hand.
 * Ctrl-C stops both.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'vite';
import { startEmulator } from '../emulator/server';

const EMULATOR_PORT = 9229;
const SEED_PATH = 'emulator/seed.json';

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
  const vite = await createServer({ server: { open: false } });
  await vite.listen();
  const appUrl = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';

  const users = await demoUsers();
  const width = Math.max(...users.map((user) => user.Username.length));
  console.log(`
  App:            ${appUrl}
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
    await Promise.allSettled([vite.close(), emulator.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
