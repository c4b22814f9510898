import {
  DescribeUserPool,
  DescribeUserPoolClient,
  ListUserPoolClients,
  ListUserPools,
  ListUsers,
} from './admin-pools';
import {
  AdminCreateUser,
  AdminDeleteUser,
  AdminDisableUser,
  AdminEnableUser,
  AdminGetUser,
  AdminResetUserPassword,
  AdminSetUserPassword,
  AdminUpdateUserAttributes,
} from './admin-users';
import { GetUserAttributeVerificationCode, VerifyUserAttribute } from './attribute-verification';
import type { OperationDefinition } from './context';
import { InitiateAuth } from './initiate-auth';
import { AdminSetUserMFAPreference, SetUserMFAPreference } from './mfa-preference';
import { ConfirmForgotPassword, ForgotPassword } from './password-reset';
import { GetUserPoolMfaConfig, SetUserPoolMfaConfig } from './pool-mfa-config';
import { GetTokensFromRefreshToken } from './refresh-tokens';
import { RespondToAuthChallenge } from './respond-to-auth-challenge';
import { AssociateSoftwareToken, VerifySoftwareToken } from './software-token';
import { ChangePassword, GetUser, GlobalSignOut, RevokeToken } from './user-session';

/** Every operation this local user pool answers, by its X-Amz-Target name (§4 of docs/cognito-behaviour.md). */
export const OPERATIONS: Readonly<Record<string, OperationDefinition>> = {
  InitiateAuth,
  RespondToAuthChallenge,
  ForgotPassword,
  ConfirmForgotPassword,
  ChangePassword,
  GetUser,
  GlobalSignOut,
  RevokeToken,
  // §4.21
  GetTokensFromRefreshToken,
  GetUserAttributeVerificationCode,
  VerifyUserAttribute,
  AdminCreateUser,
  AdminGetUser,
  AdminSetUserPassword,
  AdminResetUserPassword,
  AdminUpdateUserAttributes,
  AdminDisableUser,
  AdminEnableUser,
  AdminDeleteUser,
  ListUsers,
  ListUserPools,
  ListUserPoolClients,
  DescribeUserPool,
  DescribeUserPoolClient,
  // MFA (docs/cognito-behaviour.md, MFA)
  AssociateSoftwareToken,
  VerifySoftwareToken,
  SetUserMFAPreference,
  AdminSetUserMFAPreference,
  SetUserPoolMfaConfig,
  GetUserPoolMfaConfig,
};

export type { OperationContext, OperationDefinition } from './context';
