import { describeSchemaAttribute, namesOutsideSchema } from '../attributes';
import { Errors, Messages } from '../errors';
import { LIMITS } from '../limits';
import type { ClientState, PoolState, UserState } from '../store';
import { epochSeconds, requirePool, signedOperation, type OperationContext } from './context';
import { optionalInteger, optionalString, requiredString, stringList, type JsonObject } from './input';
import { userType } from './admin-users';

/** Pool-level admin operations (SigV4-signed, §0.4): §4.16 ListUsers, §4.17 DescribeUserPool, §4.18 DescribeUserPoolClient, and the List* calls. */

// ---------------------------------------------------------------------------------------------------------------
// Paging: tokens are opaque to clients; here they carry the offset and what they page over.

function pageToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ scope, offset }), 'utf8').toString('base64url');
}

function readPageToken(scope: string, token: string | undefined, member: string): number {
  if (token === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const { scope: tokenScope, offset } = parsed as { scope?: unknown; offset?: unknown };
      if (tokenScope === scope && typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
    }
  } catch {
    // fall through to the error below
  }
  // [U] wording.
  throw Errors.invalidParameter(`${member} is not valid for this request.`);
}

function page<T>(items: readonly T[], offset: number, size: number): { items: T[]; next: number | null } {
  const slice = items.slice(offset, offset + size);
  return { items: slice, next: offset + size < items.length ? offset + size : null };
}

// ---------------------------------------------------------------------------------------------------------------
// ListUsers (§4.16)

const SEARCHABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

/** §4.16 filter grammar: `Attr = "v"` or `Attr ^= "v"`, one attribute; an empty filter lists everyone. */
function parseFilter(filter: string | undefined): ((user: UserState) => boolean) | null {
  if (filter === undefined || filter.trim() === '') return null;
  const match = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  // [U] wording for a filter that does not parse or names an attribute that cannot be searched.
  if (!match) throw Errors.invalidParameter('Error while parsing filter.');
  const [, attribute, operator, rawValue] = match;
  if (!SEARCHABLE.has(attribute)) throw Errors.invalidParameter(`Invalid search attribute: ${attribute}`);
  const wanted = rawValue.replace(/\\(.)/g, '$1');
  const caseInsensitive = attribute === 'cognito:user_status';
  const compare = (actual: string | undefined): boolean => {
    if (actual === undefined) return false;
    const [left, right] = caseInsensitive ? [actual.toLowerCase(), wanted.toLowerCase()] : [actual, wanted];
    return operator === '=' ? left === right : left.startsWith(right);
  };
  return (user) => {
    if (attribute === 'username') return compare(user.username);
    if (attribute === 'cognito:user_status') return compare(user.status);
    if (attribute === 'status') return compare(user.enabled ? 'Enabled' : 'Disabled');
    return compare(user.attributes.get(attribute));
  };
}

async function listUsers(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const attributesToGet = stringList(input, 'AttributesToGet');
  // §4.16: an attribute the pool does not have is refused, not silently left out.
  if (attributesToGet && namesOutsideSchema(pool.schema, attributesToGet).length > 0) {
    throw Errors.invalidParameter(Messages.requestedAttributesDoNotExist);
  }
  const limit = optionalInteger(input, 'Limit', 0, LIMITS.maxPageSize) || LIMITS.maxPageSize;
  const matches = parseFilter(optionalString(input, 'Filter'));
  const scope = `ListUsers:${pool.id}:${optionalString(input, 'Filter') ?? ''}`;
  const offset = readPageToken(scope, optionalString(input, 'PaginationToken'), 'PaginationToken');
  const users = [...pool.users.values()].filter((user) => !matches || matches(user));
  const result = page(users, offset, limit);
  return {
    Users: result.items.map((user) => userType(user, attributesToGet)),
    // §4.16: PaginationToken only when more results exist.
    ...(result.next !== null ? { PaginationToken: pageToken(scope, result.next) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Pools and clients

async function listUserPools(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const maxResults = optionalInteger(input, 'MaxResults', 1, LIMITS.maxPageSize);
  if (maxResults === undefined) throw Errors.missingMember('MaxResults');
  const offset = readPageToken('ListUserPools', optionalString(input, 'NextToken'), 'NextToken');
  const result = page([...context.store.pools.values()], offset, maxResults);
  return {
    UserPools: result.items.map((pool) => ({
      Id: pool.id,
      Name: pool.name,
      LambdaConfig: {},
      LastModifiedDate: epochSeconds(pool.createdAt),
      CreationDate: epochSeconds(pool.createdAt),
    })),
    ...(result.next !== null ? { NextToken: pageToken('ListUserPools', result.next) } : {}),
  };
}

async function listUserPoolClients(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const maxResults = optionalInteger(input, 'MaxResults', 1, LIMITS.maxPageSize) ?? LIMITS.maxPageSize;
  const scope = `ListUserPoolClients:${pool.id}`;
  const offset = readPageToken(scope, optionalString(input, 'NextToken'), 'NextToken');
  const result = page([...pool.clients.values()], offset, maxResults);
  return {
    UserPoolClients: result.items.map((client) => ({
      ClientId: client.config.ClientId,
      UserPoolId: pool.id,
      ClientName: client.config.ClientName,
    })),
    ...(result.next !== null ? { NextToken: pageToken(scope, result.next) } : {}),
  };
}

/** §4.17, with the members this pool has; see the CLI example for the full real shape. */
function describePool(pool: PoolState): JsonObject {
  const account = '000000000000';
  return {
    Id: pool.id,
    Name: pool.name,
    Policies: {
      PasswordPolicy: { ...pool.passwordPolicy, PasswordHistorySize: 0 },
      SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
    },
    DeletionProtection: 'INACTIVE',
    LambdaConfig: {},
    LastModifiedDate: epochSeconds(pool.createdAt),
    CreationDate: epochSeconds(pool.createdAt),
    SchemaAttributes: [...pool.schema.values()].map(describeSchemaAttribute),
    AutoVerifiedAttributes: [...pool.autoVerifiedAttributes],
    UsernameConfiguration: { CaseSensitive: pool.caseSensitive },
    // §10.1: each only when set, as CLI-EX create-user-pool shows UsernameAttributes.
    ...(pool.usernameAttributes.length > 0 ? { UsernameAttributes: [...pool.usernameAttributes] } : {}),
    ...(pool.aliasAttributes.length > 0 ? { AliasAttributes: [...pool.aliasAttributes] } : {}),
    VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
    MfaConfiguration: pool.mfaConfig.MfaConfiguration,
    EstimatedNumberOfUsers: pool.users.size,
    EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    UserPoolTags: {},
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: true,
      UnusedAccountValidityDays: pool.passwordPolicy.TemporaryPasswordValidityDays || 7,
    },
    Arn: `arn:aws:cognito-idp:${pool.region}:${account}:userpool/${pool.id}`,
    // §4.3: a verified phone number is preferred over a verified email; stated as Cognito's recovery setting.
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        { Priority: 1, Name: 'verified_phone_number' },
        { Priority: 2, Name: 'verified_email' },
      ],
    },
    UserPoolTier: 'ESSENTIALS',
    IssuerConfiguration: { Type: 'ORIGINAL' },
  };
}

async function describeUserPool(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  return { UserPool: describePool(pool) };
}

/** §4.18; AccessTokenValidity, IdTokenValidity, ReadAttributes and WriteAttributes only when set (§1). */
function describeClient(pool: PoolState, client: ClientState): JsonObject {
  const config = client.config;
  return {
    UserPoolId: pool.id,
    ClientName: config.ClientName,
    ClientId: config.ClientId,
    ...(config.ClientSecret !== undefined ? { ClientSecret: config.ClientSecret } : {}),
    LastModifiedDate: epochSeconds(client.createdAt),
    CreationDate: epochSeconds(client.createdAt),
    RefreshTokenValidity: config.RefreshTokenValidity,
    ...(config.AccessTokenValidity !== undefined ? { AccessTokenValidity: config.AccessTokenValidity } : {}),
    ...(config.IdTokenValidity !== undefined ? { IdTokenValidity: config.IdTokenValidity } : {}),
    TokenValidityUnits: config.TokenValidityUnits,
    ...(config.ReadAttributes ? { ReadAttributes: config.ReadAttributes } : {}),
    ...(config.WriteAttributes ? { WriteAttributes: config.WriteAttributes } : {}),
    ExplicitAuthFlows: config.ExplicitAuthFlows,
    AllowedOAuthFlowsUserPoolClient: false,
    PreventUserExistenceErrors: config.PreventUserExistenceErrors,
    EnableTokenRevocation: config.EnableTokenRevocation,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: config.AuthSessionValidity,
    // §4.21: as the seed gives it. [U] A client seeded without it shows none, as §1 leaves unset members out.
    ...(config.RefreshTokenRotation ? { RefreshTokenRotation: { ...config.RefreshTokenRotation } } : {}),
  };
}

async function describeUserPoolClient(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const clientId = requiredString(input, 'ClientId');
  const client = pool.clients.get(clientId);
  if (!client) throw Errors.poolClientNotFound(clientId);
  return { UserPoolClient: describeClient(pool, client) };
}

export const ListUsers = signedOperation(listUsers);
export const ListUserPools = signedOperation(listUserPools);
export const ListUserPoolClients = signedOperation(listUserPoolClients);
export const DescribeUserPool = signedOperation(describeUserPool);
export const DescribeUserPoolClient = signedOperation(describeUserPoolClient);
