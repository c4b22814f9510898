import { spawn, type ChildProcess } from 'node:child_process';
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

});
