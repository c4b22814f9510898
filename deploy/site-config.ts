import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInstance, type TFunction } from 'i18next';
import { mergeCatalogs, type Catalog } from '../src/i18n/catalog';
import { AppConfigSchema, describeConfigIssues, type AppConfig, type ConfigIssue } from '../src/config/schema';

/**
 * The config.json a deployment serves, checked by the app's own schema (src/config/schema.ts) before anything
 * is built or uploaded: a wrong value stops `cdk synth` (and `npm run deploy:nginx-conf`) with the message the
 * app itself would show on its config error page, naming the key.
 */

/** A config that is not what the app accepts: its message is the app's, one line per key. */
export class SiteConfigError extends Error {
  constructor(
    readonly issues: ConfigIssue[],
    source: string,
  ) {
    super(formatConfigIssues(issues, source));
    this.name = 'SiteConfigError';
  }
}

/** A config file that cannot be read as JSON: the app's words for it (config.unreachable, config.notJson). */
export class ConfigFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

let english: TFunction | undefined;

/** The app's English catalog (src/i18n/locales/en), read as data: the same texts as ConfigErrorPage's. */
function englishT(): TFunction {
  if (english) return english;
  const directory = fileURLToPath(new URL('../src/i18n/locales/en/', import.meta.url));
  const areas = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(`${directory}${name}`, 'utf8')) as Catalog);
  const i18n = createInstance();
  void i18n.init({
    lng: 'en',
    resources: { en: { translation: mergeCatalogs(areas) } },
    initAsync: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  english = i18n.t;
  return english;
}

/** The config error page's text (src/config/config-error-page.tsx), as plain lines. */
export function formatConfigIssues(issues: readonly ConfigIssue[], source: string): string {
  const t = englishT();
  return [
    t('config.invalid', { url: source, count: issues.length }),
    ...issues.map(
      (issue) =>
        `  ${issue.key === '' ? t('config.document') : issue.key} ${t(`config.problem.${issue.problem}`)} ${t(issue.expectKey, issue.values)}`,
    ),
  ].join('\n');
}

/** Validates a config as the app's loader does (src/config/load-config.ts parseConfig); throws SiteConfigError. */
export function validateSiteConfig(input: unknown, source: string): AppConfig {
  const parsed = AppConfigSchema.safeParse(input);
  if (!parsed.success) throw new SiteConfigError(describeConfigIssues(parsed.error, input), source);
  return parsed.data;
}

/** Keys whose values are not text: from the CDK CLI (`--context key=value`, always a string) they are JSON. */
const JSON_KEYS = new Set(['challengeSessionMinutes', 'challengeWarningSeconds', 'passwordPolicy', 'mfaMethods', 'refreshTokenRotation']);

const REGION_PREFIX = /^([a-z]{2}(-[a-z]+)+-\d+)_/;

/**
 * The config.json to write, from a base file's values (optional) overridden by single keys, each as the CDK
 * context gives it: `challengeSessionMinutes=5`, `passwordPolicy={"minimumLength":12}`, `mfaMethods=["EMAIL_OTP"]`
 * (or `EMAIL_OTP,SMS_MFA`). A value that is not JSON stays as written, for the schema to name. `region` may be left
 * out: it is the pool id's prefix. Keys the app does not know are kept, so the schema reports them by name.
 */
export function configFromValues(base: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const config: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    config[key] = typeof value === 'string' && JSON_KEYS.has(key) ? parseLenient(key, value) : value;
  }
  if (config.region === undefined && typeof config.userPoolId === 'string') {
    const region = REGION_PREFIX.exec(config.userPoolId)?.[1];
    if (region) config.region = region;
  }
  return config;
}

function parseLenient(key: string, value: string): unknown {
  const text = value.trim();
  if (key === 'mfaMethods' && !text.startsWith('[')) return text === '' ? [] : text.split(',').map((method) => method.trim());
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

/** Reads a JSON config file as the base of a deployment's config; a broken file stops with the app's words. */
export function readConfigFile(file: string): Record<string, unknown> {
  const t = englishT();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigFileError(t('config.unreachable', { url: file }));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigFileError(t('config.notJson', { url: file }));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SiteConfigError([{ key: '', problem: 'invalid', expectKey: 'config.expect.object' }], file);
  }
  return parsed as Record<string, unknown>;
}
