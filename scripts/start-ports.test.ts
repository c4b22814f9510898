import { createServer as createNetServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer as createViteServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server';
import { listenAs, portInUseMessage, StartError, startPorts, type StartPorts } from './start-ports';

const DEFAULTS: StartPorts = { emulator: 9229, app: 5173, mfaApp: 5174, emailApp: 5175 };

describe('startPorts', () => {
  it('is 9229 for the pool and 5173, 5174, 5175 for the apps without PORT or EMULATOR_PORT', () => {
    expect(startPorts({})).toEqual(DEFAULTS);
    expect(startPorts({ PORT: '', EMULATOR_PORT: ' ' })).toEqual(DEFAULTS);
  });

  it('takes the apps from PORT, the next two following it, and the pool from EMULATOR_PORT', () => {
    expect(startPorts({ PORT: '6000', EMULATOR_PORT: '9300' })).toEqual({ emulator: 9300, app: 6000, mfaApp: 6001, emailApp: 6002 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a port number from 1 to 65533 (the apps take PORT, PORT+1 and PORT+2), not "abc".'],
    [{ PORT: '65534' }, 'PORT must be a port number from 1 to 65533 (the apps take PORT, PORT+1 and PORT+2), not "65534".'],
    [{ PORT: '0' }, 'PORT must be a port number from 1 to 65533 (the apps take PORT, PORT+1 and PORT+2), not "0".'],
    [{ EMULATOR_PORT: '92.29' }, 'EMULATOR_PORT must be a port number from 1 to 65535, not "92.29".'],
    [{ EMULATOR_PORT: '-1' }, 'EMULATOR_PORT must be a port number from 1 to 65535, not "-1".'],
    [{ EMULATOR_PORT: '70000' }, 'EMULATOR_PORT must be a port number from 1 to 65535, not "70000".'],
  ])('refuses %o with a sentence', (env, message) => {
    expect(() => startPorts(env)).toThrow(new StartError(message));
  });

  it("refuses a pool port that is one of the apps' ports, and offers one apart", () => {
    expect(() => startPorts({ EMULATOR_PORT: '5174' })).toThrow(
      new StartError("EMULATOR_PORT 5174 is one of the apps' ports (PORT 5173 and the next two). Choose ports apart: EMULATOR_PORT=5184 npm start"),
    );
  });
});

describe('portInUseMessage', () => {
  it('names the local pool, the command that moves it, and the Node debugger that often holds 9229', () => {
    expect(portInUseMessage('emulator', DEFAULTS)).toBe(
      'Port 9229 (the local user pool) is in use. Stop what uses it or choose another: EMULATOR_PORT=9239 npm start\n' +
        "(9229 is also Node's debugger port: a process started with --inspect may be holding it.)",
    );
  });

  it('names the app and moves all three apps, keeping a chosen pool port in the command', () => {
    const ports = startPorts({ EMULATOR_PORT: '9300' });
    expect(portInUseMessage('mfaApp', ports)).toBe(
      'Port 5174 (the app for the pool that requires MFA, PORT+1) is in use. Stop what uses it or choose other ports: ' +
        'PORT=5183 EMULATOR_PORT=9300 npm start (the apps take PORT, PORT+1 and PORT+2)',
    );
  });

  it('offers ports that do not collide with each other, nor go past 65535', () => {
    expect(portInUseMessage('app', startPorts({ EMULATOR_PORT: '5184' }))).toContain('PORT=5193 EMULATOR_PORT=5184 npm start');
    expect(portInUseMessage('app', startPorts({ PORT: '65533' }))).toContain('PORT=65523 npm start');
    expect(portInUseMessage('emulator', startPorts({ EMULATOR_PORT: '65530' }))).toContain('EMULATOR_PORT=65520 npm start');
    // A busy port below 1024 is answered with one a user may open, not with the same port again.
    expect(portInUseMessage('emulator', startPorts({ EMULATOR_PORT: '80' }))).toContain('EMULATOR_PORT=1024 npm start');
    expect(portInUseMessage('app', startPorts({ PORT: '80', EMULATOR_PORT: '9229' }))).toContain('PORT=1024 npm start');
  });
});

describe('listenAs, against a port that is taken', () => {
  let occupied: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (occupied ? occupied.close(() => resolve()) : resolve()));
    occupied = undefined;
  });

  async function occupyPort(): Promise<number> {
    occupied = createNetServer();
    await new Promise<void>((resolve) => occupied?.listen(0, '127.0.0.1', resolve));
    return (occupied.address() as AddressInfo).port;
  }

  it('says which port the local pool could not have (Node: EADDRINUSE)', async () => {
    const port = await occupyPort();
    const ports = { ...DEFAULTS, emulator: port };
    const started = listenAs('emulator', ports, () => startEmulator({ port }));
    await expect(started).rejects.toThrow(StartError);
    await expect(started).rejects.toThrow(`Port ${port} (the local user pool) is in use. Stop what uses it or choose another: EMULATOR_PORT=`);
  });

  it("says which port an app could not have (Vite's strictPort)", async () => {
    const port = await occupyPort();
    const ports = { ...DEFAULTS, app: port, mfaApp: port + 1, emailApp: port + 2 };
    const vite = await createViteServer({
      configFile: false,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port, strictPort: true, watch: null, ws: false },
    });
    try {
      const listened = listenAs('app', ports, () => vite.listen());
      await expect(listened).rejects.toThrow(StartError);
      await expect(listened).rejects.toThrow(`Port ${port} (the app) is in use. Stop what uses it or choose other ports: PORT=`);
    } finally {
      await vite.close();
    }
  });

  it('lets any other failure through as it is', async () => {
    const failure = new Error('something else');
    await expect(listenAs('app', DEFAULTS, () => Promise.reject(failure))).rejects.toBe(failure);
  });
});
