import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cognitoOrigin, contentSecurityPolicy, securityHeaders, securityHeadersForConfigFile } from './security-headers';

function directive(policy: string, name: string): string | undefined {
  return policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.slice(name.length + 1);
}

describe('cognitoOrigin', () => {
  it("is the configured endpoint's origin, without its path", () => {
    expect(cognitoOrigin({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9229/' })).toBe('http://127.0.0.1:9229');
    expect(cognitoOrigin({ endpoint: 'https://auth.example.com/cognito/' })).toBe('https://auth.example.com');
  });

  it("is AWS's regional endpoint without one, from the region or else the pool id", () => {
    expect(cognitoOrigin({ region: 'eu-west-1' })).toBe('https://cognito-idp.eu-west-1.amazonaws.com');
    expect(cognitoOrigin({ userPoolId: 'ap-northeast-1_AbCdEf123' })).toBe('https://cognito-idp.ap-northeast-1.amazonaws.com');
  });

  it('is nothing for a config that names no usable pool, rather than a guess', () => {
    expect(cognitoOrigin({ region: 'not a region; script-src *' })).toBeUndefined();
    expect(cognitoOrigin({ endpoint: 'javascript:alert(1)' })).toBeUndefined();
    expect(cognitoOrigin({})).toBeUndefined();
  });
});

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123' });

  it('lets the page talk to its own origin and the user pool only', () => {
    expect(directive(policy, 'connect-src')).toBe("'self' https://cognito-idp.eu-west-1.amazonaws.com");
  });

  it('allows scripts and styles from files of the own origin only, and nothing inline or evaluated', () => {
    expect(directive(policy, 'default-src')).toBe("'none'");
    expect(directive(policy, 'script-src')).toBe("'self'");
    expect(directive(policy, 'style-src')).toBe("'self'");
    expect(policy).not.toMatch(/unsafe|\*/);
  });

  it('refuses framing, a changed base URL, forms posted elsewhere and plugins', () => {
    expect(directive(policy, 'frame-ancestors')).toBe("'none'");
    expect(directive(policy, 'base-uri')).toBe("'none'");
    expect(directive(policy, 'form-action')).toBe("'self'");
    expect(directive(policy, 'object-src')).toBe("'none'");
  });

  it("allows a logo from another origin by that origin, and a logo path on the app's own origin by 'self'", () => {
    expect(directive(contentSecurityPolicy({ logoUrl: 'https://cdn.example.com/brand/logo.svg' }), 'img-src')).toBe(
      "'self' data: https://cdn.example.com",
    );
    expect(directive(contentSecurityPolicy({ logoUrl: '/logo.svg' }), 'img-src')).toBe("'self' data:");
  });
});

describe('securityHeaders', () => {
  it('adds the usual hardening headers to the policy', () => {
    expect(securityHeaders({ region: 'eu-west-1' })).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': expect.stringContaining('camera=()'),
    });
  });

  it('reads the config file being served, and survives one that cannot be read', () => {
    const directory = mkdtempSync(join(tmpdir(), 'security-headers-'));
    const file = join(directory, 'config.json');
    writeFileSync(file, JSON.stringify({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9329/' }));
    expect(directive(securityHeadersForConfigFile(file)['Content-Security-Policy'], 'connect-src')).toBe("'self' http://127.0.0.1:9329");
    expect(directive(securityHeadersForConfigFile(join(directory, 'missing.json'))['Content-Security-Policy'], 'connect-src')).toBe("'self'");
  });

  it("follows an endpoint given in place of the file's own (APP_CONFIG_ENDPOINT)", () => {
    const directory = mkdtempSync(join(tmpdir(), 'security-headers-'));
    const file = join(directory, 'config.json');
    writeFileSync(file, JSON.stringify({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9229/' }));
    const headers = securityHeadersForConfigFile(file, 'http://127.0.0.1:9239/');
    expect(directive(headers['Content-Security-Policy'], 'connect-src')).toBe("'self' http://127.0.0.1:9239");
  });
});

describe('securityHeaders for an HTTPS host', () => {
  it('adds Strict-Transport-Security, and only then: preview (plain HTTP) sends the list without it', () => {
    const https = securityHeaders({ region: 'eu-west-1' }, { https: true });
    expect(https['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    const { 'Strict-Transport-Security': _hsts, ...rest } = https;
    expect(rest).toEqual(securityHeaders({ region: 'eu-west-1' }));
    expect(Object.keys(securityHeaders({ region: 'eu-west-1' }))).not.toContain('Strict-Transport-Security');
  });
});
