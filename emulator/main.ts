import { parseArgs } from 'node:util';
import { parseAllowedOrigin } from './http-util';
import { SeedError } from './seed-schema';
import { DEFAULT_SEED_PATH, startEmulator } from './server';

/**
 * `npm run emulator -- [--port 9229] [--seed FILE] [--allow-host NAME]… [--allow-origin ORIGIN]…`: the local
 * Cognito user pool, until Ctrl-C.
 */

const USAGE =
  'usage: npm run emulator -- [--port 9229] [--seed emulator/seed.json] [--allow-host NAME]... [--allow-origin ORIGIN]...\n' +
  '  --allow-host NAME      also answer requests whose Host header is NAME (besides 127.0.0.1, localhost, [::1]); repeatable\n' +
  '  --allow-origin ORIGIN  also let browser pages of ORIGIN (e.g. https://app.example.test) call the pool; repeatable';

/** A host name as it appears in a Host header: letters, digits, dots and hyphens, or an IPv6 address in brackets. */
function parseAllowedHost(name: string): string {
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/i.test(name)) {
    console.error(`--allow-host takes a host name without a port, such as cognito.test or [fd00::1], not "${name}"\n${USAGE}`);
    process.exit(2);
  }
  return name.toLowerCase();
}

/** A whole http(s) origin, as a browser sends it in its Origin header (docs/cognito-behaviour.md §0.1). */
function parseOriginOption(text: string): string {
  const origin = parseAllowedOrigin(text);
  if (origin === null) {
    console.error(`--allow-origin takes an origin such as https://app.example.test (no path, no *), not "${text}"\n${USAGE}`);
    process.exit(2);
  }
  return origin;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 9229;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${text}"\n${USAGE}`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  let values: { port?: string; seed?: string; 'allow-host'?: string[]; 'allow-origin'?: string[]; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        'allow-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seedPath = values.seed ?? DEFAULT_SEED_PATH;
  let emulator;
  try {
    const allowedHosts = (values['allow-host'] ?? []).map(parseAllowedHost);
    const allowedOrigins = (values['allow-origin'] ?? []).map(parseOriginOption);
    emulator = await startEmulator({ port: parsePort(values.port), seedPath, allowedHosts, allowedOrigins });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof SeedError) console.error(error.message);
    else if (code === 'EADDRINUSE') console.error(`Port ${values.port ?? 9229} is already in use; choose another with --port.`);
    else console.error(error);
    process.exit(1);
  }
  const pools = [...emulator.store.pools.values()];
  console.log(`Local Cognito user pool listening on ${emulator.url}`);
  console.log(`  seed: ${seedPath}`);
  for (const pool of pools) {
    console.log(`  pool ${pool.id}: ${pool.users.size} users; clients ${[...pool.clients.keys()].join(', ')}`);
    console.log(`  JWKS: ${emulator.url}/${pool.id}/.well-known/jwks.json`);
  }
  console.log(`  outbox (codes and temporary passwords): ${emulator.url}/_emulator/`);
  if (values['allow-host']?.length) console.log(`  also answers for host names: ${values['allow-host'].join(', ')}`);
  if (values['allow-origin']?.length) {
    console.log(`  also answers browser pages of: ${values['allow-origin'].map(parseOriginOption).join(', ')}`);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local user pool`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
