import { readFileSync } from 'node:fs';

/**
 * The HTTP headers the app is served with in production: a strict Content-Security-Policy and the usual
 * hardening headers. `vite preview` sends them (vite.config.ts), computed from the config it serves; deploy/
 * sends the same from CloudFront and nginx, and README's "Deploy against your user pool" lists them.
 */

/** The parts of config.json the policy depends on (read leniently: a broken config must not stop the server). */
export interface ServedConfig {
  region?: unknown;
  userPoolId?: unknown;
  endpoint?: unknown;
  logoUrl?: unknown;
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function httpOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined; // a relative path (a logo on the app's own origin) or nonsense
  }
}

/**
 * Where the app's Cognito calls go: the configured endpoint's origin, else the regional Cognito endpoint
 * amazon-cognito-identity-js derives (`https://cognito-idp.<region>.amazonaws.com`).
 */
export function cognitoOrigin(config: ServedConfig): string | undefined {
  const endpoint = httpOrigin(config.endpoint);
  if (endpoint) return endpoint;
  const region =
    typeof config.region === 'string' && REGION_PATTERN.test(config.region)
      ? config.region
      : typeof config.userPoolId === 'string'
        ? config.userPoolId.split('_')[0]
        : undefined;
  return region && REGION_PATTERN.test(region) ? `https://cognito-idp.${region}.amazonaws.com` : undefined;
}

/**
 * Security: everything comes from the app's own origin; scripts and styles only from files (no inline
 * script or style, no eval), the only other origin the page may talk to is the user pool's, and the page
 * may not be framed (clickjacking a password form), change its base URL, or post a form elsewhere.
 * `data:` images cover icons the CSS build inlines; a logo on another origin is allowed by that origin only.
 */
export function contentSecurityPolicy(config: ServedConfig): string {
  const cognito = cognitoOrigin(config);
  const logo = httpOrigin(config.logoUrl);
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', ...(logo ? [logo] : [])],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(cognito ? [cognito] : [])],
    'manifest-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Browser features the app never uses, switched off for it and for anything that might be injected. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/**
 * HSTS: two years, subdomains included. It belongs on an HTTPS host only (a CDN, a TLS-terminating server):
 * sent over plain HTTP (as by `vite preview`) browsers ignore it anyway, so preview leaves it out.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

export interface SecurityHeaderOptions {
  /** The host serves over HTTPS: add Strict-Transport-Security (deploy/: CloudFront, nginx, README). */
  https?: boolean;
}

/**
 * The one list of headers every server of the app sends: `vite preview` (vite.config.ts), the CloudFront
 * response headers policy and deploy/nginx.conf (deploy/), and README's table, which a test compares.
 */
export function securityHeaders(config: ServedConfig, { https = false }: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(config),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    ...(https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/**
 * The headers for the config a server is about to serve: APP_CONFIG_FILE when set (as `npm start` and the
 * browser tests do), else public/config.json, with APP_CONFIG_ENDPOINT in place of its `endpoint` when set (as
 * scripts/config-file-plugin.ts serves it). An unreadable file gives a policy that allows no pool at all,
 * which the app then reports as unreachable rather than talking to somewhere unintended.
 */
export function securityHeadersForConfigFile(
  configFile = process.env.APP_CONFIG_FILE || 'public/config.json',
  endpoint = process.env.APP_CONFIG_ENDPOINT || undefined,
): Record<string, string> {
  let config: ServedConfig = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(configFile, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null) config = parsed as ServedConfig;
  } catch {
    config = {};
  }
  return securityHeaders(endpoint ? { ...config, endpoint } : config);
}
