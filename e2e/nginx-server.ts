import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { PlaywrightTestConfig } from '@playwright/test';
import { securityHeaders } from '../scripts/security-headers';
import { nginxServerConf } from '../deploy/nginx-conf';
import { validateSiteConfig } from '../deploy/site-config';

/**
 * A real nginx (Debian's) in front of the production build, with deploy/nginx-conf.ts's server block (the one
 * deploy/nginx.conf holds, for this run's config and port), so the hardening tests check what a team that
 * serves the app itself would send. On 127.0.0.1 only, in the foreground (Playwright stops it when the run
 * ends), with every file it writes under the run's work directory.
 */

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, { command: string }>;

/** nginx on PATH, or where Debian puts it (/usr/sbin is not on every user's PATH). */
export function findNginx(): string | undefined {
  const directories = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  for (const directory of directories.filter(Boolean)) {
    const candidate = join(directory, 'nginx');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The types the build's files need: the server block leaves mime.types to the http block around it. */
const TYPES = [
  'text/html html',
  'text/css css',
  'application/javascript js mjs',
  'application/json json map',
  'image/svg+xml svg',
  'image/png png',
  'image/x-icon ico',
  'font/woff2 woff2',
  'text/plain txt',
];

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface NginxWebServerOptions {
  nginx: string;
  port: number;
  /** The production build (vite build's outDir), copied with the run's config.json beside index.html. */
  distDir: string;
  configFile: string;
  workDir: string;
}

export function nginxWebServer({ nginx, port, distDir, configFile, workDir }: NginxWebServerOptions): WebServer {
  const directory = resolve(workDir, 'nginx');
  const root = join(directory, 'root');
  const temp = join(directory, 'temp');
  mkdirSync(temp, { recursive: true });
  const config = validateSiteConfig(JSON.parse(readFileSync(configFile, 'utf8')), configFile);
  const serverConf = join(directory, 'server.conf');
  writeFileSync(
    serverConf,
    nginxServerConf({
      headers: securityHeaders(config, { https: true }),
      root,
      listen: [`127.0.0.1:${port}`],
      comment: ['The browser tests\' copy of deploy/nginx.conf (e2e/nginx-server.ts): this run\'s config and port.'],
    }),
  );
  const mainConf = join(directory, 'nginx.conf');
  const runsAsRoot = process.getuid?.() === 0;
  writeFileSync(
    mainConf,
    [
      '# The browser tests\' nginx (e2e/nginx-server.ts); daemon, pid and error_log come with -g.',
      // As root, nginx would run its worker as `nobody`, who may not read a checkout under /root.
      ...(runsAsRoot ? ['user root;'] : []),
      'worker_processes 1;',
      'events { worker_connections 256; }',
      'http {',
      `    types { ${TYPES.map((type) => `${type};`).join(' ')} }`,
      '    default_type application/octet-stream;',
      '    access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${join(temp, kind)};`),
      `    include ${serverConf};`,
      '}',
      '',
    ].join('\n'),
  );
  const errorLog = join(directory, 'error.log');
  const globals = `daemon off; pid ${join(directory, 'nginx.pid')}; error_log ${errorLog} warn;`;
  const command = [
    `rm -rf ${shellQuote(root)}`,
    `cp -R ${shellQuote(resolve(distDir))} ${shellQuote(root)}`,
    `cp ${shellQuote(resolve(configFile))} ${shellQuote(join(root, 'config.json'))}`,
    `exec ${shellQuote(nginx)} -p ${shellQuote(directory)} -c ${shellQuote(mainConf)} -e ${shellQuote(errorLog)} -g ${shellQuote(globals)}`,
  ].join(' && ');
  return {
    command,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    // nginx's fast shutdown; Playwright signals the whole process group (master and worker).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  };
}
