import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findNginx } from '../e2e/nginx-server';
import { securityHeaders } from '../scripts/security-headers';
import { nginxServerConf } from './nginx-conf';
import { readConfigFile } from './site-config';
import { removeTemporaryDirectories, temporaryDirectory } from './test-support';
import { COMMITTED_NGINX_CONF, EXAMPLE_CONFIG_FILE, nginxConfFor } from './write-nginx-conf';

/**
 * deploy/nginx.conf: generated, never edited by hand. How nginx then answers (headers, cache rules, routes,
 * 404s) is tested against a real nginx by e2e/nginx.spec.ts; here, the file and its syntax.
 */

const committed = readFileSync(COMMITTED_NGINX_CONF, 'utf8');
const headers = securityHeaders(readConfigFile(EXAMPLE_CONFIG_FILE), { https: true });

afterAll(removeTemporaryDirectories);

describe('deploy/nginx.conf', () => {
  it('is what `npm run deploy:nginx-conf` writes for deploy/config.example.json (run it after changing the headers)', () => {
    expect(committed).toBe(nginxConfFor({ configFile: EXAMPLE_CONFIG_FILE }));
  });

  it('sends every generated header, HSTS included, once at server level and with errors too', () => {
    const lines = committed.split('\n').map((line) => line.trim());
    for (const [name, value] of Object.entries(headers)) {
      expect(lines, name).toContain(`add_header ${name} "${value}" always;`);
    }
    // An add_header inside a location would silently drop all of the server's there.
    const locations = [...committed.matchAll(/location [^{]+\{([^}]*)\}/g)].map(([, body]) => body);
    expect(locations).toHaveLength(3);
    for (const body of locations) expect(body).not.toContain('add_header');
  });

  it('keeps hashed assets a year and revalidates the rest; a missing asset or file is a 404, a route is index.html', () => {
    expect(committed).toMatch(/map \$uri \$account_app_cache_control \{\s+~\^\/assets\/ "public, max-age=31536000, immutable";\s+default "no-cache";\s+\}/);
    expect(committed).toContain('add_header Cache-Control $account_app_cache_control;');
    expect(committed).toMatch(/location \^~ \/assets\/ \{\s+try_files \$uri =404;\s+\}/);
    expect(committed).toMatch(/location ~ "\\\.\[\^\/\]\*\$" \{\s+try_files \$uri =404;\s+\}/);
    expect(committed).toMatch(/location \/ \{\s+try_files \$uri \/index\.html;\s+\}/);
  });

  it('refuses a config the app would refuse, with its message', () => {
    const directory = temporaryDirectory('nginx-conf-');
    const file = join(directory, 'config.json');
    writeFileSync(file, JSON.stringify({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123' }));
    expect(() => nginxConfFor({ configFile: file })).toThrow(`  userPoolClientId is missing; expected an app client id`);
  });

  it('serves plain HTTP on the given addresses instead, for a host behind a TLS proxy', () => {
    const conf = nginxConfFor({ configFile: EXAMPLE_CONFIG_FILE, listen: ['127.0.0.1:8080', '[::1]:8080'], root: '/var/www/account' });
    expect(conf).toContain('    listen 127.0.0.1:8080;\n    listen [::1]:8080;\n');
    expect(conf).toContain('    root /var/www/account;\n');
    expect(conf).not.toMatch(/ssl|listen 80;|return 301/);
    // The same headers: HSTS too, which a browser honours once the proxy serves the page over HTTPS.
    expect(conf).toContain(`add_header Strict-Transport-Security "${headers['Strict-Transport-Security']}" always;`);
  });

  it('refuses a value nginx would read as a variable', () => {
    expect(() => nginxServerConf({ headers: { 'X-Test': 'a$b' }, root: '/srv', listen: ['80'] })).toThrow(/literal string/);
  });

  const nginx = findNginx();
  // Skipped only on a workstation without nginx or openssl: .ci/run installs both, and in CI a missing one fails.
  it.skipIf(!process.env.CI && (!nginx || spawnSync('openssl', ['version']).status !== 0))('is accepted by nginx (nginx -t, with a throwaway certificate)', () => {
    const directory = temporaryDirectory('nginx-t-');
    const certificate = join(directory, 'cert.pem');
    const key = join(directory, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=account.example.com', '-days', '1', '-keyout', key, '-out', certificate], {
      stdio: 'ignore',
    });
    const server = join(directory, 'account.conf');
    writeFileSync(
      server,
      committed
        .replace('/etc/ssl/certs/account.example.com.pem', certificate)
        .replace('/etc/ssl/private/account.example.com.key', key),
    );
    const main = join(directory, 'nginx.conf');
    writeFileSync(main, `events {}\nhttp {\n  include ${server};\n}\n`);
    const result = spawnSync(
      nginx as string,
      ['-t', '-q', '-p', directory, '-c', main, '-e', join(directory, 'error.log'), '-g', `pid ${join(directory, 'nginx.pid')}; error_log ${join(directory, 'error.log')};`],
      { encoding: 'utf8' },
    );
    expect(result.stderr + readFileSync(join(directory, 'error.log'), 'utf8')).not.toMatch(/emerg|\[warn\]/);
    expect(result.status).toBe(0);
  });
});
