import { describe, expect, it } from 'vitest';
import { parseConfig } from './load-config';
import type { ConfigIssue } from './schema';

const valid = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_LocalDemo',
  userPoolClientId: 'localdemoappclient00000001',
};

function issuesFor(input: unknown): ConfigIssue[] {
  const result = parseConfig(input, '/config.json');
  if (result.ok) throw new Error('expected the config to be rejected');
  if (result.problem.kind !== 'invalid') throw new Error(`expected invalid, got ${result.problem.kind}`);
  return result.problem.issues;
}

describe('AppConfigSchema', () => {
  it('fills every default from the three required keys', () => {
    const result = parseConfig(valid);
    expect(result).toEqual({
      ok: true,
      config: {
        ...valid,
        authenticationFlowType: 'USER_SRP_AUTH',
        challengeSessionMinutes: 3,
        challengeWarningSeconds: 60,
        passwordPolicy: {
          minimumLength: 8,
          requireUppercase: true,
          requireLowercase: true,
          requireNumbers: true,
          requireSymbols: true,
        },
        tokenStorage: 'localStorage',
        refreshTokenRotation: false,
        // No productName: the app shows its own name, translated (a default here would be English everywhere).
        defaultLanguage: 'en',
        mfaConfiguration: 'OFF',
        mfaMethods: [],
        signInWith: ['username'],
      },
    });
  });

  it('leaves endpoint absent so the SDK talks to AWS', () => {
    const result = parseConfig(valid);
    expect(result.ok && 'endpoint' in result.config && result.config.endpoint !== undefined).toBe(false);
  });

  it('fills the password policy defaults that a partial policy leaves out', () => {
    const result = parseConfig({ ...valid, passwordPolicy: { minimumLength: 12, requireSymbols: false } });
    expect(result.ok && result.config.passwordPolicy).toEqual({
      minimumLength: 12,
      requireUppercase: true,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: false,
    });
  });

  it('accepts the repository public/config.json', async () => {
    const { default: shipped } = await import('../../public/config.json');
    const result = parseConfig(shipped);
    expect(result.ok).toBe(true);
    expect(result.ok && result.config.endpoint).toBe('http://127.0.0.1:9229/');
    // The local demo pool: MFA optional, with every factor.
    expect(result.ok && [result.config.mfaConfiguration, [...result.config.mfaMethods].sort()]).toEqual([
      'OPTIONAL',
      ['EMAIL_OTP', 'SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
    ]);
  });

  it('reports a document that is not an object', () => {
    expect(issuesFor([])).toEqual([{ key: '', problem: 'invalid', expectKey: 'config.expect.object', values: undefined }]);
  });

  it.each([
    ['region', 'config.expect.region'],
    ['userPoolId', 'config.expect.userPoolId'],
    ['userPoolClientId', 'config.expect.userPoolClientId'],
  ])('reports the missing required key %s', (key, expectKey) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[key];
    expect(issuesFor(input)).toContainEqual(expect.objectContaining({ key, problem: 'missing', expectKey }));
  });

  it.each<[string, unknown, string, Record<string, string | number>?]>([
    ['region', 'US East', 'config.expect.region'],
    ['userPoolId', 'LocalDemo', 'config.expect.userPoolId', { maxLength: 55 }],
    ['userPoolId', `us-east-1_${'a'.repeat(50)}`, 'config.expect.userPoolId', { maxLength: 55 }],
    ['userPoolClientId', 'client id with spaces', 'config.expect.userPoolClientId'],
    ['endpoint', 'ftp://127.0.0.1:9229/', 'config.expect.endpoint'],
    ['endpoint', 'localhost:9229', 'config.expect.endpoint'],
    ['authenticationFlowType', 'CUSTOM_AUTH', 'config.expect.oneOf', { choices: 'USER_SRP_AUTH, USER_PASSWORD_AUTH' }],
    ['challengeSessionMinutes', 2, 'config.expect.challengeSessionMinutes'],
    ['challengeSessionMinutes', 16, 'config.expect.challengeSessionMinutes'],
    ['challengeSessionMinutes', 3.5, 'config.expect.challengeSessionMinutes'],
    ['challengeSessionMinutes', '3', 'config.expect.challengeSessionMinutes'],
    ['challengeWarningSeconds', -1, 'config.expect.challengeWarningSeconds'],
    ['tokenStorage', 'cookies', 'config.expect.oneOf', { choices: 'localStorage, sessionStorage' }],
    ['refreshTokenRotation', 'ENABLED', 'config.expect.boolean'],
    ['productName', '   ', 'config.expect.productName', { maxLength: 60, languages: 'en, ja, zh-CN' }],
    ['productName', 42, 'config.expect.productName', { maxLength: 60, languages: 'en, ja, zh-CN' }],
    ['productName', ['Account'], 'config.expect.productName', { maxLength: 60, languages: 'en, ja, zh-CN' }],
    ['passwordPolicy', 'strong', 'config.expect.object'],
  ])('reports an invalid %s (%j)', (key, value, expectKey, values) => {
    expect(issuesFor({ ...valid, [key]: value })).toEqual([{ key, problem: 'invalid', expectKey, values }]);
  });

  it.each<[string, unknown, string, Record<string, string | number>?]>([
    ['minimumLength', 5, 'config.expect.wholeNumber', { min: 6, max: 99 }],
    ['minimumLength', 100, 'config.expect.wholeNumber', { min: 6, max: 99 }],
    ['requireUppercase', 'yes', 'config.expect.boolean'],
    ['requireLowercase', 1, 'config.expect.boolean'],
    ['requireNumbers', null, 'config.expect.boolean'],
    ['requireSymbols', 'false', 'config.expect.boolean'],
  ])('reports an invalid passwordPolicy.%s (%j)', (key, value, expectKey, values) => {
    expect(issuesFor({ ...valid, passwordPolicy: { [key]: value } })).toEqual([
      { key: `passwordPolicy.${key}`, problem: 'invalid', expectKey, values },
    ]);
  });

  it('reports a misspelt key instead of ignoring it', () => {
    expect(issuesFor({ ...valid, endPoint: 'http://127.0.0.1:9229/' })).toEqual([
      { key: 'endPoint', problem: 'unknownKey', expectKey: 'config.expect.noSuchKey' },
    ]);
  });

  it('reports a misspelt key inside the password policy', () => {
    expect(issuesFor({ ...valid, passwordPolicy: { minLength: 10 } })).toEqual([
      { key: 'passwordPolicy.minLength', problem: 'unknownKey', expectKey: 'config.expect.noSuchKey' },
    ]);
  });

  it('accepts one product name, or one per language that includes the default language', () => {
    const one = parseConfig({ ...valid, productName: '  Example Corp  ' });
    expect(one.ok && one.config.productName).toBe('Example Corp');
    const perLanguage = { en: 'Example account', ja: 'Example アカウント' };
    const map = parseConfig({ ...valid, productName: perLanguage });
    expect(map.ok && map.config.productName).toEqual(perLanguage);
    const japaneseFirst = parseConfig({ ...valid, defaultLanguage: 'ja', productName: { ja: 'Example アカウント' } });
    expect(japaneseFirst.ok).toBe(true);
  });

  it("reports a per-language product name without the default language's name", () => {
    expect(issuesFor({ ...valid, productName: { ja: 'Example アカウント' } })).toEqual([
      { key: 'productName', problem: 'invalid', expectKey: 'config.expect.productNameForDefaultLanguage', values: undefined },
    ]);
    expect(issuesFor({ ...valid, defaultLanguage: 'zh-CN', productName: { en: 'Example' } })).toEqual([
      { key: 'productName', problem: 'invalid', expectKey: 'config.expect.productNameForDefaultLanguage', values: undefined },
    ]);
  });

  it('reports an empty or too long name for one language, and a language the app does not speak, by key', () => {
    expect(issuesFor({ ...valid, productName: { en: 'Example', ja: '  ' } })).toEqual([
      { key: 'productName.ja', problem: 'invalid', expectKey: 'config.expect.productNameText', values: { maxLength: 60 } },
    ]);
    expect(issuesFor({ ...valid, productName: { en: 'x'.repeat(61) } })).toEqual([
      { key: 'productName.en', problem: 'invalid', expectKey: 'config.expect.productNameText', values: { maxLength: 60 } },
    ]);
    expect(issuesFor({ ...valid, productName: { en: 'Example', fr: 'Exemple' } })).toEqual([
      { key: 'productName.fr', problem: 'unknownKey', expectKey: 'config.expect.noSuchKey' },
    ]);
  });

  it('reports a pool id from another region than the configured one', () => {
    expect(issuesFor({ ...valid, region: 'eu-west-1' })).toEqual([
      { key: 'userPoolId', problem: 'invalid', expectKey: 'config.expect.userPoolIdInRegion', values: undefined },
    ]);
  });

  it('reports a warning that is not shorter than the challenge session', () => {
    expect(issuesFor({ ...valid, challengeSessionMinutes: 3, challengeWarningSeconds: 180 })).toEqual([
      {
        key: 'challengeWarningSeconds',
        problem: 'invalid',
        expectKey: 'config.expect.warningShorterThanSession',
        values: undefined,
      },
    ]);
  });

  it.each(['https://cdn.example.com/brand/logo.svg', 'http://127.0.0.1:5173/logo.png', '/logo.svg', '/brand/logo%20dark.png?v=2'])(
    'accepts the logo URL %s and keeps it as given',
    (logoUrl) => {
      const result = parseConfig({ ...valid, logoUrl });
      expect(result.ok && result.config.logoUrl).toBe(logoUrl);
    },
  );

  it('has no logo unless one is configured', () => {
    const result = parseConfig(valid);
    expect(result.ok && result.config.logoUrl).toBeUndefined();
  });

  // An image URL cannot run script in a browser today, but only a web address or the app's own files is
  // meant here; a data: URL would also fall foul of a strict Content-Security-Policy.
  it.each(['javascript:alert(1)', 'data:image/svg+xml,<svg/>', '//evil.example/logo.svg', '/\\evil.example/logo.svg', 'logo.svg', '', 42])(
    'reports the logo URL %j',
    (logoUrl) => {
      expect(issuesFor({ ...valid, logoUrl })).toEqual([
        { key: 'logoUrl', problem: 'invalid', expectKey: 'config.expect.logoUrl', values: undefined },
      ]);
    },
  );

  it.each(['en', 'ja', 'zh-CN'] as const)('accepts the default language %s', (defaultLanguage) => {
    const result = parseConfig({ ...valid, defaultLanguage });
    expect(result.ok && result.config.defaultLanguage).toBe(defaultLanguage);
  });

  // Exact tags only: the config names one of the catalogs, it is not a browser preference to match loosely.
  it.each(['zh', 'zh-cn', 'ja-JP', 'fr', '', 1])('reports the default language %j', (defaultLanguage) => {
    expect(issuesFor({ ...valid, defaultLanguage })).toEqual([
      { key: 'defaultLanguage', problem: 'invalid', expectKey: 'config.expect.oneOf', values: { choices: 'en, ja, zh-CN' } },
    ]);
  });

  it.each<[string, string[]]>([
    ['OPTIONAL', ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP']],
    ['ON', ['SOFTWARE_TOKEN_MFA']],
    ['OFF', []],
  ])('accepts MFA %s with the methods %j', (mfaConfiguration, mfaMethods) => {
    const result = parseConfig({ ...valid, mfaConfiguration, mfaMethods });
    expect(result.ok && [result.config.mfaConfiguration, result.config.mfaMethods]).toEqual([mfaConfiguration, mfaMethods]);
  });

  it.each(['on', 'REQUIRED', '', true])('reports the MFA configuration %j', (mfaConfiguration) => {
    expect(issuesFor({ ...valid, mfaConfiguration })).toEqual([
      { key: 'mfaConfiguration', problem: 'invalid', expectKey: 'config.expect.oneOf', values: { choices: 'OFF, OPTIONAL, ON' } },
    ]);
  });

  // A wrong method is reported once, on the list, whichever item it is.
  it.each<[string, unknown]>([
    ['an unknown method', ['SOFTWARE_TOKEN_MFA', 'TOTP']],
    ['a method twice', ['SMS_MFA', 'SMS_MFA']],
    ['a text instead of a list', 'SMS_MFA'],
  ])('reports the MFA methods with %s', (_case, mfaMethods) => {
    expect(issuesFor({ ...valid, mfaConfiguration: 'OPTIONAL', mfaMethods })).toEqual([
      {
        key: 'mfaMethods',
        problem: 'invalid',
        expectKey: 'config.expect.mfaMethods',
        values: { choices: 'SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP' },
      },
    ]);
  });

  // docs/cognito-behaviour.md §10: a username, or email and/or phone instead of one, or a username and aliases.
  it.each([[['email']], [['phone']], [['email', 'phone']], [['username', 'email']], [['phone', 'username', 'email']]])(
    'accepts signing in with %j',
    (signInWith) => {
      const result = parseConfig({ ...valid, signInWith });
      expect(result.ok && result.config.signInWith).toEqual(signInWith);
    },
  );

  it.each<[string, unknown]>([
    ['no way at all', []],
    ['a way twice', ['email', 'email']],
    ['an attribute name instead', ['phone_number']],
    ['a text instead of a list', 'email'],
  ])('reports signInWith with %s, on the key', (_case, signInWith) => {
    expect(issuesFor({ ...valid, signInWith })).toEqual([
      { key: 'signInWith', problem: 'invalid', expectKey: 'config.expect.signInWith', values: { choices: 'username, email, phone' } },
    ]);
  });

  it('reports methods listed while MFA is OFF, as Cognito refuses that pool', () => {
    expect(issuesFor({ ...valid, mfaMethods: ['EMAIL_OTP'] })).toEqual([
      { key: 'mfaMethods', problem: 'invalid', expectKey: 'config.expect.noMfaMethodsWhileOff', values: undefined },
    ]);
  });

  it.each(['OPTIONAL', 'ON'])('reports MFA %s with no method, as Cognito refuses that pool', (mfaConfiguration) => {
    expect(issuesFor({ ...valid, mfaConfiguration })).toEqual([
      { key: 'mfaMethods', problem: 'missing', expectKey: 'config.expect.someMfaMethods', values: undefined },
    ]);
    expect(issuesFor({ ...valid, mfaConfiguration, mfaMethods: [] })).toEqual([
      { key: 'mfaMethods', problem: 'invalid', expectKey: 'config.expect.someMfaMethods', values: undefined },
    ]);
  });

  it('lists every wrong key at once', () => {
    const keys = issuesFor({ region: 'x', tokenStorage: 'cookies' }).map((issue) => issue.key);
    expect(keys).toEqual(['region', 'userPoolId', 'userPoolClientId', 'tokenStorage']);
  });
});
