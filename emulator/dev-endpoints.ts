import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from './clock';
import { BodyTooLargeError, readBody, sendJson, sendText } from './http-util';
import type { OutboxMessage, Store } from './store';

/**
 * Developer endpoints under /_emulator/ (not Cognito's): the outbox where sent codes and temporary passwords
 * land, a page listing it, the clock, and reset.
 */

export const DEV_PREFIX = '/_emulator';

export interface DevEndpointDeps {
  store: Store;
  clock: Clock;
  reset(): void;
  /** Pages of this Origin may drive the pool: loopback ones, and those given with --allow-origin (§0.1). */
  trustsOrigin(origin: string): boolean;
}

/** Answers a request under /_emulator; the caller has already matched the prefix. */
export async function handleDevEndpoint(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  deps: DevEndpointDeps,
): Promise<void> {
  const route = `${request.method ?? 'GET'} ${path}`;
  switch (route) {
    case `GET ${DEV_PREFIX}`:
      response.writeHead(308, { Location: `${DEV_PREFIX}/`, 'Content-Length': 0 });
      response.end();
      return;
    case `GET ${DEV_PREFIX}/`:
      sendText(response, 200, outboxPage(deps.store.outbox, deps.clock), {
        'Content-Type': 'text/html; charset=utf-8',
        // The page shows codes and temporary passwords: never cache it, never leak its address onwards, run nothing.
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
      return;
    case `GET ${DEV_PREFIX}/outbox`:
      sendJson(response, 200, { messages: deps.store.outbox }, 'application/json', { 'Cache-Control': 'no-store' });
      return;
    case `GET ${DEV_PREFIX}/clock`:
      sendJson(response, 200, clockState(deps.clock));
      return;
    case `POST ${DEV_PREFIX}/clock`:
      if (refusedCrossSite(request, response, deps)) return;
      // Security: application/json is not a CORS-safelisted content type, so a browser must preflight it, and
      // the preflight is only granted to trusted origins (server.ts).
      if (!isJson(request)) {
        sendJson(response, 415, { message: 'Send the body as Content-Type: application/json.' });
        return;
      }
      return advanceClock(request, response, deps.clock);
    case `POST ${DEV_PREFIX}/reset`:
      if (refusedCrossSite(request, response, deps)) return;
      deps.reset();
      sendJson(response, 200, { reset: true, ...clockState(deps.clock) });
      return;
    default:
      sendJson(response, 404, {
        message: `No developer endpoint ${route}. Try GET ${DEV_PREFIX}/, GET ${DEV_PREFIX}/outbox, POST ${DEV_PREFIX}/clock or POST ${DEV_PREFIX}/reset.`,
      });
  }
}

/**
 * Security: any web page the developer visits can send a simple POST (no preflight: no body, or a text/plain
 * or form one) to this server, and the browser marks it with the page's Origin. So a state-changing developer
 * endpoint refuses a request whose Origin is present and neither on this machine nor given with --allow-origin.
 * A request without Origin (curl, Node's fetch, test fixtures) is not from a web page on another site and passes.
 */
function refusedCrossSite(request: IncomingMessage, response: ServerResponse, deps: DevEndpointDeps): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || deps.trustsOrigin(origin)) return false;
  sendJson(response, 403, { message: 'Developer endpoints only answer pages served from this machine or from an origin given with --allow-origin.' });
  return true;
}

function isJson(request: IncomingMessage): boolean {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json';
}

function clockState(clock: Clock): { now: string } {
  return { now: new Date(clock.now()).toISOString() };
}

async function advanceClock(request: IncomingMessage, response: ServerResponse, clock: Clock): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(request)) || '{}');
  } catch (error) {
    const message = error instanceof BodyTooLargeError ? 'Body too large.' : 'The body must be JSON: {"advanceSeconds": N}.';
    sendJson(response, 400, { message });
    return;
  }
  const advanceSeconds = typeof body === 'object' && body !== null ? (body as { advanceSeconds?: unknown }).advanceSeconds : undefined;
  if (typeof advanceSeconds !== 'number' || !Number.isFinite(advanceSeconds) || advanceSeconds < 0) {
    // Time only moves forward (see clock.ts); POST /_emulator/reset goes back to real time.
    sendJson(response, 400, { message: 'advanceSeconds must be a finite number of seconds, 0 or more.' });
    return;
  }
  clock.advance(advanceSeconds);
  sendJson(response, 200, clockState(clock));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function outboxPage(outbox: readonly OutboxMessage[], clock: Clock): string {
  const newestFirst = [...outbox].reverse();
  const rows = newestFirst
    .map((message) => {
      const secret = message.code
        ? `<span class="label">code</span> <code>${escapeHtml(message.code)}</code>`
        : `<span class="label">temporary password</span> <code>${escapeHtml(message.temporaryPassword ?? '')}</code>`;
      return `<tr>
  <td><time datetime="${escapeHtml(message.sentAt)}">${escapeHtml(message.sentAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time></td>
  <td>${escapeHtml(message.kind)}</td>
  <td>${escapeHtml(message.username)}</td>
  <td>${escapeHtml(message.medium)} to ${escapeHtml(message.destination)}</td>
  <td>${secret}</td>
  <td>${escapeHtml(message.poolId)}</td>
</tr>`;
    })
    .join('\n');
  const body =
    newestFirst.length === 0
      ? '<p>No messages yet. Codes and temporary passwords that a real user pool would email or text appear here.</p>'
      : `<table>
<caption>Messages, newest first</caption>
<thead><tr><th scope="col">Sent</th><th scope="col">Sent by</th><th scope="col">User</th><th scope="col">To</th><th scope="col">Content</th><th scope="col">Pool</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Local user pool outbox</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 600; margin-bottom: .5rem; }
  th, td { border-bottom: 1px solid #ccc; padding: .4rem .6rem; text-align: left; vertical-align: top; }
  code { font-size: 1.15rem; font-weight: 700; letter-spacing: .05em; }
  .label { color: #555; font-size: .85rem; }
</style>
</head>
<body>
<h1>Local user pool outbox</h1>
<p>What a real Amazon Cognito user pool would have emailed or texted. Emulator time: ${escapeHtml(new Date(clock.now()).toISOString())}. <a href="${DEV_PREFIX}/">Reload</a></p>
${body}
</body>
</html>
`;
}
