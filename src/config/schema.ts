import { z } from 'zod';

/**
 * The runtime configuration read from `/config.json`, so one build can be deployed in front of any pool.
 *
 * Objects are strict on purpose: a misspelt optional key (say `endPoint`) would otherwise be ignored
 * silently and the app would talk to AWS instead of the intended endpoint.
 */

/** CIJ rejects other shapes with "Invalid UserPoolId format." (wire reference §0.1). */
const USER_POOL_ID_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;
const USER_POOL_ID_MAX_LENGTH = 55;
/** ClientIdType in the service model: 1–128 characters of `[\w+]`. */
const CLIENT_ID_PATTERN = /^[\w+]{1,128}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export const PasswordPolicySchema = z.strictObject({
  /** Cognito's MinimumLength bounds (wire reference §1). */
  minimumLength: z.int().min(6).max(99).default(8),
  requireUppercase: z.boolean().default(true),
  requireLowercase: z.boolean().default(true),
  requireNumbers: z.boolean().default(true),
  requireSymbols: z.boolean().default(true),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

export const AppConfigSchema = z
  .strictObject({
    region: z.string().regex(REGION_PATTERN),
    userPoolId: z.string().max(USER_POOL_ID_MAX_LENGTH).regex(USER_POOL_ID_PATTERN),
    userPoolClientId: z.string().regex(CLIENT_ID_PATTERN),
    /** Absent: amazon-cognito-identity-js derives `https://cognito-idp.<region>.amazonaws.com/`. */
    endpoint: z.url({ protocol: /^https?$/ }).optional(),
    authenticationFlowType: z.enum(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH']).default('USER_SRP_AUTH'),
    /** Must equal the app client's AuthSessionValidity (3–15 minutes, Cognito's default 3). */
    challengeSessionMinutes: z.int().min(3).max(15).default(3),
    challengeWarningSeconds: z.int().min(0).max(900).default(60),
    // `prefault` (not `default`) so that an absent policy still gets each field's own default.
    passwordPolicy: PasswordPolicySchema.prefault({}),
    tokenStorage: z.enum(['localStorage', 'sessionStorage']).default('localStorage'),
    productName: z.string().trim().min(1).max(60).default('Account'),
  })
  .superRefine((config, ctx) => {
    // CIJ takes the region from the pool id; a different `region` means the config was pieced together wrongly.
    // (Only when both are well-formed: otherwise their own issues already say what is wrong.)
    const bothWellFormed = REGION_PATTERN.test(config.region) && USER_POOL_ID_PATTERN.test(config.userPoolId);
    if (bothWellFormed && !config.userPoolId.startsWith(`${config.region}_`)) {
      ctx.addIssue({ code: 'custom', path: ['userPoolId'], message: 'regionMismatch', input: config.userPoolId });
    }
    if (config.challengeWarningSeconds >= config.challengeSessionMinutes * 60) {
      ctx.addIssue({
        code: 'custom',
        path: ['challengeWarningSeconds'],
        message: 'warningNotShorterThanSession',
        input: config.challengeWarningSeconds,
      });
    }
  });

export type AppConfig = z.infer<typeof AppConfigSchema>;
export type AppConfigInput = z.input<typeof AppConfigSchema>;

/** What the operator is told for each key: a message key of `config.expect.*` and its values. */
interface Expectation {
  key: string;
  values?: Record<string, string | number>;
}

const EXPECTATIONS: Record<string, Expectation> = {
  '': { key: 'config.expect.object' },
  region: { key: 'config.expect.region' },
  userPoolId: { key: 'config.expect.userPoolId', values: { maxLength: USER_POOL_ID_MAX_LENGTH } },
  userPoolClientId: { key: 'config.expect.userPoolClientId' },
  endpoint: { key: 'config.expect.endpoint' },
  authenticationFlowType: { key: 'config.expect.oneOf', values: { choices: 'USER_SRP_AUTH, USER_PASSWORD_AUTH' } },
  challengeSessionMinutes: { key: 'config.expect.challengeSessionMinutes' },
  challengeWarningSeconds: { key: 'config.expect.challengeWarningSeconds' },
  passwordPolicy: { key: 'config.expect.object' },
  'passwordPolicy.minimumLength': { key: 'config.expect.wholeNumber', values: { min: 6, max: 99 } },
  'passwordPolicy.requireUppercase': { key: 'config.expect.boolean' },
  'passwordPolicy.requireLowercase': { key: 'config.expect.boolean' },
  'passwordPolicy.requireNumbers': { key: 'config.expect.boolean' },
  'passwordPolicy.requireSymbols': { key: 'config.expect.boolean' },
  tokenStorage: { key: 'config.expect.oneOf', values: { choices: 'localStorage, sessionStorage' } },
  productName: { key: 'config.expect.productName', values: { maxLength: 60 } },
};

const CUSTOM_EXPECTATIONS: Record<string, Expectation> = {
  regionMismatch: { key: 'config.expect.userPoolIdInRegion' },
  warningNotShorterThanSession: { key: 'config.expect.warningShorterThanSession' },
};

/** One problem with the config, ready to be shown: which key, what is wrong, what it expects. */
export interface ConfigIssue {
  /** Dotted key path, '' for the document itself. */
  key: string;
  problem: 'missing' | 'invalid' | 'unknownKey';
  expectKey: string;
  values?: Record<string, string | number>;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Turns zod's issues into one readable entry per key, in the order the keys appear in the schema. */
export function describeConfigIssues(error: z.ZodError, input: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const unknownKey of issue.keys) {
        issues.push({
          key: joinPath([...issue.path, unknownKey]),
          problem: 'unknownKey',
          expectKey: 'config.expect.noSuchKey',
        });
      }
      continue;
    }
    const key = joinPath(issue.path);
    const custom = issue.code === 'custom' ? CUSTOM_EXPECTATIONS[issue.message] : undefined;
    const expectation: Expectation = custom ?? EXPECTATIONS[key] ?? { key: 'config.expect.unknown' };
    const missing = issue.path.length > 0 && valueAt(input, issue.path) === undefined;
    if (issues.some((existing) => existing.key === key)) continue; // one line per key is enough
    issues.push({
      key,
      problem: missing ? 'missing' : 'invalid',
      expectKey: expectation.key,
      values: expectation.values,
    });
  }
  return issues;
}
