import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { buildSchema, type AttributeDefinition } from './attributes';
import { BoundedMap } from './bounded-map';
import type { Clock } from './clock';
import { generateCode, verifiedRecoveryContact, type DeliveryMedium } from './delivery';
import { LIMITS } from './limits';
import type { MfaFactor, PoolMfaConfig } from './mfa-config';
import { passwordPolicyViolation } from './password-policy';
import type { PasswordPolicy, Seed, SeedClient, SeedPool, SeedUser, UserStatus } from './seed-schema';
import { SeedError, poolCaseSensitive } from './seed-schema';
import { findByAlias, usernameAttributeOf, type AliasAttribute, type UsernameAttribute } from './sign-in-names';
import { createPasswordVerifier, type PasswordVerifier } from './srp';
import { lazyTokenIssuer, type TokenIssuer } from './tokens';

/**
 * The local user pool's whole state, in memory: pools, clients, users, codes, challenge sessions, SRP steps,
 * token families and the outbox. Built from the seed, and rebuilt from it on reset.
 */

export type { UserStatus };

export interface ClientState {
  readonly config: SeedClient;
  readonly createdAt: number;
}

export interface SignInFailures {
  count: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export interface PendingCode {
  code: string;
  issuedAt: number;
}

/** A GetUserAttributeVerificationCode code (§4.19), bound to the value it was sent to. */
export interface PendingAttributeCode extends PendingCode {
  /** Security: the address or number the code went to; the code never verifies a value it was not sent to (§8). */
  sentTo: string;
}

/**
 * The counters behind lockout and the per-user rate limits. A user carries their own; under
 * PreventUserExistenceErrors ENABLED a name with no user gets the same set on its pool (see
 * Store.countersForUnknownName).
 */
export interface AttemptCounters {
  signInFailures: SignInFailures;
  /** Times (ms) of codes sent by ForgotPassword (or simulated for an unknown name), and of wrong codes. */
  codeRequests: number[];
  wrongCodes: number[];
}

export interface UserState extends AttemptCounters {
  readonly username: string;
  readonly sub: string;
  /** Attribute values as Cognito returns them: strings, booleans as "true"/"false". Includes `sub`. */
  attributes: Map<string, string>;
  status: UserStatus;
  enabled: boolean;
  /** Security: the only trace of the password is its SRP salt and verifier (§3.3); the plain text is never kept. */
  password: PasswordVerifier;
  /** When the current temporary password was set (FORCE_CHANGE_PASSWORD only). */
  temporaryPasswordSetAt: number | null;
  createdAt: number;
  lastModifiedAt: number;
  /** Only the latest code is valid (a new request replaces it); consumed codes are removed. */
  resetCode: PendingCode | null;
  /** Times (ms) of wrong ChangePassword previous passwords. */
  changePasswordFailures: number[];
  /** docs/cognito-behaviour.md, MFA. */
  mfa: UserMfaState;
  /**
   * Attribute verification (§4.19, §4.20): the newest code per attribute, and the times of codes sent and of wrong
   * codes, counted apart from the password-reset ones so one flow's limit never blocks the other.
   */
  attributeVerification: { codes: Map<string, PendingAttributeCode>; codeRequests: number[]; wrongCodes: number[] };
}

/** A user's second factors (docs/cognito-behaviour.md, MFA, M10–M14). */
export interface UserMfaState {
  /** The factors turned on by SetUserMFAPreference (or the seed): UserMFASettingList. */
  enabled: Set<MfaFactor>;
  /** PreferredMfaSetting; always one of `enabled`. */
  preferred: MfaFactor | null;
  /** The verified authenticator. Security: the secret is kept to check codes and is never logged or returned. */
  softwareToken: { secret: string; friendlyDeviceName: string | null } | null;
  /** AssociateSoftwareToken with an AccessToken: replaces `softwareToken` only once verified (M10). */
  pendingSoftwareTokenSecret: string | null;
  /** The RFC 6238 step of the last accepted authenticator code, -1 before any (M12). */
  lastTotpStep: number;
}

export interface PoolState {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  /** §0.1: the SRP "pool name" is the part of the pool id after `_`. */
  readonly srpPoolName: string;
  readonly caseSensitive: boolean;
  /** docs/cognito-behaviour.md §10: what users sign in with besides (or instead of) a username. */
  readonly usernameAttributes: readonly UsernameAttribute[];
  readonly aliasAttributes: readonly AliasAttribute[];
  readonly passwordPolicy: PasswordPolicy;
  readonly schema: Map<string, AttributeDefinition>;
  readonly autoVerifiedAttributes: readonly string[];
  /** Replaced whole by SetUserPoolMfaConfig (docs/cognito-behaviour.md, MFA, M2). */
  mfaConfig: PoolMfaConfig;
  readonly createdAt: number;
  readonly clients: Map<string, ClientState>;
  readonly users: Map<string, UserState>;
  readonly issuer: TokenIssuer;
  /**
   * Usernames (by usernameKey) that ForgotPassword answered with a simulated delivery (§6), with when, for
   * ConfirmForgotPassword's answer. Bounded (§1.1): a name is remembered as long as a real code would live.
   */
  readonly simulatedResetRequests: BoundedMap<string, number>;
  /**
   * Lockout and rate-limit counters of names that have no user (ENABLED clients only), by unknownNameKey: a
   * digest, so a long name costs no more memory than a short one. Bounded (§1.1).
   */
  readonly unknownNameCounters: BoundedMap<string, AttemptCounters>;
}

/** Server-side SRP state named by an opaque SECRET_BLOCK (§3.2). */
export interface SrpStep {
  poolId: string;
  clientId: string;
  /** The internal username, or for an unknown user the simulated UUID (§3.6). */
  userIdForSrp: string;
  /**
   * For the simulated step of an unknown user (§3.6), the unknownNameKey of the name that was asked for (never the
   * name itself, which may be long); null for a real user.
   */
  simulatedFor: string | null;
  /** For the simulated step: the simulated verifier, so the proof is checked with the same work as a real one. */
  simulatedVerifier: string | null;
  b: bigint;
  srpB: string;
  srpA: string;
  createdAt: number;
}

export type ChallengeName = 'NEW_PASSWORD_REQUIRED' | MfaFactor | 'SELECT_MFA_TYPE' | 'MFA_SETUP';

/** A challenge `Session` (§4.2): bound to one challenge, user and client, single use, expiring. */
export interface ChallengeSession {
  /** The only challenge this Session may answer (RespondToAuthChallenge checks it). */
  challengeName: ChallengeName;
  poolId: string;
  clientId: string;
  username: string;
  /** The user's `sub`: a user deleted and created again under the same name is another user. */
  sub: string;
  expiresAt: number;
  /** Wrong codes answered so far (docs/cognito-behaviour.md, MFA, M9). */
  wrongAnswers: number;
  /** SMS_MFA / EMAIL_OTP: the code that was sent. */
  code?: string;
  /** SELECT_MFA_TYPE: the factors offered in MFAS_CAN_CHOOSE. */
  choices?: MfaFactor[];
  /**
   * MFA_SETUP: how far the authenticator set-up has come. `challenged` is the Session of the challenge itself,
   * `associated` one returned by AssociateSoftwareToken (with its secret), `verified` one returned by
   * VerifySoftwareToken, the only one RespondToAuthChallenge accepts (MFA, M10–M11).
   */
  setup?: 'challenged' | 'associated' | 'verified';
  /** MFA_SETUP `associated`: the secret AssociateSoftwareToken returned. */
  secret?: string;
}

/**
 * One sign-in and every token issued from it: the refresh token seals `originJti`, access tokens carry it as
 * `origin_jti` (§2). Revoking the family revokes the refresh token and every access token issued from it (§4.8).
 */
export interface TokenFamily {
  originJti: string;
  poolId: string;
  clientId: string;
  username: string;
  sub: string;
  authTime: number;
  eventId: string;
  refreshExpiresAt: number;
  revoked: boolean;
  /**
   * Refresh-token rotation (§4.21): the generation the newest refresh token of the family carries (0 for the one
   * issued at sign-in). A token of an older generation is spent.
   */
  generation: number;
  /** Until when (epoch ms) a token of the generation before `generation` is still honoured (the grace period). */
  previousGenerationValidUntil: number;
}

export interface OutboxMessage {
  id: string;
  poolId: string;
  username: string;
  /** The operation that sent it, e.g. "ForgotPassword". */
  kind: string;
  medium: DeliveryMedium;
  /** The real address, not the masked one: this is what a developer reads instead of an inbox. */
  destination: string;
  code: string | null;
  temporaryPassword: string | null;
  sentAt: string;
}

/**
 * A seed user as the store keeps it. Security: the password is turned into its SRP salt and verifier once, when
 * the store is created, and the plain text is not kept (seed-schema.ts promises this). The fields are copied one
 * by one rather than spread, so nothing the seed may carry besides them is kept either.
 */
interface PreparedSeedUser {
  readonly username: string;
  readonly sub: string;
  readonly password: Readonly<PasswordVerifier>;
  readonly status: UserStatus;
  readonly enabled: boolean;
  readonly attributes: Readonly<Record<string, string>>;
  readonly pendingResetCode: SeedUser['PendingResetCode'];
  readonly mfa: Readonly<Pick<UserMfaState, 'preferred' | 'softwareToken'> & { enabled: readonly MfaFactor[] }>;
}

interface PreparedSeedPool {
  readonly config: Omit<SeedPool, 'Users'>;
  readonly users: readonly PreparedSeedUser[];
}

export class Store {
  readonly pools = new Map<string, PoolState>();
  // Bounded by size and age (§1.1): each lives as long as Cognito gives it meaning, at most LIMITS.max* at once.
  readonly srpSteps = new BoundedMap<string, SrpStep>({
    maxEntries: LIMITS.maxSrpSteps,
    expiresAt: (step) => step.createdAt + LIMITS.srpSecretBlockLifetimeSeconds * 1000,
    now: () => this.clock.now(),
  });
  readonly challengeSessions = new BoundedMap<string, ChallengeSession>({
    maxEntries: LIMITS.maxChallengeSessions,
    // Remembered past its expiry so a late answer hears "session is expired" rather than "invalid".
    expiresAt: (session) => session.expiresAt + LIMITS.expiredSessionMemorySeconds * 1000,
    now: () => this.clock.now(),
  });
  readonly tokenFamilies = new BoundedMap<string, TokenFamily>({
    maxEntries: LIMITS.maxTokenFamilies,
    expiresAt: (family) => family.refreshExpiresAt + LIMITS.expiredTokenFamilyMemorySeconds * 1000,
    now: () => this.clock.now(),
  });
  /** Oldest first; at most LIMITS.maxOutboxMessages (sendToOutbox drops the oldest). */
  readonly outbox: OutboxMessage[] = [];
  /**
   * Security: a per-process secret for the simulated SRP answers to unknown users (§3.6). Stable while the server
   * runs, so the same username always gets the same salt and id, but not derivable by a client.
   */
  readonly simulationSecret = randomBytes(32);

  private constructor(
    private readonly seed: readonly PreparedSeedPool[],
    readonly clock: Clock,
    private readonly issuers: Map<string, TokenIssuer>,
  ) {}

  static async create(seed: Seed, clock: Clock): Promise<Store> {
    // Signing keys live as long as the server: JWKS stays the same across resets. Each pool makes its keys when
    // first used, so a seed with more pools starts no slower.
    const issuers = new Map<string, TokenIssuer>(
      seed.UserPools.map((pool) => [pool.Id, lazyTokenIssuer({ region: regionOf(pool.Id), userPoolId: pool.Id })] as const),
    );
    const store = new Store(seed.UserPools.map(prepareSeedPool), clock, issuers);
    store.reset();
    return store;
  }

  /** Back to the seed: every user, code, session, token family and outbox message made since is dropped. */
  reset(): void {
    this.pools.clear();
    this.srpSteps.clear();
    this.challengeSessions.clear();
    this.tokenFamilies.clear();
    this.outbox.length = 0;
    for (const seedPool of this.seed) this.loadPool(seedPool);
  }

  findPool(poolId: string): PoolState | undefined {
    return this.pools.get(poolId);
  }

  /** Client ids are unique across pools (checked in the seed), as they are in Cognito. */
  findClient(clientId: string): { pool: PoolState; client: ClientState } | undefined {
    for (const pool of this.pools.values()) {
      const client = pool.clients.get(clientId);
      if (client) return { pool, client };
    }
    return undefined;
  }

  /**
   * The user a name stands for wherever Cognito takes a username: the username itself, else the email or phone
   * number the pool signs in with, or an active alias (docs/cognito-behaviour.md §10.1). In a pool with
   * UsernameAttributes the username is the `sub`, so the sub finds the user too.
   */
  findUser(pool: PoolState, username: string): UserState | undefined {
    return pool.users.get(usernameKey(pool, username)) ?? findByAlias(pool, username);
  }

  addUser(pool: PoolState, user: UserState): void {
    pool.users.set(usernameKey(pool, user.username), user);
  }

  deleteUser(pool: PoolState, user: UserState): void {
    pool.users.delete(usernameKey(pool, user.username));
    this.revokeTokenFamilies(pool, user);
  }

  /** GlobalSignOut, AdminDisableUser, AdminDeleteUser: every refresh and access token of the user (§4.7, §4.14). */
  revokeTokenFamilies(pool: PoolState, user: UserState): void {
    for (const family of this.tokenFamilies.values()) {
      if (family.poolId === pool.id && family.sub === user.sub) family.revoked = true;
    }
  }

  /**
   * Security (§6): under PreventUserExistenceErrors ENABLED, an unknown name must answer like a real user, and
   * a real user's sixth wrong password ("Password attempts exceeded") or sixth reset request
   * (LimitExceededException) would set it apart from a name that only ever gets "Incorrect username or password."
   * or a simulated delivery. So names without a user get the same counters, kept on the pool by the normalised
   * username, and run into the same limits. [U] The map grows with the names tried until the next reset; this
   * pool serves one machine.
   */
  countersForUnknownName(pool: PoolState, username: string): AttemptCounters {
    return this.countersForUnknownKey(pool, unknownNameKey(pool, username));
  }

  /**
   * The same counters by unknownNameKey. [U] The map is bounded (§1.1): a name untouched for a rate window has
   * nothing left to count and is forgotten; past LIMITS.maxUnknownNamesPerPool names the least recently used is
   * forgotten first. Only a flood of that many other names can reset one name's lockout early.
   */
  countersForUnknownKey(pool: PoolState, key: string): AttemptCounters {
    let counters = pool.unknownNameCounters.get(key);
    if (!counters) {
      counters = { signInFailures: { count: 0, lastFailureAt: 0, lockedUntil: 0 }, codeRequests: [], wrongCodes: [] };
    }
    // Written again on every use, so the least recently used name is the one a full map forgets.
    pool.unknownNameCounters.set(key, counters);
    return counters;
  }

  sendToOutbox(message: Omit<OutboxMessage, 'id' | 'sentAt'>): void {
    this.outbox.push({ id: randomUUID(), sentAt: new Date(this.clock.now()).toISOString(), ...message });
    // §1.1: the outbox is a developer's inbox, not a record; the oldest messages go first.
    if (this.outbox.length > LIMITS.maxOutboxMessages) this.outbox.splice(0, this.outbox.length - LIMITS.maxOutboxMessages);
  }

  newUser(args: { username: string; sub?: string; password: PasswordVerifier; status: UserStatus }): UserState {
    const now = this.clock.now();
    const sub = args.sub ?? randomUUID();
    return {
      username: args.username,
      sub,
      attributes: new Map([['sub', sub]]),
      status: args.status,
      enabled: true,
      password: args.password,
      temporaryPasswordSetAt: args.status === 'FORCE_CHANGE_PASSWORD' ? now : null,
      createdAt: now,
      lastModifiedAt: now,
      signInFailures: { count: 0, lastFailureAt: 0, lockedUntil: 0 },
      resetCode: null,
      codeRequests: [],
      wrongCodes: [],
      changePasswordFailures: [],
      attributeVerification: { codes: new Map(), codeRequests: [], wrongCodes: [] },
      mfa: { enabled: new Set(), preferred: null, softwareToken: null, pendingSoftwareTokenSecret: null, lastTotpStep: -1 },
    };
  }

  private loadPool(seed: PreparedSeedPool): void {
    const seedPool = seed.config;
    const issuer = this.issuers.get(seedPool.Id);
    if (!issuer) throw new SeedError(`no token issuer for pool ${seedPool.Id}`);
    const now = this.clock.now();
    const pool: PoolState = {
      id: seedPool.Id,
      name: seedPool.Name,
      region: regionOf(seedPool.Id),
      srpPoolName: srpPoolNameOf(seedPool.Id),
      caseSensitive: poolCaseSensitive(seedPool),
      usernameAttributes: seedPool.UsernameAttributes,
      aliasAttributes: seedPool.AliasAttributes,
      passwordPolicy: seedPool.PasswordPolicy,
      schema: buildSchema(seedPool.RequiredAttributes, seedPool.CustomAttributes),
      autoVerifiedAttributes: seedPool.AutoVerifiedAttributes,
      mfaConfig: seedMfaConfig(seedPool),
      createdAt: now,
      clients: new Map(seedPool.Clients.map((config) => [config.ClientId, { config, createdAt: now }])),
      users: new Map(),
      issuer,
      simulatedResetRequests: new BoundedMap({
        maxEntries: LIMITS.maxSimulatedResetNamesPerPool,
        // As long as a real code would be valid (§1): afterwards a real user's code has expired too.
        expiresAt: (requestedAt) => requestedAt + LIMITS.codeLifetimeSeconds * 1000,
        now: () => this.clock.now(),
      }),
      unknownNameCounters: new BoundedMap({
        maxEntries: LIMITS.maxUnknownNamesPerPool,
        expiresAt: lastCountedAt,
        now: () => this.clock.now(),
      }),
    };
    this.pools.set(pool.id, pool);

    for (const seedUser of seed.users) {
      const where = `pool ${pool.id}, user ${seedUser.username}`;
      const user = this.newUser({
        username: seedUser.username,
        sub: seedUser.sub,
        // A copy: operations replace a user's verifier, and the seed's must stay as it was for the next reset.
        password: { ...seedUser.password },
        status: seedUser.status,
      });
      user.enabled = seedUser.enabled;
      user.mfa.enabled = new Set(seedUser.mfa.enabled);
      user.mfa.preferred = seedUser.mfa.preferred;
      user.mfa.softwareToken = seedUser.mfa.softwareToken && { ...seedUser.mfa.softwareToken };
      for (const [name, value] of Object.entries(seedUser.attributes)) {
        if (name === 'sub') throw new SeedError(`${where}: set Sub, not an attribute named sub`);
        if (!pool.schema.has(name)) throw new SeedError(`${where}: attribute ${name} is not in the pool schema`);
        user.attributes.set(name, value);
      }
      this.addUser(pool, user);
      if (seedUser.pendingResetCode !== undefined) {
        const contact = verifiedRecoveryContact(user.attributes);
        if (!contact) throw new SeedError(`${where}: PendingResetCode needs a verified email or phone_number`);
        const code = seedUser.pendingResetCode === true ? generateCode() : seedUser.pendingResetCode;
        user.resetCode = { code, issuedAt: now };
        this.sendToOutbox({
          poolId: pool.id,
          username: user.username,
          kind: 'AdminResetUserPassword',
          medium: contact.medium,
          destination: contact.destination,
          code,
          temporaryPassword: null,
        });
      }
    }
  }
}

/** Checks each seed user's password against the pool's policy and keeps only its salt and verifier. */
function prepareSeedPool(seedPool: SeedPool): PreparedSeedPool {
  const { Users, ...config } = seedPool;
  const srpPoolName = srpPoolNameOf(seedPool.Id);
  const signsInWithAttribute = seedPool.UsernameAttributes.length > 0;
  const users = Users.map((seedUser): PreparedSeedUser => {
    const violation = passwordPolicyViolation(seedPool.PasswordPolicy, seedUser.Password);
    if (violation) {
      throw new SeedError(`pool ${seedPool.Id}, user ${seedUser.Username}: the password breaks the pool's policy (${violation})`);
    }
    const sub = seedUser.Sub ?? stableSub(seedPool.Id, seedUser.Username);
    // §10.2: with UsernameAttributes the seed's Username is the email or phone number, as AdminCreateUser takes
    // it; the internal username (what SRP hashes, USER_ID_FOR_SRP) is the sub.
    const attribute = signsInWithAttribute
      ? usernameAttributeOf({ usernameAttributes: seedPool.UsernameAttributes }, seedUser.Username)
      : null;
    const username = signsInWithAttribute ? sub : seedUser.Username;
    return {
      username,
      sub,
      password: createPasswordVerifier(srpPoolName, username, seedUser.Password),
      status: seedUser.UserStatus,
      enabled: seedUser.Enabled,
      attributes: { ...(attribute ? { [attribute]: seedUser.Username } : {}), ...seedUser.Attributes },
      pendingResetCode: seedUser.PendingResetCode,
      mfa: {
        enabled: [...seedUser.UserMFASettingList],
        preferred: seedUser.PreferredMfaSetting ?? null,
        softwareToken: seedUser.SoftwareToken
          ? { secret: seedUser.SoftwareToken.SecretCode, friendlyDeviceName: seedUser.SoftwareToken.FriendlyDeviceName ?? null }
          : null,
      },
    };
  });
  return { config, users };
}

/** A fresh copy per load: SetUserPoolMfaConfig must never reach the seed kept for the next reset. */
function seedMfaConfig(seedPool: PreparedSeedPool['config']): PoolMfaConfig {
  const { MfaConfiguration, SmsMfaConfiguration, SoftwareTokenMfaConfiguration, EmailMfaConfiguration } = seedPool;
  return structuredClone({
    MfaConfiguration,
    ...(SmsMfaConfiguration ? { SmsMfaConfiguration } : {}),
    ...(SoftwareTokenMfaConfiguration ? { SoftwareTokenMfaConfiguration } : {}),
    ...(EmailMfaConfiguration ? { EmailMfaConfiguration } : {}),
  });
}

/** §0.1: the SRP "pool name" is the part of the pool id after `_`. */
function srpPoolNameOf(poolId: string): string {
  return poolId.slice(poolId.indexOf('_') + 1);
}

export function usernameKey(pool: PoolState, username: string): string {
  return pool.caseSensitive ? username : username.toLowerCase();
}

/**
 * The key of a name without a user in the per-pool maps: a digest of its usernameKey, so every key has the same
 * small size however long the name (InitiateAuth's USERNAME may be up to 131072 characters, §0.6).
 */
export function unknownNameKey(pool: PoolState, username: string): string {
  return createHash('sha256').update(usernameKey(pool, username), 'utf8').digest('base64url');
}

/**
 * When an unknown name's counters have nothing left to count: a rate window after the last request counted
 * (sign-in failures reset after 15 minutes, code requests and wrong codes are counted over the window, §1).
 */
function lastCountedAt(counters: AttemptCounters): number {
  const last = Math.max(
    counters.signInFailures.lastFailureAt,
    counters.signInFailures.lockedUntil,
    counters.codeRequests.at(-1) ?? 0,
    counters.wrongCodes.at(-1) ?? 0,
  );
  return last + LIMITS.rateWindowSeconds * 1000;
}

export function regionOf(poolId: string): string {
  return poolId.slice(0, poolId.indexOf('_'));
}

/** A UUID-shaped value derived from a key and some text (HMAC-SHA256, version and variant bits set). */
export function uuidFrom(key: Buffer | string, text: string): string {
  const bytes = createHmac('sha256', key).update(text, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Seeded users keep the same `sub` across restarts and resets, so a developer's bookmarks and logs stay
 * meaningful. Not a secret: it identifies demo data only.
 */
function stableSub(poolId: string, username: string): string {
  return uuidFrom('local-user-pool-seed-sub', `${poolId}\n${username}`);
}
