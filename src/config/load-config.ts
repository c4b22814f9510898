import { defaultConfigUrl, type ConfigDocument } from './fetch-config';
import { AppConfigSchema, describeConfigIssues, type AppConfig, type ConfigIssue } from './schema';

export type ConfigProblem =
  | { kind: 'unreachable'; url: string; status?: number }
  | { kind: 'notJson'; url: string }
  | { kind: 'invalid'; url: string; issues: ConfigIssue[] };

export type ConfigLoadResult = { ok: true; config: AppConfig } | { ok: false; problem: ConfigProblem };

export function parseConfig(input: unknown, url = defaultConfigUrl()): ConfigLoadResult {
  const parsed = AppConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problem: { kind: 'invalid', url, issues: describeConfigIssues(parsed.error, input) } };
}

/** Validates a fetched config document; a document that could not be fetched stays the problem it was. */
export function parseDocument(document: ConfigDocument, url = defaultConfigUrl()): ConfigLoadResult {
  return document.ok ? parseConfig(document.body, url) : document;
}
