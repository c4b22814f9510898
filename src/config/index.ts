export { AppConfigSchema, PasswordPolicySchema, describeConfigIssues } from './schema';
export type { AppConfig, AppConfigInput, PasswordPolicy, ConfigIssue } from './schema';
export { parseConfig, parseDocument } from './load-config';
export type { ConfigLoadResult, ConfigProblem } from './load-config';
export { ConfigProvider, useConfig } from './config-context';
export { ConfigErrorPage } from './config-error-page';
export { passwordRules, newPasswordSchema, PASSWORD_MAX_LENGTH } from './password-rules';
export type { PasswordRule, PasswordRuleId } from './password-rules';
