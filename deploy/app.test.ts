import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeBuild, removeTemporaryDirectories, temporaryDirectory } from './test-support';

/**
 * deploy/app.ts as the CDK CLI runs it (`cdk synth`/`deploy` start the app with the context and the output
 * directory in the environment), with no AWS credentials at all.
 */

afterAll(removeTemporaryDirectories);

function runApp(context: Record<string, unknown>) {
  const outdir = temporaryDirectory('deploy-app-out-');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CDK_CONTEXT_JSON: JSON.stringify(context),
    CDK_OUTDIR: outdir,
    // Checked in-process by site-stack.test.ts; here only the entry point matters.
    CDK_VALIDATION: 'false',
  };
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'deploy/app.ts'], { env, encoding: 'utf8', timeout: 60_000 });
  return { ...result, outdir };
}

describe('deploy/app.ts', () => {
  it('synthesizes the stack in the pool\'s region without credentials', () => {
    const { status, stderr, outdir } = runApp({ userPoolId: 'ap-northeast-1_AbCdEf123', userPoolClientId: 'client1', distDir: fakeBuild() });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { environment?: string }> };
    expect(manifest.artifacts.AccountSite.environment).toBe('aws://unknown-account/ap-northeast-1');
    expect(existsSync(join(outdir, 'AccountSite.template.json'))).toBe(true);
  }, 60_000);

  it('stops with the config message, writing no template, when a value is wrong', () => {
    const { status, stderr, outdir } = runApp({ userPoolId: 'ap-northeast-1_AbCdEf123', userPoolClientId: 'client1', tokenStorage: 'cookies', distDir: fakeBuild() });
    expect(status).not.toBe(0);
    // The message alone, as the app's config page words it: no stack trace to read past.
    expect(stderr).toBe(
      [
        'The configuration file config.json (from --context values) has a problem:',
        '  tokenStorage has a value that is not accepted; expected one of: localStorage, sessionStorage.',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(outdir, 'AccountSite.template.json'))).toBe(false);
  }, 60_000);
});
