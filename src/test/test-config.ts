import { AppConfigSchema, type AppConfig, type AppConfigInput } from '../config/schema';

/** A valid config as the local pool's public/config.json has it, with overrides for a test. */
export function makeTestConfig(overrides: Partial<AppConfigInput> = {}): AppConfig {
  return AppConfigSchema.parse({
    region: 'us-east-1',
    userPoolId: 'us-east-1_LocalDemo',
    userPoolClientId: 'localdemoappclient00000001',
    endpoint: 'http://127.0.0.1:9229/',
    ...overrides,
  });
}

export const testConfig: AppConfig = makeTestConfig();
