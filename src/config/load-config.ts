import { AppConfigSchema, describeConfigIssues, type AppConfig, type ConfigIssue } from './schema';

export type ConfigProblem =
  | { kind: 'unreachable'; url: string; status?: number }
  | { kind: 'notJson'; url: string }
  | { kind: 'invalid'; url: string; issues: ConfigIssue[] };

export type ConfigLoadResult = { ok: true; config: AppConfig } | { ok: false; problem: ConfigProblem };

export function defaultConfigUrl(): string {
  return `${import.meta.env.BASE_URL}config.json`;
}

export function parseConfig(input: unknown, url = defaultConfigUrl()): ConfigLoadResult {
  const parsed = AppConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problem: { kind: 'invalid', url, issues: describeConfigIssues(parsed.error, input) } };
}

/** Fetches and validates the runtime config. Never throws: every failure becomes a problem to show. */
export async function loadConfig(
  url = defaultConfigUrl(),
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<ConfigLoadResult> {
  let response: Response;
  try {
    // no-store: a redeployed config.json must take effect on the next load, not after a cache expiry.
    response = await fetchImpl(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    return { ok: false, problem: { kind: 'unreachable', url } };
  }
  if (!response.ok) return { ok: false, problem: { kind: 'unreachable', url, status: response.status } };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, problem: { kind: 'notJson', url } };
  }
  return parseConfig(body, url);
}
