import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createClock, type Clock } from './clock';
import { DEV_PREFIX, handleDevEndpoint } from './dev-endpoints';
import { CognitoServiceError, Errors } from './errors';
import { BodyTooLargeError, isLoopbackOrigin, parseAllowedOrigin, readBody, sendJson } from './http-util';
import { LIMITS } from './limits';
import { validateInput } from './model/validate';
import { OPERATIONS, type OperationContext } from './operations';
import type { JsonObject } from './operations/input';
import { loadSeedFile, parseSeed, type Seed, type SeedInput } from './seed-schema';
import { Store } from './store';

/**
 * The local Cognito user pool over HTTP: `AWSCognitoIdentityProviderService` JSON 1.1 on `POST /` (§0 of
 * docs/cognito-behaviour.md), JWKS under `/<poolId>/.well-known/`, and the developer endpoints under
 * `/_emulator/`.
 */

export const DEFAULT_SEED_PATH = fileURLToPath(new URL('./seed.json', import.meta.url));
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const JSON_1_1 = 'application/x-amz-json-1.1';

export interface EmulatorOptions {
  /** 0 picks a free port. Default 9229. */
  port?: number;
  /** Default 127.0.0.1: the pool is for this machine only. */
  host?: string;
  /** A seed file; default emulator/seed.json. Ignored when `seed` is given. */
  seedPath?: string;
  /** A seed object (validated like a file). */
  seed?: SeedInput;
  /** Base of the emulator clock (default Date.now); tests may freeze it. */
  clockBase?: () => number;
  /**
   * Host names besides 127.0.0.1, localhost and [::1] that requests may name in their Host header (§0.7), e.g.
   * a name in /etc/hosts or a container's service name. Any other Host is refused (DNS rebinding).
   */
  allowedHosts?: readonly string[];
  /**
   * Origins besides this machine's (§0.1) whose pages may call the pool from a browser, e.g.
   * `https://app.example.test`: each gets the same CORS answers as a loopback page. Only whole origins, never `*`.
   */
  allowedOrigins?: readonly string[];
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:9229` — the `endpoint` for amazon-cognito-identity-js and the AWS SDK/CLI. */
  readonly url: string;
  readonly port: number;
  readonly clock: Clock;
  readonly store: Store;
  /** Back to the seed and to real time, as POST /_emulator/reset. */
  reset(): void;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const trustsOrigin = originPolicy(options.allowedOrigins ?? []);
  const seed: Seed = options.seed ? parseSeed(options.seed) : await loadSeedFile(options.seedPath ?? DEFAULT_SEED_PATH);
  const clock = createClock(options.clockBase);
  const store = await Store.create(seed, clock);
  const reset = () => {
    clock.reset();
    store.reset();
  };
  const allowedHostNames = new Set([...LOOPBACK_HOST_NAMES, ...(options.allowedHosts ?? []).map((name) => name.toLowerCase())]);
  let listeningPort = 0;
  const server = createServer((request, response) => {
    // Security (§0.7): before anything else, so a page on another site that rebinds its name to this machine
    // reads nothing and changes nothing (outbox codes, admin calls with a made-up signature).
    if (!hostAllowed(request.headers.host, allowedHostNames, listeningPort)) {
      refuseHost(response, request.headers.host);
      return;
    }
    handleRequest(request, response, { store, clock, reset, trustsOrigin }).catch((error: unknown) => {
      // Last resort: headers may already be out; never let one request bring the server down.
      console.error('local user pool: unhandled failure', error);
      if (!response.headersSent) writeError(response, Errors.internal());
      else response.destroy();
    });
  });
  await listen(server, options.port ?? 9229, options.host ?? '127.0.0.1');
  const address = server.address() as AddressInfo;
  listeningPort = address.port;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    clock,
    store,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The Host header (§0.7): DNS rebinding

/** The names of this machine a request may use without --allow-host. */
const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Security: a browser sends the name it resolved in Host. A page on evil.example whose DNS answer flips to
 * 127.0.0.1 becomes same-origin with this server under that name, so CORS and Origin checks no longer apply; only
 * the Host header still tells. A request is answered when Host names this machine (or an allowed name) on the
 * pool's own port; without a port only when the pool listens on 80, as HTTP leaves the default port out.
 */
function hostAllowed(host: string | undefined, allowedNames: ReadonlySet<string>, port: number): boolean {
  if (host === undefined) return false;
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!match) return false;
  const [, name, portText] = match;
  if (!allowedNames.has(name)) return false;
  return portText === undefined ? port === 80 : Number(portText) === port;
}

/**
 * 421 Misdirected Request (RFC 9110 §15.5.20): this server will not answer for that name. The Host is not quoted
 * back, so the refusal carries nothing a caller sent.
 */
function refuseHost(response: ServerResponse, host: string | undefined): void {
  const shown = host === undefined ? 'no Host header' : 'this Host header';
  sendJson(response, 421, {
    message: `The local user pool answers requests for 127.0.0.1, localhost and [::1] on its own port, not ${shown}. Start it with --allow-host <name> to allow another name.`,
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

interface ServerDeps {
  store: Store;
  clock: Clock;
  reset(): void;
  /** Whether a page of this Origin may call the pool (§0.1): loopback, or given with --allow-origin. */
  trustsOrigin(origin: string): boolean;
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, deps: ServerDeps): Promise<void> {
  response.setHeader('x-amzn-RequestId', randomUUID());
  const corsAllowed = applyCors(request, response, deps.trustsOrigin);
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;

  if (request.method === 'OPTIONS') {
    answerPreflight(request, response, corsAllowed);
    return;
  }
  if (path === DEV_PREFIX || path.startsWith(`${DEV_PREFIX}/`)) {
    await handleDevEndpoint(request, response, path, deps);
    return;
  }
  const wellKnown = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(path);
  if (wellKnown && request.method === 'GET') {
    await answerWellKnown(request, response, deps.store, wellKnown[1], wellKnown[2]);
    return;
  }
  if (request.method === 'POST' && path === '/') {
    await dispatch(request, response, deps);
    return;
  }
  sendJson(response, 404, { message: `Nothing at ${request.method} ${path}. Cognito requests are POST / with X-Amz-Target.` });
}

// ---------------------------------------------------------------------------------------------------------------
// JSON 1.1 dispatch (§0.1–§0.3)

async function dispatch(request: IncomingMessage, response: ServerResponse, deps: ServerDeps): Promise<void> {
  try {
    // The body is read first so that an early refusal never leaves an unread request on a kept-alive connection.
    const body = await readBodyOrFail(request);
    const target = request.headers['x-amz-target'];
    const operationName =
      typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    if (!operationName) throw Errors.unknownOperation('');
    // The name is quoted back in the error: only as much of it as an operation name can be.
    if (!Object.hasOwn(OPERATIONS, operationName)) throw Errors.unknownOperation(operationName.slice(0, 64));
    const operation = OPERATIONS[operationName];
    if (operation.signed) assertSigV4Shaped(request);
    const input = parseInput(body);
    // §0.6: the model's constraints on every member, before the operation sees the input.
    validateInput(operationName, input);
    const context: OperationContext = { store: deps.store, clock: deps.clock };
    const output = await operation.handler(input, context);
    sendJson(response, 200, output, JSON_1_1);
  } catch (error) {
    if (error instanceof CognitoServiceError) {
      writeError(response, error);
      return;
    }
    console.error('local user pool: internal error', error);
    writeError(response, Errors.internal());
  }
}

/**
 * §0.4: every AWS client signs Admin*, List* and Describe* calls with SigV4, and AWS refuses a call without
 * credentials. The signature itself is not checked (this pool has no accounts). [C] The refusal is Coral's
 * MissingAuthenticationTokenException "Request is missing Authentication Token", as AWS JSON-protocol services
 * answer unsigned calls (captured from DynamoDB); no Cognito capture was found. A header that is present but
 * not SigV4-shaped gets IncompleteSignatureException [U wording].
 */
function assertSigV4Shaped(request: IncomingMessage): void {
  const authorization = request.headers.authorization;
  if (!authorization) {
    throw new CognitoServiceError('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
  }
  if (!/^AWS4-HMAC-SHA256\s+Credential=\S+/.test(authorization)) {
    throw new CognitoServiceError(
      'IncompleteSignatureException',
      "Authorization header requires 'Credential' parameter with the AWS4-HMAC-SHA256 scheme.",
    );
  }
}

async function readBodyOrFail(request: IncomingMessage): Promise<string> {
  try {
    return await readBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw Errors.serialization('The request body is too large.');
    throw error;
  }
}

function parseInput(text: string): JsonObject {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw Errors.serialization('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw Errors.serialization('The request body must be a JSON object.');
  }
  return parsed as JsonObject;
}

/** §0.3: `{"__type","message"}`, status 400 (500 only for InternalErrorException), and the real headers. */
function writeError(response: ServerResponse, error: CognitoServiceError): void {
  sendJson(response, error.httpStatus, { __type: error.type, message: error.message }, JSON_1_1, {
    // §0.3: the real header has a trailing colon.
    'x-amzn-ErrorType': `${error.type}:`,
    'x-amzn-ErrorMessage': headerValue(error.message),
  });
}

/**
 * A message as a header value: printable ASCII only, and at most LIMITS.maxHeaderValueLength characters. Messages
 * can quote what a caller sent (§0.6); the body carries the whole message, the header only its start.
 */
function headerValue(message: string): string {
  const printable = message.replace(/[^\x20-\x7e]/g, '?');
  return printable.length <= LIMITS.maxHeaderValueLength ? printable : `${printable.slice(0, LIMITS.maxHeaderValueLength - 3)}...`;
}

// ---------------------------------------------------------------------------------------------------------------
// CORS (§0.1): browser pages on loopback origins, and on the origins given with --allow-origin.

const EXPOSED_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';
/** What amazon-cognito-identity-js sends (§0.1), plus what the browser build of the AWS SDK adds for signed calls. */
const ALLOWED_HEADERS = [
  'Content-Type',
  'X-Amz-Target',
  'X-Amz-User-Agent',
  'Cache-Control',
  'Authorization',
  'X-Amz-Date',
  'X-Amz-Security-Token',
  'X-Amz-Content-Sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
].join(', ');

/**
 * Security (§0.1): a browser page may call the pool only from this machine or from an origin the developer named
 * with --allow-origin, compared whole and exactly as the browser sends it. Allowed origins are normalised the same
 * way (http-util.ts parseAllowedOrigin); an option that is not an origin is refused at start rather than ignored.
 */
function originPolicy(allowedOrigins: readonly string[]): (origin: string) => boolean {
  const allowed = new Set<string>();
  for (const text of allowedOrigins) {
    const origin = parseAllowedOrigin(text);
    if (origin === null) throw new Error(`allowedOrigins: "${text}" is not an http(s) origin such as https://app.example.test`);
    allowed.add(origin);
  }
  return (origin) => isLoopbackOrigin(origin) || allowed.has(origin);
}

/**
 * Security: only pages the pool trusts (originPolicy) may call it from a browser. The origin is echoed (never
 * `*`) with credentials allowed, so `fetchOptions.credentials` works too (§0.1).
 */
function applyCors(request: IncomingMessage, response: ServerResponse, trustsOrigin: (origin: string) => boolean): boolean {
  const origin = request.headers.origin;
  response.setHeader('Vary', 'Origin');
  // An origin longer than any page on this machine has is refused rather than echoed into a header.
  if (!origin || origin.length > LIMITS.maxOriginLength || !trustsOrigin(origin)) return false;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  return true;
}

function answerPreflight(request: IncomingMessage, response: ServerResponse, corsAllowed: boolean): void {
  if (!corsAllowed) {
    response.writeHead(403, { 'Content-Length': 0 });
    response.end();
    return;
  }
  const headers: Record<string, string> = {
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  };
  // Chrome's Private Network Access preflight, for pages on another loopback port or an allowed public origin.
  if (request.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  response.writeHead(204, headers);
  response.end();
}

// ---------------------------------------------------------------------------------------------------------------
// JWKS and discovery (§2)

async function answerWellKnown(
  request: IncomingMessage,
  response: ServerResponse,
  store: Store,
  poolId: string,
  document: string,
): Promise<void> {
  const pool = store.findPool(poolId);
  if (!pool) {
    sendJson(response, 404, { message: `User pool ${poolId} does not exist.` });
    return;
  }
  if (document === 'jwks.json') {
    sendJson(response, 200, await pool.issuer.jwks());
    return;
  }
  const base = `http://${request.headers.host ?? '127.0.0.1'}`;
  sendJson(response, 200, {
    issuer: pool.issuer.issuer,
    jwks_uri: `${base}/${pool.id}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  });
}
