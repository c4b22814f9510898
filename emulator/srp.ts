/**
 * Cognito's SRP-6a variant, server side (docs/cognito-behaviour.md §3).
 *
 * Every value that goes into a hash is encoded with `padHex` of the integer (minimal two's complement, like
 * Java's BigInteger.toByteArray()), never as a fixed-width buffer: that is what amazon-cognito-identity-js
 * does, and fixed-width encodings break about one login in 512 (§3.7).
 */
import { createDiffieHellman, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { constantTimeEqual } from './secure-compare';

/** RFC 5054 3072-bit group, the `initN` constant of amazon-cognito-identity-js (§3.1). */
const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1' +
    '29024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245' +
    'E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D' +
    'C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D' +
    '670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9' +
    'DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64' +
    'ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B' +
    'F12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31' +
    '43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;
const N_BYTES = 384;
const N_BUFFER = Buffer.from(N.toString(16), 'hex');
/** Clients send A as unpadded hex (768 chars at most); anything far longer is not an SRP value. */
const MAX_SRP_HEX_LENGTH = 2048;
const SALT_BYTES = 16;
/** Size of the server's secret exponent b (§3.5 uses 32 bytes; RFC 5054 asks for at least 256 bits). */
const SERVER_SECRET_BYTES = 32;
const HKDF_INFO = 'Caldera Derived Key';

export interface PasswordVerifier {
  /** Hex, 16 random bytes, first byte non-zero. */
  salt: string;
  /** Lowercase hex of v = g^x mod N. */
  verifier: string;
}

export interface SrpServerStep {
  b: bigint;
  /** Lowercase hex of B, as Cognito sends it. */
  srpB: string;
}

/** Minimal two's-complement hex of a non-negative integer: even length, `00` prepended when the top bit is set. */
function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('padHex expects a non-negative integer');
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return hex;
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** H(bytes(hex)) as a hex string. */
function hexHash(hex: string): string {
  return sha256Hex(Buffer.from(hex, 'hex'));
}

function hexToBigInt(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

/** Parses hex the way clients do (any width, any case, odd length allowed); null when it is not hex. */
function parseHexInteger(hex: string): bigint | null {
  if (hex.length === 0 || hex.length > MAX_SRP_HEX_LENGTH || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  return hexToBigInt(hex);
}

/** Fixed-width big-endian bytes, for the OpenSSL calls and for constant-time comparison. */
function toFixedBytes(value: bigint, length: number = N_BYTES): Buffer {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');
}

/** Public-exponent modular exponentiation (square and multiply). Only used where the exponent is public (u). */
function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let square = ((base % modulus) + modulus) % modulus;
  let remaining = exponent;
  while (remaining > 0n) {
    if (remaining & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
    remaining >>= 1n;
  }
  return result;
}

/**
 * base^exponent mod N for a SECRET exponent (x, derived from the password, and the server's b).
 * Security: this goes through OpenSSL's Diffie-Hellman code, whose exponentiation is constant-time, rather
 * than a BigInt square-and-multiply loop whose timing follows the exponent's bits. With g as the
 * generator, generateKeys() yields g^e; computeSecret(base) yields base^e. Throws when OpenSSL rejects
 * the base (0, 1 or N-1), which no honest client can produce.
 */
function modPowSecretExponent(base: bigint, exponent: bigint): bigint {
  const dh = createDiffieHellman(N_BUFFER, Buffer.from([Number(g)]));
  dh.setPrivateKey(Buffer.from(padHex(exponent), 'hex'));
  const result = base === g ? dh.generateKeys() : dh.computeSecret(toFixedBytes(base % N));
  return hexToBigInt(result.toString('hex'));
}

/** k = H(padHex(N) || padHex(g)) (§3.1). */
const k = hexToBigInt(hexHash(padHex(N) + padHex(g)));

/** x = H(padHex(int(salt)) || H(poolName || userId || ":" || password)) (§3.3). */
function computeX(poolName: string, userIdForSrp: string, password: string, saltHex: string): bigint {
  const salt = parseHexInteger(saltHex);
  if (salt === null) throw new TypeError('salt must be hex');
  const usernamePasswordHash = sha256Hex(Buffer.from(`${poolName}${userIdForSrp}:${password}`, 'utf8'));
  // padHex of the parsed integer, not the stored string: clients normalise a salt such as "0012…" to "12…".
  return hexToBigInt(hexHash(padHex(salt) + usernamePasswordHash));
}

function computeVerifier(poolName: string, userIdForSrp: string, password: string, saltHex: string): bigint {
  return modPowSecretExponent(g, computeX(poolName, userIdForSrp, password, saltHex));
}

/** Random salt whose first byte is non-zero, so the stored string and the client's normalised form agree. */
function randomSalt(): string {
  for (;;) {
    const salt = randomBytes(SALT_BYTES);
    if (salt[0] !== 0) return salt.toString('hex');
  }
}

function verifierWithSalt(poolName: string, userIdForSrp: string, password: string, saltHex: string): PasswordVerifier {
  return { salt: saltHex, verifier: computeVerifier(poolName, userIdForSrp, password, saltHex).toString(16) };
}

/** B = (k·v + g^b) mod N (§3.3). */
function computeB(verifier: bigint, b: bigint): bigint {
  return (k * verifier + modPowSecretExponent(g, b)) % N;
}

/** u = H(padHex(A) || padHex(B)) (§3.3). */
function computeU(A: bigint, B: bigint): bigint {
  return hexToBigInt(hexHash(padHex(A) + padHex(B)));
}

/** Server side S = (A · v^u)^b mod N (§3.3). */
function computeServerS(A: bigint, verifier: bigint, u: bigint, b: bigint): bigint {
  return modPowSecretExponent((A * modPow(verifier, u, N)) % N, b);
}

/** K = HKDF-SHA256(salt = padHex(u), ikm = padHex(S), info = "Caldera Derived Key", 16 bytes) (§3.3). */
function derivePasswordAuthenticationKey(u: bigint, S: bigint): Buffer {
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), Buffer.from(HKDF_INFO, 'utf8'), 16),
  );
}

/** base64(HMAC-SHA256(K, poolName || userId || SECRET_BLOCK bytes || TIMESTAMP)) (§3.3). */
function computeClaimSignature(
  key: Buffer,
  poolName: string,
  userIdForSrp: string,
  secretBlock: Buffer,
  timestamp: string,
): string {
  return createHmac('sha256', key)
    .update(Buffer.from(poolName, 'utf8'))
    .update(Buffer.from(userIdForSrp, 'utf8'))
    .update(secretBlock)
    .update(Buffer.from(timestamp, 'utf8'))
    .digest('base64');
}

/** Small building blocks, exported so tests can check them against the §3.5 test vector. */
export const srpInternals = {
  N,
  g,
  k,
  padHex,
  modPow,
  computeX,
  computeVerifier,
  verifierWithSalt,
  randomSalt,
  computeB,
  computeU,
  computeServerS,
  derivePasswordAuthenticationKey,
  computeClaimSignature,
} as const;

export function createPasswordVerifier(poolName: string, userIdForSrp: string, password: string): PasswordVerifier {
  return verifierWithSalt(poolName, userIdForSrp, password, randomSalt());
}

/** For USER_PASSWORD_AUTH and ChangePassword: recompute v from the password and compare in constant time. */
export function passwordMatches(
  poolName: string,
  userIdForSrp: string,
  password: string,
  stored: PasswordVerifier,
): boolean {
  const storedVerifier = parseHexInteger(stored.verifier);
  if (storedVerifier === null || storedVerifier >= N || parseHexInteger(stored.salt) === null) return false;
  const candidate = computeVerifier(poolName, userIdForSrp, password, stored.salt);
  // Security: fixed-width buffers and timingSafeEqual so the comparison time does not depend on where they differ.
  return timingSafeEqual(toFixedBytes(candidate), toFixedBytes(storedVerifier));
}

/**
 * A value shaped like a verifier (an integer of N's width, 0 < v < N) drawn from `seed`, for the simulated
 * answers to names without a user (§3.6). Security: it costs a few hashes, as reading a stored verifier costs
 * next to nothing, and it has a real verifier's size, so the steps that use it do the same work as for a user.
 */
export function pseudoVerifier(seed: Buffer): string {
  const bytes = Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), Buffer.from('simulated verifier', 'utf8'), N_BYTES + 16));
  const value = (hexToBigInt(bytes.toString('hex')) % (N - 1n)) + 1n;
  return value.toString(16);
}

/** b random (32 bytes), B = (k·v + g^b) mod N, retried if B mod N == 0. */
export function startSrp(verifierHex: string): SrpServerStep {
  const verifier = parseHexInteger(verifierHex);
  if (verifier === null) throw new TypeError('verifier must be hex');
  for (;;) {
    const b = hexToBigInt(randomBytes(SERVER_SECRET_BYTES).toString('hex'));
    if (b === 0n) continue;
    const B = computeB(verifier, b);
    // [U] Cognito is Java; BigInteger.toString(16) is unpadded lowercase hex. Clients parse SRP_B as an
    // integer (§3.2), so the width does not matter to them.
    if (B !== 0n) return { b, srpB: B.toString(16) };
  }
}

/** true when SRP_A parses as hex and A mod N != 0. */
export function isAcceptableSrpA(srpA: string): boolean {
  const A = parseHexInteger(srpA);
  return A !== null && A % N !== 0n;
}

/**
 * The PASSWORD_CLAIM_SIGNATURE the client must have sent, or null if u == 0, A is invalid, or the timestamp
 * does not parse. The signature covers the CANONICAL form of the timestamp (§3.4), so callers may pass the
 * client's TIMESTAMP as received or parseSrpTimestamp(...).canonical: both give the same result.
 */
export function expectedPasswordClaimSignature(args: {
  poolName: string;
  userIdForSrp: string;
  srpA: string;
  b: bigint;
  srpB: string;
  stored: PasswordVerifier;
  secretBlock: Buffer;
  timestamp: string;
}): string | null {
  const A = parseHexInteger(args.srpA);
  const B = parseHexInteger(args.srpB);
  const verifier = parseHexInteger(args.stored.verifier);
  const parsedTimestamp = parseSrpTimestamp(args.timestamp);
  if (A === null || A % N === 0n || B === null || verifier === null || parsedTimestamp === null) return null;
  const u = computeU(A, B);
  if (u === 0n) return null;
  let S: bigint;
  try {
    S = computeServerS(A, verifier, u, args.b);
  } catch {
    // OpenSSL refuses a degenerate base (A·v^u ≡ 0, 1 or N-1): no proof can match it.
    return null;
  }
  const key = derivePasswordAuthenticationKey(u, S);
  return computeClaimSignature(key, args.poolName, args.userIdForSrp, args.secretBlock, parsedTimestamp.canonical);
}

/**
 * Compare two base64 signatures in constant time (see constantTimeEqual). [U] Cognito's exact tolerance of
 * base64 variants (missing padding, url-safe alphabet) is unknown; clients send standard padded base64, compared
 * exactly.
 */
export function signaturesMatch(expected: string, received: string): boolean {
  return constantTimeEqual(expected, received);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** Index of an English name given in full or as its first three letters, case-insensitive; -1 otherwise. */
function englishNameIndex(fullNames: readonly string[], text: string): number {
  const lower = text.toLowerCase();
  return fullNames.findIndex((name) => name === lower || name.slice(0, 3) === lower);
}

/**
 * `EEE MMM d HH:mm:ss z yyyy`, parsed the way a lenient Java SimpleDateFormat (Locale.ENGLISH) would, which is
 * what Cognito's error message names (§3.4):
 * - day and month names in English, short or full, any case; the weekday is read but does not decide the date;
 * - day, hours, minutes and seconds with one or two digits; out-of-range values roll over (lenient calendar);
 * - single spaces only: a space-padded day (`Nov  2`) is rejected, as reported for real Cognito.
 * [U] Only the zones `UTC` and `GMT` are accepted; Java would also take other zone names and offsets.
 * [U] Exactly four year digits.
 */
export function parseSrpTimestamp(timestamp: string): { instant: Date; canonical: string } | null {
  const match = /^([A-Za-z]+) ([A-Za-z]+) (\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(timestamp);
  if (match === null) return null;
  const [, weekday, month, day, hours, minutes, seconds, zone, year] = match;
  if (englishNameIndex(WEEKDAY_NAMES, weekday) < 0) return null;
  const monthIndex = englishNameIndex(MONTH_NAMES, month);
  if (monthIndex < 0) return null;
  if (!['UTC', 'GMT'].includes(zone.toUpperCase())) return null;
  const instant = new Date(0);
  // setUTCFullYear rather than Date.UTC: the latter maps years 0–99 to 1900–1999.
  instant.setUTCFullYear(Number(year), monthIndex, Number(day));
  instant.setUTCHours(Number(hours), Number(minutes), Number(seconds), 0);
  return { instant, canonical: formatSrpTimestamp(instant) };
}

/** `EEE MMM d HH:mm:ss UTC yyyy` in UTC with English names and a day of month that is not zero-padded (§3.4). */
export function formatSrpTimestamp(instant: Date): string {
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return [
    WEEKDAYS[instant.getUTCDay()],
    MONTHS[instant.getUTCMonth()],
    String(instant.getUTCDate()),
    `${twoDigits(instant.getUTCHours())}:${twoDigits(instant.getUTCMinutes())}:${twoDigits(instant.getUTCSeconds())}`,
    'UTC',
    String(instant.getUTCFullYear()).padStart(4, '0'),
  ].join(' ');
}
