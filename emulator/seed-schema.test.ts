import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createClock } from './clock';
import { SeedError, loadSeedFile, parseSeed, type SeedInput } from './seed-schema';
import { DEFAULT_SEED_PATH } from './server';
import { passwordMatches } from './srp';
import { Store } from './store';

// Store.create makes three RSA key pairs for each seeded pool: on a busy two-core machine that alone can take
// several seconds, beyond vitest's 5 s default.
vi.setConfig({ testTimeout: 30_000 });

const demoSeed = (): SeedInput => JSON.parse(readFileSync(DEFAULT_SEED_PATH, 'utf8')) as SeedInput;

describe('the demo seed', () => {
  it('is valid and has the documented pools, clients and users', () => {
    const seed = parseSeed(demoSeed());
    const [pool, mfaPool] = seed.UserPools;
    expect(pool.Id).toBe('us-east-1_LocalDemo');
    expect(pool.Clients.map((client) => client.ClientId)).toEqual([
      'localdemoappclient00000001',
      'localdemolegacyclient00001',
      'localdemosecretclient00001',
      // §4.21: refresh-token rotation, for the app's `refreshTokenRotation` (README).
      'localdemorotatingclient001',
    ]);
    expect(pool.Clients.at(-1)).toMatchObject({
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 },
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
    });
    expect(pool.Users.map((user) => `${user.Username}:${user.UserStatus}:${user.Enabled}`)).toEqual([
      'demo.user:CONFIRMED:true',
      'new.user:FORCE_CHANGE_PASSWORD:true',
      'reset.user:RESET_REQUIRED:true',
      'no.contact:CONFIRMED:true',
      'disabled.user:CONFIRMED:false',
      'phone.user:CONFIRMED:true',
      'totp.user:CONFIRMED:true',
      'sms.user:CONFIRMED:true',
      'email.user:CONFIRMED:true',
      'choose.user:CONFIRMED:true',
    ]);
    // docs/cognito-behaviour.md, MFA: the demo pool offers every factor, but only the MFA users turned one on.
    expect(pool.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.Users.filter((user) => user.UserMFASettingList.length > 0).map((user) => user.Username)).toEqual([
      'totp.user',
      'sms.user',
      'email.user',
      'choose.user',
    ]);
    expect(mfaPool).toMatchObject({ Id: 'us-east-1_LocalMfa', Name: 'LocalMfaRequired', MfaConfiguration: 'ON' });
    expect(mfaPool.PasswordPolicy).toEqual(pool.PasswordPolicy);
    expect(mfaPool.RequiredAttributes).toEqual(pool.RequiredAttributes);
    const { ClientId: _demoId, ClientName: _demoName, ...demoClient } = pool.Clients[0];
    const { ClientId: mfaClientId, ClientName: _mfaName, ...mfaClient } = mfaPool.Clients[0];
    expect(mfaClientId).toBe('localmfaappclient000000001');
    expect(mfaClient).toEqual(demoClient);
    expect(mfaPool.Users.map((user) => `${user.Username}:${user.UserStatus}`)).toEqual(['mfa.new.user:FORCE_CHANGE_PASSWORD']);
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

describe('MFA state on reset', () => {
  it('brings back the seeded MFA settings, and changes never reach the seed', async () => {
    const store = await Store.create(parseSeed(demoSeed()), createClock());
    const pool = store.findPool('us-east-1_LocalDemo');
    const user = pool && store.findUser(pool, 'choose.user');
    if (!pool || !user?.mfa.softwareToken) throw new Error('no choose.user');
    user.mfa.enabled.clear();
    user.mfa.softwareToken.secret = 'CHANGED';
    user.mfa.lastTotpStep = 99;
    pool.mfaConfig = { MfaConfiguration: 'OFF' };
    store.reset();
    const resetPool = store.findPool('us-east-1_LocalDemo');
    const resetUser = resetPool && store.findUser(resetPool, 'choose.user');
    expect(resetPool?.mfaConfig.MfaConfiguration).toBe('OPTIONAL');
    expect([...(resetUser?.mfa.enabled ?? [])]).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expect(resetUser?.mfa.softwareToken?.secret).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(resetUser?.mfa.lastTotpStep).toBe(-1);
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

  it('refuses an MFA configuration Cognito would refuse (docs/cognito-behaviour.md, MFA, M3)', () => {
    const requiredWithoutFactor = demoSeed();
    requiredWithoutFactor.UserPools[1].MfaConfiguration = 'ON';
    delete requiredWithoutFactor.UserPools[1].SoftwareTokenMfaConfiguration;
    expect(() => parseSeed(requiredWithoutFactor)).toThrow(/UserPools\.1\.MfaConfiguration: Invalid MFA configuration given, can't disable all MFAs/);
    const offWithFactor = demoSeed();
    offWithFactor.UserPools[0].MfaConfiguration = 'OFF';
    expect(() => parseSeed(offWithFactor)).toThrow(/can't turn off MFA and configure an MFA together/);
  });

  it('refuses user MFA settings SetUserMFAPreference would refuse', () => {
    const seed = demoSeed();
    const users = seed.UserPools[0].Users ?? [];
    const demoUser = users.find((user) => user.Username === 'demo.user');
    if (!demoUser) throw new Error('no demo.user');
    Object.assign(demoUser, { UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'EMAIL_OTP' });
    const problems = (() => {
      try {
        parseSeed(seed);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(problems).toContain('PreferredMfaSetting EMAIL_OTP must also be in UserMFASettingList');
    expect(problems).toContain('SOFTWARE_TOKEN_MFA needs a SoftwareToken');
    expect(problems).toContain('SMS_MFA needs a phone_number attribute');
  });

  it('takes only base32 authenticator secrets', () => {
    const seed = demoSeed();
    const totpUser = (seed.UserPools[0].Users ?? []).find((user) => user.Username === 'totp.user');
    if (!totpUser?.SoftwareToken) throw new Error('no totp.user');
    totpUser.SoftwareToken.SecretCode = 'not-base32-at-all-0189';
    expect(() => parseSeed(seed)).toThrow(/SoftwareToken\.SecretCode: must be base32/);
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
