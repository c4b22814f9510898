import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { MFA_CONFIGURATIONS, MFA_FACTORS, mfaConfigurationViolation } from './mfa-config';
import { aliasShapedUsernameMessage, nameKey, usernameAttributeOf, usernameFormatMessage, type NamedPool } from './sign-in-names';
import { BASE32_SECRET } from './totp';

/**
 * The seed file: the pools, app clients and users the local user pool starts with (and goes back to on
 * `POST /_emulator/reset`). Pool and client settings use Cognito's own member names (§4.17, §4.18 of
 * docs/cognito-behaviour.md) so a seed reads like DescribeUserPool / DescribeUserPoolClient output.
 */

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/; // §0.1: what amazon-cognito-identity-js accepts as a UserPoolId
const AUTH_FLOWS = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_AUTH',
] as const;
const TIME_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

export const PasswordPolicySchema = z.strictObject({
  MinimumLength: z.number().int().min(6).max(99),
  RequireUppercase: z.boolean(),
  RequireLowercase: z.boolean(),
  RequireNumbers: z.boolean(),
  RequireSymbols: z.boolean(),
  // §1: 0 means "use the default" of 7 days.
  TemporaryPasswordValidityDays: z.number().int().min(0).max(365).default(7),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

export const SeedClientSchema = z.strictObject({
  ClientId: z.string().regex(/^[\w+]+$/).min(1).max(128),
  ClientName: z.string().min(1),
  ClientSecret: z.string().min(24).max(64).optional(),
  ExplicitAuthFlows: z.array(z.enum(AUTH_FLOWS)).default(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']),
  // §1: the API default is LEGACY.
  PreventUserExistenceErrors: z.enum(['ENABLED', 'LEGACY']).default('LEGACY'),
  AuthSessionValidity: z.number().int().min(3).max(15).default(3),
  EnableTokenRevocation: z.boolean().default(true),
  AccessTokenValidity: z.number().int().positive().optional(),
  IdTokenValidity: z.number().int().positive().optional(),
  RefreshTokenValidity: z.number().int().positive().default(30),
  TokenValidityUnits: z
    .strictObject({
      AccessToken: z.enum(TIME_UNITS).optional(),
      IdToken: z.enum(TIME_UNITS).optional(),
      RefreshToken: z.enum(TIME_UNITS).optional(),
    })
    .default({}),
  ReadAttributes: z.array(z.string()).optional(),
  WriteAttributes: z.array(z.string()).optional(),
  /**
   * §4.21: refresh-token rotation. ENABLED: GetTokensFromRefreshToken answers with a new refresh token each time
   * and the one it replaces stays good for RetryGracePeriodSeconds (0–60; [U] 0 when left out).
   */
  RefreshTokenRotation: z
    .strictObject({
      Feature: z.enum(['ENABLED', 'DISABLED']),
      RetryGracePeriodSeconds: z.number().int().min(0).max(60).optional(),
    })
    .optional(),
}).superRefine((client, context) => {
  // §4.21 [C]: a rotating client renews only with GetTokensFromRefreshToken; the console asks to turn
  // ALLOW_REFRESH_TOKEN_AUTH off and the CDK leaves it out, so a seed may not have both.
  if (client.RefreshTokenRotation?.Feature === 'ENABLED' && client.ExplicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) {
    context.addIssue({
      code: 'custom',
      message: 'a client with RefreshTokenRotation ENABLED refreshes with GetTokensFromRefreshToken only: leave ALLOW_REFRESH_TOKEN_AUTH out',
      path: ['ExplicitAuthFlows'],
    });
  }
});
export type SeedClient = z.infer<typeof SeedClientSchema>;

const USER_STATUSES = ['CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED', 'UNCONFIRMED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const SeedUserSchema = z.strictObject({
  /**
   * The username, as AdminCreateUser takes it. In a pool with UsernameAttributes it is the email address or
   * phone number the user signs in with: the store puts it in that attribute and makes the internal username
   * the user's `sub`, as Cognito does (docs/cognito-behaviour.md §10.2).
   */
  Username: z.string().min(1).max(128),
  /**
   * Optional fixed `sub` (and, with UsernameAttributes, internal username); without it one is derived from the
   * pool id and username so it survives restarts.
   */
  Sub: z.uuid().optional(),
  /**
   * Demo data only: converted to an SRP salt and verifier on load and never kept. For FORCE_CHANGE_PASSWORD
   * users it is the temporary password; for RESET_REQUIRED users the password that was deactivated.
   */
  Password: z.string().min(1),
  UserStatus: z.enum(USER_STATUSES).default('CONFIRMED'),
  Enabled: z.boolean().default(true),
  Attributes: z.record(z.string(), z.string()).default({}),
  /**
   * Puts a password-reset code in the outbox when the seed loads, as if an administrator had just run
   * AdminResetUserPassword: `true` for a random code, or a fixed 6-digit code.
   */
  PendingResetCode: z.union([z.literal(true), z.string().regex(/^\d{6}$/)]).optional(),
  /**
   * The factors the user turned on and the preferred one, as AdminGetUser shows them
   * (docs/cognito-behaviour.md, MFA, M13–M14). SMS_MFA needs a phone_number, EMAIL_OTP an email, and
   * SOFTWARE_TOKEN_MFA a SoftwareToken.
   */
  UserMFASettingList: z.array(z.enum(MFA_FACTORS)).default([]),
  PreferredMfaSetting: z.enum(MFA_FACTORS).optional(),
  /**
   * A verified authenticator, as if the user had completed AssociateSoftwareToken and VerifySoftwareToken. Demo
   * data only: a fixed secret lets a person add the user to an authenticator app from the README.
   */
  SoftwareToken: z
    .strictObject({
      SecretCode: z.string().min(16).max(128).regex(BASE32_SECRET, 'must be base32 (A-Z, 2-7, no padding)'),
      FriendlyDeviceName: z.string().min(1).max(131).optional(),
    })
    .optional(),
});
export type SeedUser = z.infer<typeof SeedUserSchema>;

export const SeedCustomAttributeSchema = z.strictObject({
  /** Without the `custom:` prefix, as CreateUserPool takes it. */
  Name: z.string().regex(/^[\w.-]+$/).min(1).max(20),
  AttributeDataType: z.enum(['String', 'Number', 'DateTime', 'Boolean']).default('String'),
  Mutable: z.boolean().default(true),
});

export const SeedPoolSchema = z.strictObject({
  Id: z.string().regex(POOL_ID).max(55),
  Name: z.string().min(1),
  /**
   * §1: the API default is case-sensitive; the console recommends case-insensitive. `UsernameConfiguration` is
   * Cognito's own member (as DescribeUserPool shows it); `UsernameCaseSensitive` is this seed's older spelling.
   * Give either (poolCaseSensitive reads them).
   */
  UsernameCaseSensitive: z.boolean().optional(),
  UsernameConfiguration: z.strictObject({ CaseSensitive: z.boolean() }).optional(),
  /** §10.2: users sign in with their email address and/or phone number, and the username is generated. */
  UsernameAttributes: z.array(z.enum(['email', 'phone_number'])).default([]),
  /** §10.3: users sign in with their username or any of these (an email or phone number once verified). */
  AliasAttributes: z.array(z.enum(['email', 'phone_number', 'preferred_username'])).default([]),
  PasswordPolicy: PasswordPolicySchema,
  /** Standard attributes marked required in the pool schema (AdminCreateUser does not enforce them; §4.2 does). */
  RequiredAttributes: z.array(z.string()).default([]),
  CustomAttributes: z.array(SeedCustomAttributeSchema).default([]),
  AutoVerifiedAttributes: z.array(z.enum(['email', 'phone_number'])).default([]),
  /** GetUserPoolMfaConfig's members (docs/cognito-behaviour.md, MFA, M1–M3); the API default is OFF. */
  MfaConfiguration: z.enum(MFA_CONFIGURATIONS).default('OFF'),
  SmsMfaConfiguration: z
    .strictObject({
      SmsAuthenticationMessage: z.string().min(6).max(140).regex(/\{####\}/, 'must contain {####}').optional(),
      SmsConfiguration: z
        .strictObject({
          SnsCallerArn: z.string().min(20).max(2048),
          ExternalId: z.string().optional(),
          SnsRegion: z.string().min(5).max(32).optional(),
        })
        .optional(),
    })
    .optional(),
  SoftwareTokenMfaConfiguration: z.strictObject({ Enabled: z.boolean().optional() }).optional(),
  EmailMfaConfiguration: z
    .strictObject({
      Message: z.string().min(6).max(20000).regex(/\{####\}/, 'must contain {####}').optional(),
      Subject: z.string().min(1).optional(),
    })
    .optional(),
  Clients: z.array(SeedClientSchema).min(1),
  Users: z.array(SeedUserSchema).default([]),
});
export type SeedPool = z.infer<typeof SeedPoolSchema>;

export const SeedSchema = z
  .strictObject({
    $schema: z.string().optional(),
    UserPools: z.array(SeedPoolSchema).min(1),
  })
  .superRefine((seed, context) => {
    const clientIds = new Set<string>();
    seed.UserPools.forEach((pool, poolIndex) => {
      const mfaViolation = mfaConfigurationViolation(pool);
      if (mfaViolation) context.addIssue({ code: 'custom', message: mfaViolation, path: ['UserPools', poolIndex, 'MfaConfiguration'] });
      pool.Clients.forEach((client, clientIndex) => {
        if (clientIds.has(client.ClientId)) {
          context.addIssue({
            code: 'custom',
            message: `client id ${client.ClientId} appears twice (InitiateAuth finds the pool by client id)`,
            path: ['UserPools', poolIndex, 'Clients', clientIndex, 'ClientId'],
          });
        }
        clientIds.add(client.ClientId);
      });
      for (const problem of signInSettingProblems(pool)) {
        context.addIssue({ code: 'custom', message: problem.message, path: ['UserPools', poolIndex, problem.member] });
      }
      const names = namedPool(pool);
      const usernames = new Set<string>();
      const signInNames = new Map<string, string>();
      pool.Users.forEach((user, userIndex) => {
        const key = nameKey(names, user.Username);
        const userPath = ['UserPools', poolIndex, 'Users', userIndex];
        for (const problem of userSignInNameProblems(names, user)) {
          context.addIssue({ code: 'custom', message: problem, path: [...userPath, 'Username'] });
        }
        // §10.2, §10.3: what users sign in with besides the username is unique in the pool.
        for (const [attribute, value] of userSignInNames(names, user)) {
          const nameId = `${attribute}\n${nameKey(names, value)}`;
          const holder = signInNames.get(nameId);
          if (holder !== undefined) {
            context.addIssue({
              code: 'custom',
              message: `${attribute} ${value} is also ${holder}'s: users sign in with it, so it must be unique in pool ${pool.Id}`,
              path: [...userPath, 'Attributes', attribute],
            });
          }
          signInNames.set(nameId, user.Username);
        }
        if (usernames.has(key)) {
          context.addIssue({
            code: 'custom',
            message: `username ${user.Username} appears twice in pool ${pool.Id}`,
            path: ['UserPools', poolIndex, 'Users', userIndex, 'Username'],
          });
        }
        usernames.add(key);
        for (const problem of userMfaProblems(user)) {
          context.addIssue({ code: 'custom', message: problem, path: ['UserPools', poolIndex, 'Users', userIndex, 'UserMFASettingList'] });
        }
      });
    });
  });
export type Seed = z.infer<typeof SeedSchema>;

/** UsernameConfiguration.CaseSensitive, or the older UsernameCaseSensitive; §1: true by default. */
export function poolCaseSensitive(pool: Pick<SeedPool, 'UsernameCaseSensitive' | 'UsernameConfiguration'>): boolean {
  return pool.UsernameConfiguration?.CaseSensitive ?? pool.UsernameCaseSensitive ?? true;
}

/** The seed pool's sign-in settings as the sign-in-name rules read a pool (its users are checked one by one). */
function namedPool(pool: SeedPool): NamedPool {
  return {
    caseSensitive: poolCaseSensitive(pool),
    usernameAttributes: pool.UsernameAttributes,
    aliasAttributes: pool.AliasAttributes,
    users: new Map(),
  };
}

/** Pool settings CreateUserPool would refuse together (docs/cognito-behaviour.md §10). */
function signInSettingProblems(pool: SeedPool): Array<{ member: string; message: string }> {
  const problems: Array<{ member: string; message: string }> = [];
  if (pool.UsernameAttributes.length > 0 && pool.AliasAttributes.length > 0) {
    problems.push({ member: 'AliasAttributes', message: 'a pool has UsernameAttributes or AliasAttributes, not both (§10.1)' });
  }
  for (const member of ['UsernameAttributes', 'AliasAttributes'] as const) {
    if (new Set(pool[member]).size !== pool[member].length) problems.push({ member, message: `${member} lists an attribute twice` });
  }
  if (pool.AliasAttributes.includes('preferred_username') && pool.RequiredAttributes.includes('preferred_username')) {
    problems.push({ member: 'AliasAttributes', message: 'preferred_username cannot be both required and an alias (§10.3)' });
  }
  if (
    pool.UsernameConfiguration !== undefined &&
    pool.UsernameCaseSensitive !== undefined &&
    pool.UsernameConfiguration.CaseSensitive !== pool.UsernameCaseSensitive
  ) {
    problems.push({ member: 'UsernameConfiguration', message: 'UsernameConfiguration.CaseSensitive and UsernameCaseSensitive disagree' });
  }
  return problems;
}

/** What AdminCreateUser would refuse about this username in this pool (§10.2, §10.3). */
function userSignInNameProblems(pool: NamedPool, user: SeedUser): string[] {
  if (pool.usernameAttributes.length > 0) {
    const attribute = usernameAttributeOf(pool, user.Username);
    if (!attribute) return [`${user.Username}: ${usernameFormatMessage(pool)}`];
    const given = user.Attributes[attribute];
    if (given !== undefined && nameKey(pool, given) !== nameKey(pool, user.Username)) {
      return [`${user.Username}: the Username is the user's ${attribute}; Attributes.${attribute} says ${given}`];
    }
    return [];
  }
  const aliasShaped = aliasShapedUsernameMessage(pool, user.Username);
  return aliasShaped ? [`${user.Username}: ${aliasShaped}`] : [];
}

/** The names besides the username that this seed user signs in with (§10.2, §10.3). */
function userSignInNames(pool: NamedPool, user: SeedUser): Array<[string, string]> {
  if (pool.usernameAttributes.length > 0) {
    const attributes: Record<string, string> = { ...user.Attributes };
    const attribute = usernameAttributeOf(pool, user.Username);
    if (attribute) attributes[attribute] = user.Username;
    return pool.usernameAttributes.filter((name) => attributes[name]).map((name) => [name, attributes[name]]);
  }
  return pool.aliasAttributes
    .filter((name) => user.Attributes[name] && (name === 'preferred_username' || user.Attributes[`${name}_verified`] === 'true'))
    .map((name) => [name, user.Attributes[name]]);
}

/** What SetUserMFAPreference would refuse for this user (docs/cognito-behaviour.md, MFA, M13). */
function userMfaProblems(user: SeedUser): string[] {
  const problems: string[] = [];
  const factors = user.UserMFASettingList;
  if (user.PreferredMfaSetting && !factors.includes(user.PreferredMfaSetting)) {
    problems.push(`PreferredMfaSetting ${user.PreferredMfaSetting} must also be in UserMFASettingList`);
  }
  if (factors.includes('SOFTWARE_TOKEN_MFA') && !user.SoftwareToken) problems.push('SOFTWARE_TOKEN_MFA needs a SoftwareToken');
  if (factors.includes('SMS_MFA') && !user.Attributes.phone_number) problems.push('SMS_MFA needs a phone_number attribute');
  if (factors.includes('EMAIL_OTP') && !user.Attributes.email) problems.push('EMAIL_OTP needs an email attribute');
  return problems;
}
export type SeedInput = z.input<typeof SeedSchema>;

export class SeedError extends Error {}

/** Validates a seed object; the error lists every problem with its path so a broken seed is easy to fix. */
export function parseSeed(raw: unknown, source = 'seed'): Seed {
  const result = SeedSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new SeedError(`${source} is not a valid seed:\n${problems.join('\n')}`);
  }
  return result.data;
}

export async function loadSeedFile(path: string): Promise<Seed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SeedError(`cannot read seed file ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`seed file ${path} is not JSON: ${(error as Error).message}`);
  }
  return parseSeed(raw, path);
}
