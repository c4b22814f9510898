/**
 * The ports `npm start` listens on, chosen in the environment:
 *
 * - `EMULATOR_PORT`: the local user pool (default 9229, which is also Node's debugger port);
 * - `PORT`: the app (default 5173), with the app in front of the pool that requires MFA on PORT+1 and the app
 *   for email sign-in on PORT+2.
 *
 * A port that is taken, or a value that is not a port, ends `npm start` with a sentence saying which port and
 * what to do, not a stack trace.
 */

export const DEFAULT_EMULATOR_PORT = 9229;
export const DEFAULT_APP_PORT = 5173;
const MAX_PORT = 65_535;
/** The apps take PORT, PORT+1 and PORT+2. */
const APP_PORT_COUNT = 3;

export interface StartPorts {
  /** The local user pool: EMULATOR_PORT. */
  emulator: number;
  /** The app in front of the demo pool: PORT. */
  app: number;
  /** The app in front of the pool that requires MFA: PORT+1. */
  mfaApp: number;
  /** The app in front of the pool whose users sign in with their email address: PORT+2. */
  emailApp: number;
}

export type PortRole = keyof StartPorts;

const ROLES: Record<PortRole, string> = {
  emulator: 'the local user pool',
  app: 'the app',
  mfaApp: 'the app for the pool that requires MFA, PORT+1',
  emailApp: 'the app for email sign-in, PORT+2',
};

/** What the person running `npm start` can fix: printed as it is, without a stack trace. */
export class StartError extends Error {
  override name = 'StartError';
}

type Environment = Readonly<Record<string, string | undefined>>;

/** The ports from PORT and EMULATOR_PORT (unset or empty: the defaults), or a StartError saying what is wrong. */
export function startPorts(env: Environment = process.env): StartPorts {
  const app = portFrom(env, 'PORT', DEFAULT_APP_PORT, MAX_PORT - APP_PORT_COUNT + 1);
  const emulator = portFrom(env, 'EMULATOR_PORT', DEFAULT_EMULATOR_PORT, MAX_PORT);
  const ports = { emulator, app, mfaApp: app + 1, emailApp: app + 2 };
  if (emulatorClashes(emulator, app)) {
    throw new StartError(
      `EMULATOR_PORT ${emulator} is one of the apps' ports (PORT ${app} and the next two). ` +
        `Choose ports apart: ${command(ports, { emulator: suggestEmulatorPort(ports) })}`,
    );
  }
  return ports;
}

function portFrom(env: Environment, name: string, fallback: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= max)) {
    const apps = name === 'PORT' ? ' (the apps take PORT, PORT+1 and PORT+2)' : '';
    throw new StartError(`${name} must be a port number from 1 to ${max}${apps}, not "${env[name]}".`);
  }
  return port;
}

function emulatorClashes(emulator: number, app: number): boolean {
  return emulator >= app && emulator < app + APP_PORT_COUNT;
}

/** The sentence for a port that is taken: which port, what it was for, and the command that chooses another. */
export function portInUseMessage(role: PortRole, ports: StartPorts): string {
  const port = ports[role];
  if (role === 'emulator') {
    const debuggerNote =
      port === 9229 ? "\n(9229 is also Node's debugger port: a process started with --inspect may be holding it.)" : '';
    return (
      `Port ${port} (${ROLES[role]}) is in use. Stop what uses it or choose another: ` +
      `${command(ports, { emulator: suggestEmulatorPort(ports) })}${debuggerNote}`
    );
  }
  return (
    `Port ${port} (${ROLES[role]}) is in use. Stop what uses it or choose other ports: ` +
    `${command(ports, { app: suggestAppPort(ports) })} (the apps take PORT, PORT+1 and PORT+2)`
  );
}

/** The sentence for a port this user may not open (below 1024 without privileges). */
export function portNotAllowedMessage(role: PortRole, ports: StartPorts): string {
  const variable = role === 'emulator' ? 'EMULATOR_PORT' : 'PORT';
  return `Port ${ports[role]} (${ROLES[role]}) needs privileges this user does not have. Choose ${variable} from 1024 up.`;
}

/** `PORT=… EMULATOR_PORT=… npm start`, naming a variable only where it differs from its default. */
function command(ports: StartPorts, change: { emulator?: number; app?: number }): string {
  const app = change.app ?? ports.app;
  const emulator = change.emulator ?? ports.emulator;
  const variables = [
    ...(app !== DEFAULT_APP_PORT ? [`PORT=${app}`] : []),
    ...(emulator !== DEFAULT_EMULATOR_PORT ? [`EMULATOR_PORT=${emulator}`] : []),
  ];
  return [...variables, 'npm start'].join(' ');
}

/** Ten ports along (or back, near the top), clear of the apps' ports. */
function suggestEmulatorPort(ports: StartPorts): number {
  return nearby(ports.emulator, 1, (port) => !emulatorClashes(port, ports.app));
}

/** Ten ports along (or back, near the top), all three clear of the pool's port. */
function suggestAppPort(ports: StartPorts): number {
  return nearby(ports.app, APP_PORT_COUNT, (port) => !emulatorClashes(ports.emulator, port));
}

function nearby(from: number, count: number, acceptable: (port: number) => boolean): number {
  for (const step of [10, -10]) {
    for (let port = step > 0 ? Math.max(from + step, 1024) : from + step; port >= 1024 && port + count - 1 <= MAX_PORT; port += step) {
      if (acceptable(port)) return port;
    }
  }
  return from;
}

/**
 * Starts one server with `start`, turning a port that is taken, or not allowed, into a StartError that says
 * so. It knows both ways such a failure arrives: Node's listen error (the local pool), and Vite's with
 * `strictPort` (the apps).
 */
export async function listenAs<T>(role: PortRole, ports: StartPorts, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const port = ports[role];
    if (code === 'EADDRINUSE' || (error instanceof Error && error.message === `Port ${port} is already in use`)) {
      throw new StartError(portInUseMessage(role, ports));
    }
    if (code === 'EACCES') throw new StartError(portNotAllowedMessage(role, ports));
    throw error;
  }
}
