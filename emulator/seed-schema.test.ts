import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClock } from './clock';
import { SeedError, loadSeedFile, parseSeed, type SeedInput } from './seed-schema';
import { DEFAULT_SEED_PATH } from './server';
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

  it('never keeps a plain-text password in the store', async () => {
    const store = await Store.create(parseSeed(demoSeed()), createClock());
    const serialised = JSON.stringify([...store.pools.values()].flatMap((pool) => [...pool.users.values()]), (_key, value: unknown) =>
      value instanceof Map ? Object.fromEntries(value) : value,
    );
    for (const password of ['Demo-Passw0rd!', 'Temp-Passw0rd1!', 'Old-Passw0rd1!']) expect(serialised).not.toContain(password);
    expect(serialised).toContain('"verifier"');
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
