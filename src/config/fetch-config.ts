import type { ConfigProblem } from './load-config';

/** The config document as fetched, before validation: JSON, or the reason there is none. */
export type ConfigDocument = { ok: true; body: unknown } | { ok: false; problem: ConfigProblem };

export function defaultConfigUrl(): string {
  return `${import.meta.env.BASE_URL}config.json`;
}

/**
 * Fetches `/config.json` without validating it. Kept apart from the schema (and so from zod) because the
 * app's first module starts this request before the rest of the app has loaded (src/main.tsx). Never throws.
 */
export async function fetchConfigDocument(
  url = defaultConfigUrl(),
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<ConfigDocument> {
  let response: Response;
  try {
    // no-store: a redeployed config.json must take effect on the next load, not after a cache expiry.
    response = await fetchImpl(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    return { ok: false, problem: { kind: 'unreachable', url } };
  }
  if (!response.ok) return { ok: false, problem: { kind: 'unreachable', url, status: response.status } };
  try {
    return { ok: true, body: (await response.json()) as unknown };
  } catch {
    return { ok: false, problem: { kind: 'notJson', url } };
  }
}
