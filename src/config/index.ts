export { AppConfigSchema, PasswordPolicySchema, describeConfigIssues } from './schema';
export type { AppConfig, AppConfigInput, PasswordPolicy, ConfigIssue } from './schema';
export { parseConfig, parseDocument } from './load-config';
export type { ConfigLoadResult, ConfigProblem } from './load-config';
export { ConfigProvider, useConfig } from './config-context';
// Not the error page: a chunk of its own that only a broken config loads (src/app/start.tsx); whatever imports
// this index would otherwise load it too.
export { passwordRules, newPasswordSchema, PASSWORD_MAX_LENGTH } from './password-rules';
export type { PasswordRule, PasswordRuleId } from './password-rules';
