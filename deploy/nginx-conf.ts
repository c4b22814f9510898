import { ASSETS_PREFIX, IMMUTABLE, REVALIDATE } from './cache-rules';

/**
 * An nginx `server` block that serves the production build as the CloudFront deployment does: the security
 * headers of scripts/security-headers.ts on every response, hashed assets kept a year and everything else
 * revalidated, the app's routes answered with index.html and missing files with 404 (the same rule as
 * deploy/spa-routing.js). deploy/nginx.conf is its output for deploy/config.example.json; the browser tests
 * run the app behind the same block (e2e/nginx-server.ts).
 */

export interface NginxServerOptions {
  /** The headers to send (securityHeaders(config, { https: true })). */
  headers: Readonly<Record<string, string>>;
  /** The directory with dist/'s files and the deployment's config.json. */
  root: string;
  /** `listen` parameters, one directive each, e.g. `443 ssl` or `127.0.0.1:8080`. */
  listen: readonly string[];
  serverName?: string;
  /** Certificate and key files: adds them, and a plain-HTTP server that redirects to HTTPS. */
  tls?: { certificate: string; key: string };
  /** Comment lines put before the block. */
  comment?: readonly string[];
}

/** A double-quoted nginx string; `$` would start a variable, and nothing here may contain one. */
function quoted(value: string): string {
  if (/[$"\\\r\n]/.test(value)) throw new Error(`nginx: cannot write ${JSON.stringify(value)} as a literal string`);
  return `"${value}"`;
}

function block(head: string, lines: readonly string[], indent = '    '): string[] {
  return [`${head} {`, ...lines.map((line) => (line === '' ? '' : `${indent}${line}`)), '}'];
}

/** The variable the map below sets; named for the app, as map variables are shared by the whole http block. */
const CACHE_CONTROL_VARIABLE = '$account_app_cache_control';

export function nginxServerConf(options: NginxServerOptions): string {
  const { headers, root, listen, serverName, tls, comment = [] } = options;
  const cacheControl = block(`map $uri ${CACHE_CONTROL_VARIABLE}`, [
    `~^${ASSETS_PREFIX} ${quoted(IMMUTABLE)};`,
    `default ${quoted(REVALIDATE)};`,
  ]);
  const server: string[] = [
    ...listen.map((address) => `listen ${address};`),
    ...(serverName ? [`server_name ${serverName};`] : []),
    ...(tls ? [`ssl_certificate ${tls.certificate};`, `ssl_certificate_key ${tls.key};`] : []),
    `root ${root};`,
    'server_tokens off;',
    '',
    '# The security headers, with every answer, errors included (`always`). They are set here once: an',
    "# add_header inside a location would replace all of them there, so the locations below have none.",
    ...Object.entries(headers).map(([name, value]) => `add_header ${name} ${quoted(value)} always;`),
    '# Without `always`: an error (a missing asset\'s 404) is not cached as if it were the file.',
    `add_header Cache-Control ${CACHE_CONTROL_VARIABLE};`,
    '',
    '# Built files: a missing one is a real 404, never index.html.',
    ...block(`location ^~ ${ASSETS_PREFIX}`, ['try_files $uri =404;']),
    '',
    '# Other files (a dot in the last segment: /config.json, /theme.css, /favicon.svg): 404 when missing.',
    ...block('location ~ "\\.[^/]*$"', ['try_files $uri =404;']),
    '',
    "# The app's routes (/, /sign-in, /account/change-password): index.html, and the app's router shows the screen.",
    ...block('location /', ['try_files $uri /index.html;']),
  ];
  const redirect = tls
    ? [
        '',
        ...block('server', [
          'listen 80;',
          'listen [::]:80;',
          ...(serverName ? [`server_name ${serverName};`] : []),
          'return 301 https://$host$request_uri;',
        ]),
      ]
    : [];
  return [
    ...comment.map((line) => `# ${line}`.trimEnd()),
    '',
    '# Cache-Control by path: built files are named by their content and kept a year; everything else',
    '# (index.html, config.json, theme.css) is revalidated on every load, so a new config takes effect at once.',
    ...cacheControl,
    '',
    ...block('server', server),
    ...redirect,
    '',
  ].join('\n');
}
