/**
 * Every threshold and lifetime the local user pool enforces, in one place. Values with a public source are
 * cited (§ = docs/cognito-behaviour.md); the others are this emulator's choices ([U]).
 */
export const LIMITS = {
  /** §1: a ForgotPassword / AdminResetUserPassword code is valid for one hour. */
  codeLifetimeSeconds: 60 * 60,
  codeDigits: 6,
  /**
   * Sliding window for the per-user counters below. §1 says Cognito allows "between 5 and 20 attempts" per user
   * per hour depending on risk; [U] this emulator takes the strict end so tests reach the limit quickly.
   */
  rateWindowSeconds: 60 * 60,
  /**
   * [U] Codes sent by ForgotPassword per user and window; the next request gets LimitExceededException. Refused
   * requests are not counted, because the AWS CLI retries LimitExceededException up to 3 times (§0.4) and those
   * retries must not push the user further into the limit.
   */
  forgotPasswordRequestsPerWindow: 5,
  /**
   * [U] Wrong ConfirmForgotPassword codes per user and window before every further attempt (even with the right
   * code) gets LimitExceededException. §4.4 reports the limit after the 5th wrong code.
   */
  wrongCodesPerWindow: 5,
  /** §8: an attribute verification code (GetUserAttributeVerificationCode) is valid for 24 hours. */
  attributeCodeLifetimeSeconds: 24 * 60 * 60,
  /**
   * [U] Codes sent by GetUserAttributeVerificationCode per user and window (§4.19), counted like ForgotPassword's:
   * refused requests do not count. Wrong VerifyUserAttribute codes use wrongCodesPerWindow, on their own counter.
   */
  attributeCodeRequestsPerWindow: 5,
  /** [U] Wrong ChangePassword PreviousPassword values per user and window before LimitExceededException (§4.5). */
  changePasswordFailuresPerWindow: 5,
  /**
   * §1: after 5 failed sign-ins the user is locked out for 2^(n-5) seconds (n = failures so far), at most about
   * 15 minutes; sign-ins during a lockout get "Password attempts exceeded" and do not count as failures.
   */
  signInFailuresBeforeLockout: 5,
  lockoutMaxSeconds: 15 * 60,
  /** §1: the failure count starts again after 15 minutes without a failed attempt. */
  signInFailureResetSeconds: 15 * 60,
  /**
   * [U] A SECRET_BLOCK (server-side SRP state) is single use and expires after this long. §1 only says the
   * PASSWORD_VERIFIER answer must come "within a few seconds"; a generous window keeps slow test machines and
   * people stepping through a debugger from failing for no visible reason.
   */
  srpSecretBlockLifetimeSeconds: 5 * 60,
  /** [U] §1: the SRP TIMESTAMP must be "within a certain time interval" of the server's time; ±5 minutes. */
  srpTimestampSkewSeconds: 5 * 60,
  /** Bytes of randomness in a SECRET_BLOCK and in a challenge Session (both opaque handles, §3.2 and §1). */
  secretBlockBytes: 256,
  sessionBytes: 192,
  /** [U] How long an expired challenge Session is remembered, so it answers "session is expired" not "invalid". */
  expiredSessionMemorySeconds: 24 * 60 * 60,
  /**
   * [U] Wrong answers (codes) one MFA challenge Session takes before it is spent; Cognito does not publish its
   * limit (docs/cognito-behaviour.md, MFA, M9).
   */
  mfaWrongAnswersPerSession: 5,
  /** RFC 6238 as Cognito applies it: 30-second steps, 6 digits, one step of drift either way (MFA, M12). */
  totpStepSeconds: 30,
  totpDigits: 6,
  totpWindowSteps: 1,
  /** Random bytes in a generated authenticator secret: 52 base32 characters (MFA, M10). */
  softwareTokenSecretBytes: 32,
  /** §1: ListUsers Limit 0–60; ListUserPools / ListUserPoolClients MaxResults 1–60. */
  maxPageSize: 60,
  /** Largest request body the server reads. */
  maxRequestBytes: 1024 * 1024,

  // Bounds on state kept per name a caller sends (§1.1 of docs/cognito-behaviour.md). [U] Cognito publishes no
  // such numbers; these keep a local pool's memory flat under a flood of distinct names while leaving room for
  // any real test suite. Past a bound the oldest entry is forgotten first (bounded-map.ts).
  /** [U] Lockout and rate-limit counters of names without a user, per pool (Store.countersForUnknownName). */
  maxUnknownNamesPerPool: 10_000,
  /** [U] Names ForgotPassword answered with a simulated delivery, per pool; each is remembered for a code's life. */
  maxSimulatedResetNamesPerPool: 10_000,
  /** [U] Pending SRP steps (each lives LIMITS.srpSecretBlockLifetimeSeconds at most). */
  maxSrpSteps: 10_000,
  /** [U] Challenge sessions, used or not (each remembered LIMITS.expiredSessionMemorySeconds after it expires). */
  maxChallengeSessions: 10_000,
  /** [U] Token families (one per sign-in); the oldest family's refresh token then answers as revoked. */
  maxTokenFamilies: 50_000,
  /**
   * [U] How long a token family is kept after its refresh token expired, so a late refresh hears "expired"
   * rather than "revoked".
   */
  expiredTokenFamilyMemorySeconds: 24 * 60 * 60,
  /** [U] Messages the outbox keeps (the developer endpoints list them); the oldest go first. */
  maxOutboxMessages: 1_000,
  /**
   * [U] The longest value the server writes into a response header (x-amzn-ErrorMessage); messages can quote what
   * a caller sent. Node refuses to send headers over 16 KB, and no client needs more than the start.
   */
  maxHeaderValueLength: 1_024,
  /** [U] The longest Origin header echoed into Access-Control-Allow-Origin; longer origins are not loopback pages. */
  maxOriginLength: 256,
} as const;
