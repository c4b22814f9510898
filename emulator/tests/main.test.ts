import { spawn, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Starting means compiling with tsx and making key pairs for every seeded pool: seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

/** `npm run emulator` is `tsx emulator/main.ts`; this runs the same entry point the same way. */
function runEmulatorCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('close', (code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${output}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

let running: ChildProcess | undefined;
afterEach(async () => {
  if (running && running.exitCode === null) {
    running.kill('SIGKILL');
    await exitCode(running);
  }
  running = undefined;
});

describe('npm run emulator', () => {
  it('prints where it listens, serves the seed, and stops on SIGTERM', async () => {
    running = runEmulatorCli(['--port', '0']);
    const [, url] = await waitForOutput(running, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const jwks = (await (await fetch(`${url}/us-east-1_LocalDemo/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    running.kill('SIGTERM');
    expect(await exitCode(running)).toBe(0);
  });

  it('--allow-host adds a name the Host header may carry (docs/cognito-behaviour.md §0.7), and refuses a malformed one', async () => {
    running = runEmulatorCli(['--port', '0', '--allow-host', 'cognito.test', '--allow-host', 'pool.internal']);
    const [, port] = await waitForOutput(running, /listening on http:\/\/127\.0\.0\.1:(\d+)[\s\S]*also answers for host names: cognito\.test, pool\.internal/);
    const statusFor = (host: string) =>
      new Promise<number>((resolve, reject) => {
        httpGet({ host: '127.0.0.1', port: Number(port), path: '/_emulator/clock', headers: { Host: host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        }).on('error', reject);
      });
    expect(await statusFor(`cognito.test:${port}`)).toBe(200);
    expect(await statusFor(`pool.internal:${port}`)).toBe(200);
    expect(await statusFor(`other.test:${port}`)).toBe(421);

    const refused = runEmulatorCli(['--port', '0', '--allow-host', 'cognito.test:9229']);
    await waitForOutput(refused, /--allow-host takes a host name without a port/).catch(() => undefined);
    expect(await exitCode(refused)).toBe(2);
  });

  it('--allow-origin lets browser pages of that origin call the pool (docs/cognito-behaviour.md §0.1), and refuses a non-origin', async () => {
    running = runEmulatorCli(['--port', '0', '--allow-origin', 'https://app.example.test', '--allow-origin', 'http://lan.example.test:8080']);
    const [, url] = await waitForOutput(
      running,
      /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*also answers browser pages of: https:\/\/app\.example\.test, http:\/\/lan\.example\.test:8080/,
    );
    const grantFor = async (origin: string) =>
      (await fetch(`${url}/`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } })).headers.get(
        'access-control-allow-origin',
      );
    expect(await grantFor('https://app.example.test')).toBe('https://app.example.test');
    expect(await grantFor('http://lan.example.test:8080')).toBe('http://lan.example.test:8080');
    expect(await grantFor('https://other.example.test')).toBeNull();

    const refused = runEmulatorCli(['--port', '0', '--allow-origin', '*']);
    await waitForOutput(refused, /--allow-origin takes an origin/).catch(() => undefined);
    expect(await exitCode(refused)).toBe(2);
  });

});
