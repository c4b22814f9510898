import { execFile } from 'node:child_process';
import { expect } from 'vitest';

/**
 * Running the AWS CLI (`aws cognito-idp …`) against a local pool: `.ci/run` installs it; on a workstation,
 * `apt-get install awscli`. The CLI signs the admin commands with the dummy credentials below and sends the
 * others unsigned (§0.4).
 */

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function awsCli(endpoint: string, ...args: string[]): Promise<CliResult> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_DEFAULT_REGION: 'us-east-1',
    // Keep the developer's own AWS configuration out of the test.
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
  };
  return new Promise((resolve, reject) => {
    execFile('aws', ['--endpoint-url', endpoint, '--output', 'json', 'cognito-idp', ...args], { env }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('the AWS CLI (`aws`) is not installed: apt-get install awscli'));
        return;
      }
      resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** The command's JSON output; it must have succeeded. */
export function cliJson(result: CliResult): Record<string, unknown> {
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return result.stdout.trim() ? (JSON.parse(result.stdout) as Record<string, unknown>) : {};
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The CLI's own wording around the pool's answer. CLI v2 (Debian's awscli) adds "(reached max retries: N)"
 * after the operation name, v1 does not; the code and the message are the pool's, word for word.
 */
export function expectCliError(result: CliResult, code: string, operation: string, message: string): void {
  expect(result.exitCode).not.toBe(0);
  expect(result.stderr.trim()).toMatch(
    new RegExp(
      `^${escapeRegExp(`An error occurred (${code}) when calling the ${operation} operation`)}( \\(reached max retries: \\d+\\))?: ${escapeRegExp(message)}$`,
    ),
  );
}
