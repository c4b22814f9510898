import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS } from './limits';

export class BodyTooLargeError extends Error {}

/** Reads the whole request body, refusing more than LIMITS.maxRequestBytes. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > LIMITS.maxRequestBytes) throw new BodyTooLargeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
  extraHeaders: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  response.writeHead(status, { 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** An http(s) origin on this machine: localhost (and *.localhost), 127.0.0.0/8 or [::1], any port. */
export function isLoopbackOrigin(origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * An origin given with --allow-origin, as browsers send it in the Origin header (scheme, host, and the port
 * unless it is the scheme's default): `https://App.Example.test:443/` becomes `https://app.example.test`. Anything
 * that is not an http(s) origin alone (a path, a query, credentials, `*`, `null`) answers null.
 */
export function parseAllowedOrigin(text: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || parsed.pathname !== '/' || parsed.search || parsed.hash) return null;
  // The pathname is '/' for both `https://a.test` and `https://a.test/`; anything after the host is refused.
  if (!/^https?:\/\/[^/?#]+\/?$/i.test(text)) return null;
  return parsed.origin.length <= LIMITS.maxOriginLength ? parsed.origin : null;
}
