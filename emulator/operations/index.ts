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
import type { OperationDefinition } from './context';
import { InitiateAuth } from './initiate-auth';
import { ConfirmForgotPassword, ForgotPassword } from './password-reset';
import { RespondToAuthChallenge } from './respond-to-auth-challenge';
import { ChangePassword, GetUser, GlobalSignOut, RevokeToken } from './user-session';

/** Every operation this local user pool answers, by its X-Amz-Target name (issue scope; §4 of the reference). */
export const OPERATIONS: Readonly<Record<string, OperationDefinition>> = {
  InitiateAuth,
  RespondToAuthChallenge,
  ForgotPassword,
  ConfirmForgotPassword,
  ChangePassword,
  GetUser,
  GlobalSignOut,
  RevokeToken,
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
};

export type { OperationContext, OperationDefinition } from './context';
