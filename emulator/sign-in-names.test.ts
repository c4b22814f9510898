import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SeedError, parseSeed, type SeedInput } from './seed-schema';
import { DEFAULT_SEED_PATH } from './server';
import {
  aliasShapedUsernameMessage,
  findByAlias,
  isEmailFormat,
  isPhoneFormat,
  usernameAttributeOf,
  usernameFormatMessage,
  type NamedPool,
  type NamedUser,
} from './sign-in-names';

/** docs/cognito-behaviour.md §10: the rules on their own, and the seed file held to them. */

const user = (username: string, attributes: Record<string, string>): NamedUser => ({ username, attributes: new Map(Object.entries(attributes)) });

function pool(settings: Partial<NamedPool>, users: NamedUser[]): NamedPool {
  return {
    caseSensitive: true,
    usernameAttributes: [],
    aliasAttributes: [],
    ...settings,
    users: new Map(users.map((entry) => [entry.username, entry])),
  };
}

describe('formats (§10.2)', () => {
  it('an email address has a local part, @ and a dotted domain, no spaces', () => {
    for (const value of ['jane@example.com', 'j.doe+tag@mail.example.co.jp']) expect(isEmailFormat(value), value).toBe(true);
    for (const value of ['jane', 'jane@example', '@example.com', 'jane@@example.com', 'jane doe@example.com', 'jane@example.']) {
      expect(isEmailFormat(value), value).toBe(false);
    }
  });

  it('a phone number is + and up to 15 digits, nothing else', () => {
    for (const value of ['+15555550123', '+819012345678']) expect(isPhoneFormat(value), value).toBe(true);
    for (const value of ['15555550123', '+1 555 555 0123', '+1-555-555-0123', '+0123456', '+1234567890123456']) {
      expect(isPhoneFormat(value), value).toBe(false);
    }
  });

  it('the refusal names what the pool signs in with', () => {
    expect(usernameFormatMessage({ usernameAttributes: ['email'] })).toBe('Username should be an email.');
    expect(usernameFormatMessage({ usernameAttributes: ['phone_number'] })).toBe('Username should be a phone number.');
    expect(usernameFormatMessage({ usernameAttributes: ['email', 'phone_number'] })).toBe(
      'Username should be either an email or a phone number.',
    );
    expect(usernameAttributeOf({ usernameAttributes: ['phone_number'] }, 'jane@example.com')).toBeNull();
    expect(usernameAttributeOf({ usernameAttributes: ['email', 'phone_number'] }, '+15555550123')).toBe('phone_number');
    expect(aliasShapedUsernameMessage({ aliasAttributes: ['preferred_username'] }, 'jane@example.com')).toBeNull();
  });
});

describe('findByAlias (§10.1)', () => {
  const jane = user('jane', { email: 'Jane@example.com', email_verified: 'true', phone_number: '+15555550123', preferred_username: 'JJ' });
  const unverified = user('kim', { email: 'kim@example.com', email_verified: 'false' });

  it('in a UsernameAttributes pool, the address, verified or not, in the pool’s capitalisation rule', () => {
    const insensitive = pool({ caseSensitive: false, usernameAttributes: ['email'] }, [jane, unverified]);
    expect(findByAlias(insensitive, 'jane@EXAMPLE.com')).toBe(jane);
    expect(findByAlias(insensitive, 'kim@example.com')).toBe(unverified);
    expect(findByAlias(insensitive, '+15555550123')).toBeUndefined();
    const sensitive = pool({ caseSensitive: true, usernameAttributes: ['email'] }, [jane]);
    expect(findByAlias(sensitive, 'jane@example.com')).toBeUndefined();
    expect(findByAlias(sensitive, 'Jane@example.com')).toBe(jane);
  });

  it('in an alias pool, only verified email and phone aliases, and the preferred_username', () => {
    const aliases = pool({ caseSensitive: false, aliasAttributes: ['email', 'phone_number', 'preferred_username'] }, [jane, unverified]);
    expect(findByAlias(aliases, 'jane@example.com')).toBe(jane);
    expect(findByAlias(aliases, 'jj')).toBe(jane);
    expect(findByAlias(aliases, 'kim@example.com')).toBeUndefined();
    // phone_number_verified is absent: not an active alias.
    expect(findByAlias(aliases, '+15555550123')).toBeUndefined();
    expect(findByAlias(pool({ aliasAttributes: ['email'] }, [jane]), 'JJ')).toBeUndefined();
  });

  it('in a pool that signs in by username alone, nothing', () => {
    expect(findByAlias(pool({}, [jane]), 'Jane@example.com')).toBeUndefined();
  });
});

describe('the seed file (§10.5)', () => {
  const demoSeed = (): SeedInput => JSON.parse(readFileSync(DEFAULT_SEED_PATH, 'utf8')) as SeedInput;
  const emailPool = (seed: SeedInput) => {
    const found = seed.UserPools.find((entry) => entry.Id === 'us-east-1_LocalEmail');
    if (!found) throw new Error('no email pool in the seed');
    return found;
  };
  const problems = (seed: SeedInput): string => {
    try {
      parseSeed(seed);
      return '';
    } catch (error) {
      if (error instanceof SeedError) return error.message;
      throw error;
    }
  };

  it('has an email pool like the demo pool and a pool with aliases', () => {
    const seed = parseSeed(demoSeed());
    const [demo] = seed.UserPools;
    const email = seed.UserPools.find((entry) => entry.Id === 'us-east-1_LocalEmail');
    expect(email).toMatchObject({ UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false }, AliasAttributes: [] });
    expect(email?.PasswordPolicy).toEqual(demo.PasswordPolicy);
    const { ClientId: _demoId, ClientName: _demoName, ...demoClient } = demo.Clients[0];
    const { ClientId: _emailId, ClientName: _emailName, ...emailClient } = email?.Clients[0] ?? demo.Clients[0];
    expect(emailClient).toEqual(demoClient);
    // The demo pool's states: confirmed, temporary password, admin reset, no verified contact, disabled, phone, MFA.
    expect(email?.Users.map((entry) => `${entry.Username}:${entry.UserStatus}:${entry.Enabled}`)).toEqual([
      'demo@example.com:CONFIRMED:true',
      'new@example.com:FORCE_CHANGE_PASSWORD:true',
      'reset@example.com:RESET_REQUIRED:true',
      'no.contact@example.com:CONFIRMED:true',
      'disabled@example.com:CONFIRMED:false',
      'phone@example.com:CONFIRMED:true',
      'totp@example.com:CONFIRMED:true',
    ]);
    expect(seed.UserPools.find((entry) => entry.Id === 'us-east-1_LocalAlias')?.AliasAttributes).toEqual([
      'email',
      'phone_number',
      'preferred_username',
    ]);
  });

  it('refuses what CreateUserPool and AdminCreateUser would', () => {
    const both = demoSeed();
    emailPool(both).AliasAttributes = ['preferred_username'];
    expect(problems(both)).toContain('UsernameAttributes or AliasAttributes, not both');

    const notAnEmail = demoSeed();
    emailPool(notAnEmail).Users?.push({ Username: 'jane', Password: 'Demo-Passw0rd!' });
    expect(problems(notAnEmail)).toContain('jane: Username should be an email.');

    const taken = demoSeed();
    emailPool(taken).Users?.push({ Username: 'DEMO@example.com', Password: 'Demo-Passw0rd!' });
    expect(problems(taken)).toContain('email DEMO@example.com is also demo@example.com');

    const twoAddresses = demoSeed();
    emailPool(twoAddresses).Users?.push({ Username: 'x@example.com', Password: 'Demo-Passw0rd!', Attributes: { email: 'y@example.com' } });
    expect(problems(twoAddresses)).toContain('the Username is the user’s email'.replace('’', "'"));

    const disagreeing = demoSeed();
    emailPool(disagreeing).UsernameCaseSensitive = true;
    expect(problems(disagreeing)).toContain('disagree');
  });
});
