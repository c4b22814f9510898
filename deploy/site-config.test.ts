import { describe, expect, it } from 'vitest';
import { SiteConfigError, configFromValues, formatConfigIssues, validateSiteConfig } from './site-config';

describe('configFromValues: config.json from CDK context values (always text from the CLI)', () => {
  it('reads numbers, the password policy and the MFA methods as JSON, and keeps text as text', () => {
    expect(
      configFromValues(
        {},
        {
          userPoolId: 'eu-west-1_AbCdEf123',
          productName: '2024',
          challengeSessionMinutes: '5',
          challengeWarningSeconds: '90',
          passwordPolicy: '{"minimumLength":12}',
          mfaMethods: '["SOFTWARE_TOKEN_MFA"]',
        },
      ),
    ).toEqual({
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_AbCdEf123',
      productName: '2024',
      challengeSessionMinutes: 5,
      challengeWarningSeconds: 90,
      passwordPolicy: { minimumLength: 12 },
      mfaMethods: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('reads refreshTokenRotation as JSON, so `true` is the boolean the schema wants', () => {
    expect(configFromValues({}, { refreshTokenRotation: 'true' }).refreshTokenRotation).toBe(true);
    expect(configFromValues({}, { refreshTokenRotation: 'yes' }).refreshTokenRotation).toBe('yes');
  });

  it('takes MFA methods as a comma-separated list too', () => {
    expect(configFromValues({}, { mfaMethods: 'SOFTWARE_TOKEN_MFA, EMAIL_OTP' }).mfaMethods).toEqual(['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
    expect(configFromValues({}, { mfaMethods: '' }).mfaMethods).toEqual([]);
  });

  it('overrides a base file key by key, and takes JSON values from cdk.json as they are', () => {
    expect(configFromValues({ region: 'eu-west-1', challengeSessionMinutes: 3, productName: 'A' }, { challengeSessionMinutes: 7 })).toEqual({
      region: 'eu-west-1',
      challengeSessionMinutes: 7,
      productName: 'A',
    });
  });

  it('keeps a value that is not JSON as written, for the schema to name', () => {
    expect(configFromValues({}, { challengeSessionMinutes: 'five' }).challengeSessionMinutes).toBe('five');
    expect(() => validateSiteConfig(configFromValues({}, { userPoolId: 'eu-west-1_A', userPoolClientId: 'c', challengeSessionMinutes: 'five' }), 'x')).toThrow(
      '  challengeSessionMinutes has a value that is not accepted;',
    );
  });

  it('derives the region only from a pool id that starts with one', () => {
    expect(configFromValues({}, { userPoolId: 'nonsense' }).region).toBeUndefined();
    expect(configFromValues({}, { userPoolId: 'eu-west-1_A', region: 'us-east-1' }).region).toBe('us-east-1');
  });
});

describe('validateSiteConfig and its message', () => {
  it('returns the config with the defaults the app applies', () => {
    expect(validateSiteConfig({ region: 'eu-west-1', userPoolId: 'eu-west-1_A', userPoolClientId: 'c' }, 'x')).toMatchObject({
      authenticationFlowType: 'USER_SRP_AUTH',
      challengeSessionMinutes: 3,
      tokenStorage: 'localStorage',
    });
  });

  it("words each problem as the app's config page does: the key, what is wrong, what is expected", () => {
    let error: unknown;
    try {
      validateSiteConfig({ region: 'eu-west-1', userPoolClientId: 'c', tokenStorage: 'cookies', colour: 'red' }, 'config.json (test)');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SiteConfigError);
    expect((error as SiteConfigError).issues.map((issue) => issue.key)).toEqual(['userPoolId', 'tokenStorage', 'colour']);
    expect((error as Error).message).toBe(
      [
        'The configuration file config.json (test) has 3 problems:',
        '  userPoolId is missing; expected a user pool id such as us-east-1_AbCdEf123 (at most 55 characters).',
        '  tokenStorage has a value that is not accepted; expected one of: localStorage, sessionStorage.',
        '  colour is not a known setting; check the spelling, or remove it.',
      ].join('\n'),
    );
    expect(formatConfigIssues([{ key: '', problem: 'invalid', expectKey: 'config.expect.object' }], 'f')).toBe(
      'The configuration file f has a problem:\n  The file has a value that is not accepted; expected a JSON object.',
    );
  });
});
