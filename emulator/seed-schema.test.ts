import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClock } from './clock';
import { SeedError, loadSeedFile, parseSeed, type SeedInput } from './seed-schema';
import { DEFAULT_SEED_PATH } from './server';
import { passwordMatches } from './srp';
import { Store } from './store';

const demoSeed = (): SeedInput => JSON.parse(readFileSync(DEFAULT_SEED_PATH, 'utf8')) as SeedInput;

describe('the demo seed', () => {
  it('is valid and has the documented pool, clients and users', () => {
    const seed = parseSeed(demoSeed());
    const [pool] = seed.UserPools;
    expect(pool.Id).toBe('us-east-1_LocalDemo');
    expect(pool.Clients.map((client) => client.ClientId)).toEqual([
      'localdemoappclient00000001',
      'localdemolegacyclient00001',
      'localdemosecretclient00001',
    ]);
    expect(pool.Users.map((user) => `${user.Username}:${user.UserStatus}:${user.Enabled}`)).toEqual([
      'demo.user:CONFIRMED:true',
      'new.user:FORCE_CHANGE_PASSWORD:true',
      'reset.user:RESET_REQUIRED:true',
      'no.contact:CONFIRMED:true',
      'disabled.user:CONFIRMED:false',
      'phone.user:CONFIRMED:true',
    ]);
  });

  it('never keeps a plain-text password in the store, not even in what it keeps of the seed for reset', async () => {
    const store = await Store.create(parseSeed(demoSeed()), createClock());
    // Everything reachable from the store as data, private fields included (TypeScript's `private` is only a
    // compile-time mark), Maps and Sets as arrays.
    const serialised = JSON.stringify(store, (_key, value: unknown) =>
      value instanceof Map || value instanceof Set ? [...value] : value,
    );
    for (const password of ['Demo-Passw0rd!', 'Temp-Passw0rd1!', 'Old-Passw0rd1!']) expect(serialised).not.toContain(password);
    expect(serialised).toContain('"verifier"');
    // The seed state is in what was serialised: the users as the seed describes them, for reset.
    expect(serialised).toContain('"pendingResetCode"');
  });

  it('rebuilds the seeded users on reset: same sub, same password, a fresh copy of the verifier', async () => {
    const store = await Store.create(parseSeed(demoSeed()), createClock());
    const pool = store.findPool('us-east-1_LocalDemo');
    if (!pool) throw new Error('no demo pool');
    const before = store.findUser(pool, 'demo.user');
    store.reset();
    const resetPool = store.findPool('us-east-1_LocalDemo');
    if (!resetPool) throw new Error('no demo pool after reset');
    const after = store.findUser(resetPool, 'demo.user');
    expect(after?.sub).toBe(before?.sub);
    expect(after?.password).toEqual(before?.password);
    expect(after?.password).not.toBe(before?.password);
    expect(passwordMatches(resetPool.srpPoolName, 'demo.user', 'Demo-Passw0rd!', after?.password ?? { salt: '', verifier: '' })).toBe(true);
  });
});

describe('parseSeed', () => {
  it('lists every problem with its path', () => {
    const seed = demoSeed();
    seed.UserPools[0].Id = 'bad id';
    seed.UserPools[0].Clients[1].ClientId = seed.UserPools[0].Clients[0].ClientId;
    expect(() => parseSeed(seed)).toThrow(SeedError);
    try {
      parseSeed(seed);
    } catch (error) {
      expect((error as Error).message).toContain('UserPools.0.Id');
      expect((error as Error).message).toContain('appears twice');
    }
  });

  it('refuses a seeded password that breaks the pool policy when the store loads', async () => {
    const seed = demoSeed();
    (seed.UserPools[0].Users ?? [])[0].Password = 'weak';
    await expect(Store.create(parseSeed(seed), createClock())).rejects.toThrow(/breaks the pool's policy \(Password not long enough\)/);
  });
});

describe('loadSeedFile', () => {
  it('names the file and the problem', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'emulator-seed-'));
    try {
      const notJson = join(folder, 'broken.json');
      await writeFile(notJson, '{ "UserPools": [');
      await expect(loadSeedFile(notJson)).rejects.toThrow(`seed file ${notJson} is not JSON`);
      const invalid = join(folder, 'invalid.json');
      await writeFile(invalid, JSON.stringify({ UserPools: [{ Id: 'not a pool id', Name: 'x', Clients: [] }] }));
      await expect(loadSeedFile(invalid)).rejects.toThrow(/not a valid seed:[\s\S]*UserPools\.0\.Id/);
      await expect(loadSeedFile(join(folder, 'missing.json'))).rejects.toThrow(SeedError);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
