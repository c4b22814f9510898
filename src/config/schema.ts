// zod/mini: zod's checks with a tree-shakable API, about a fifth of zod's bytes on the first page (npm run bench).
import { z } from 'zod/mini';
import { MFA_METHODS } from '../auth/challenges';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from '../i18n/languages';

// Security: the production CSP allows no eval. zod's fast path compiles object parsers with `new Function`,
// and merely probing for it is reported as a CSP violation: parse without it (for every schema in the app,
// as this module loads before any other parses).
z.config({ jitless: true });

/**
 * The runtime configuration read from `/config.json`, so one build can be deployed in front of any pool.
 *
 * Objects are strict on purpose: a misspelt optional key (say `endPoint`) would otherwise be ignored
 * silently and the app would talk to AWS instead of the intended endpoint.
 */

/** CIJ rejects other shapes with "Invalid UserPoolId format." (docs/cognito-behaviour.md §0.1). */
const USER_POOL_ID_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;
const USER_POOL_ID_MAX_LENGTH = 55;
/** ClientIdType in the service model: 1–128 characters of `[\w+]`. */
const CLIENT_ID_PATTERN = /^[\w+]{1,128}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** A path on the app's own origin: one leading slash, not two (that would name another host). */
const LOGO_PATH_PATTERN = /^\/(?![/\\])\S*$/;
const PRODUCT_NAME_MAX_LENGTH = 60;
const ProductNameTextSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(PRODUCT_NAME_MAX_LENGTH));
/** The pool's MfaConfiguration, as get-user-pool-mfa-config prints it. */
export const MFA_CONFIGURATIONS = ['OFF', 'OPTIONAL', 'ON'] as const;
export type MfaConfiguration = (typeof MFA_CONFIGURATIONS)[number];
/**
 * What people type to sign in, from the pool's settings (docs/cognito-behaviour.md §10): `username` alone, or
 * with `email`/`phone` aliases (AliasAttributes), or `email`/`phone` instead of a username (UsernameAttributes).
 */
export const SIGN_IN_IDENTIFIERS = ['username', 'email', 'phone'] as const;
export type SignInIdentifier = (typeof SIGN_IN_IDENTIFIERS)[number];

export const PasswordPolicySchema = z.strictObject({
  /** Cognito's MinimumLength bounds (docs/cognito-behaviour.md §1). */
  minimumLength: z._default(z.int().check(z.minimum(6), z.maximum(99)), 8),
  requireUppercase: z._default(z.boolean(), true),
  requireLowercase: z._default(z.boolean(), true),
  requireNumbers: z._default(z.boolean(), true),
  requireSymbols: z._default(z.boolean(), true),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

export const AppConfigSchema = z
  .strictObject({
    region: z.string().check(z.regex(REGION_PATTERN)),
    userPoolId: z.string().check(z.maxLength(USER_POOL_ID_MAX_LENGTH), z.regex(USER_POOL_ID_PATTERN)),
    userPoolClientId: z.string().check(z.regex(CLIENT_ID_PATTERN)),
    /** Absent: amazon-cognito-identity-js derives `https://cognito-idp.<region>.amazonaws.com/`. */
    endpoint: z.optional(z.url({ protocol: /^https?$/ })),
    authenticationFlowType: z._default(z.enum(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH']), 'USER_SRP_AUTH'),
    /** Must equal the app client's AuthSessionValidity (3–15 minutes, Cognito's default 3). */
    challengeSessionMinutes: z._default(z.int().check(z.minimum(3), z.maximum(15)), 3),
    challengeWarningSeconds: z._default(z.int().check(z.minimum(0), z.maximum(900)), 60),
    // `prefault` (not `default`) so that an absent policy still gets each field's own default.
    passwordPolicy: z.prefault(PasswordPolicySchema, {}),
    tokenStorage: z._default(z.enum(['localStorage', 'sessionStorage']), 'localStorage'),
    /**
     * The app client has refresh-token rotation on: tokens are renewed with GetTokensFromRefreshToken, since such
     * a client refuses REFRESH_TOKEN_AUTH (docs/cognito-behaviour.md §4.21).
     */
    refreshTokenRotation: z._default(z.boolean(), false),
    /**
     * One name for every language, or a name per language (`{"en": "…", "ja": "…"}`) that includes
     * `defaultLanguage`'s, shown for the languages it leaves out. Absent: the app's own name, translated
     * (a default here would be English in every language).
     */
    productName: z.optional(
      z.union([ProductNameTextSchema, z.partialRecord(z.enum(SUPPORTED_LANGUAGES), ProductNameTextSchema)]),
    ),
    /** The language shown when the user has not chosen one and the browser prefers none the app speaks. */
    defaultLanguage: z._default(z.enum(SUPPORTED_LANGUAGES), DEFAULT_LANGUAGE),
    /**
     * Shown beside the product name. An http(s) URL or a path on the app's own origin ("/logo.svg"); other
     * schemes (javascript:, data:) and protocol-relative "//host" paths are refused, and a strict
     * Content-Security-Policy's img-src must allow the logo's origin.
     */
    logoUrl: z.optional(z.union([z.url({ protocol: /^https?$/ }), z.string().check(z.regex(LOGO_PATH_PATTERN))])),
    /**
     * The pool's MfaConfiguration and the second factors it has turned on (get-user-pool-mfa-config). They only
     * shape the account page: sign-in follows whatever challenge Cognito sends.
     */
    mfaConfiguration: z._default(z.enum(MFA_CONFIGURATIONS), 'OFF'),
    mfaMethods: z._default(
      z.array(z.enum(MFA_METHODS)).check(z.refine((methods) => new Set(methods).size === methods.length)),
      [],
    ),
    /**
     * What the sign-in and forgot-password forms ask for: its label, keyboard and check. Any pool setting is one
     * of these lists; the order does not matter.
     */
    signInWith: z._default(
      z
        .array(z.enum(SIGN_IN_IDENTIFIERS))
        .check(z.minLength(1), z.refine((identifiers) => new Set(identifiers).size === identifiers.length)),
      ['username'],
    ),
  })
  .check(
    z.superRefine((config, ctx) => {
      // CIJ takes the region from the pool id; a different `region` means the config was pieced together wrongly.
      // (Only when both are well-formed: otherwise their own issues already say what is wrong.)
      const bothWellFormed = REGION_PATTERN.test(config.region) && USER_POOL_ID_PATTERN.test(config.userPoolId);
      if (bothWellFormed && !config.userPoolId.startsWith(`${config.region}_`)) {
        ctx.addIssue({ code: 'custom', path: ['userPoolId'], message: 'regionMismatch', input: config.userPoolId });
      }
      // Cognito refuses both: a pool with MFA OFF and a factor turned on, and MFA OPTIONAL or ON with none.
      const mfaWellFormed = MFA_CONFIGURATIONS.includes(config.mfaConfiguration) && Array.isArray(config.mfaMethods);
      if (mfaWellFormed && (config.mfaConfiguration === 'OFF') !== (config.mfaMethods.length === 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['mfaMethods'],
          message: config.mfaConfiguration === 'OFF' ? 'mfaMethodsWhileOff' : 'noMfaMethods',
          input: config.mfaMethods,
        });
      }
      const names = config.productName;
      if (typeof names === 'object' && names !== null && typeof config.defaultLanguage === 'string' && !(config.defaultLanguage in names)) {
        ctx.addIssue({ code: 'custom', path: ['productName'], message: 'productNameWithoutDefaultLanguage', input: names });
      }
      if (config.challengeWarningSeconds >= config.challengeSessionMinutes * 60) {
        ctx.addIssue({
          code: 'custom',
          path: ['challengeWarningSeconds'],
          message: 'warningNotShorterThanSession',
          input: config.challengeWarningSeconds,
        });
      }
    }),
  );

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
  refreshTokenRotation: { key: 'config.expect.boolean' },
  productName: { key: 'config.expect.productName', values: { maxLength: PRODUCT_NAME_MAX_LENGTH, languages: SUPPORTED_LANGUAGES.join(', ') } },
  ...Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => [
      `productName.${language}`,
      { key: 'config.expect.productNameText', values: { maxLength: PRODUCT_NAME_MAX_LENGTH } },
    ]),
  ),
  defaultLanguage: { key: 'config.expect.oneOf', values: { choices: SUPPORTED_LANGUAGES.join(', ') } },
  logoUrl: { key: 'config.expect.logoUrl' },
  mfaConfiguration: { key: 'config.expect.oneOf', values: { choices: MFA_CONFIGURATIONS.join(', ') } },
  mfaMethods: { key: 'config.expect.mfaMethods', values: { choices: MFA_METHODS.join(', ') } },
  signInWith: { key: 'config.expect.signInWith', values: { choices: SIGN_IN_IDENTIFIERS.join(', ') } },
};

const CUSTOM_EXPECTATIONS: Record<string, Expectation> = {
  regionMismatch: { key: 'config.expect.userPoolIdInRegion' },
  warningNotShorterThanSession: { key: 'config.expect.warningShorterThanSession' },
  mfaMethodsWhileOff: { key: 'config.expect.noMfaMethodsWhileOff' },
  noMfaMethods: { key: 'config.expect.someMfaMethods' },
  productNameWithoutDefaultLanguage: { key: 'config.expect.productNameForDefaultLanguage' },
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
export function describeConfigIssues(error: z.core.$ZodError, input: unknown): ConfigIssue[] {
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
    // A wrong item of a list is reported on the list: the expectation names what every item may be.
    const key = joinPath(issue.path.filter((segment) => typeof segment !== 'number'));
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
