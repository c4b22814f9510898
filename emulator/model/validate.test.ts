import { describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../errors';
import { OPERATIONS } from '../operations';
import { modelledOperations, validateInput } from './validate';

/** docs/cognito-behaviour.md §0.6: the service model's constraints, in AWS's words. */

function refusal(operation: string, input: Record<string, unknown>): { type: string; message: string } | null {
  try {
    validateInput(operation, input);
    return null;
  } catch (error) {
    if (!(error instanceof CognitoServiceError)) throw error;
    return { type: error.type, message: error.message };
  }
}

describe('the model extract', () => {
  it('knows the input of every operation the pool answers, and nothing else', () => {
    expect(modelledOperations().sort()).toEqual(Object.keys(OPERATIONS).sort());
  });
});

describe('validateInput', () => {
  it('names a username over 128 characters without quoting it (the model marks it sensitive)', () => {
    expect(refusal('ForgotPassword', { ClientId: 'abc', Username: 'u'.repeat(129) })).toEqual({
      type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
    });
  });

  it('lists every broken constraint, by member, length before pattern (the form of amazon-cognito-identity-js#388)', () => {
    // The code is quoted: unlike the password and the username, the model does not mark ConfirmationCodeType sensitive.
    expect(refusal('ConfirmForgotPassword', { ClientId: 'abc', Username: '', ConfirmationCode: '1 2', Password: 'ab ' })).toEqual({
      type: 'InvalidParameterException',
      message:
        '4 validation errors detected: ' +
        "Value '1 2' at 'confirmationCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+; " +
        "Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+; " +
        "Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    });
  });

  it('quotes values the model does not mark sensitive, as anomalyco/guide#127 shows for a pool id', () => {
    expect(refusal('DescribeUserPool', { UserPoolId: 'my pool' })).toEqual({
      type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value 'my pool' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    });
  });

  it('reports every missing required member as null', () => {
    expect(refusal('InitiateAuth', {})?.message).toBe(
      "2 validation errors detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    );
  });

  it('bounds the values of AuthParameters, where USERNAME travels, at 131072 characters', () => {
    expect(
      refusal('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: 'abc', AuthParameters: { USERNAME: 'u'.repeat(131073), SRP_A: 'a' } })
        ?.message,
    ).toBe(
      "1 validation error detected: Value at 'authParameters' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 131072]",
    );
    // §0.1: null values in the map are absent, as amazon-cognito-identity-js sends DEVICE_KEY.
    expect(refusal('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'abc', AuthParameters: { DEVICE_KEY: null } })).toBeNull();
  });

  it('names a member of a list item by its position, as AWS does (userAttributes.2.member.value)', () => {
    expect(
      refusal('AdminUpdateUserAttributes', {
        UserPoolId: 'us-east-1_Abc',
        Username: 'jane',
        UserAttributes: [
          { Name: 'name', Value: 'Jane' },
          { Name: 'address', Value: 'x'.repeat(2049) },
          { Value: 'no name' },
        ],
      })?.message,
    ).toBe(
      "2 validation errors detected: Value at 'userAttributes.2.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048; " +
        "Value null at 'userAttributes.3.member.name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('checks the items of a list of strings and the range of integers', () => {
    expect(refusal('ListUsers', { UserPoolId: 'us-east-1_Abc', AttributesToGet: ['name', 'x'.repeat(33)], Limit: 61 })?.message).toBe(
      "2 validation errors detected: Value '[name, " +
        'x'.repeat(33) +
        "]' at 'attributesToGet' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 32]; " +
        "Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
  });

  it('takes a password with a space inside, not at either end, as Cognito does today', () => {
    const confirm = (password: string) =>
      refusal('ConfirmForgotPassword', { ClientId: 'abc', Username: 'jane', ConfirmationCode: '123456', Password: password });
    expect(confirm('correct horse Battery-1')).toBeNull();
    expect(confirm(' leading-Space1')?.message).toBe(
      "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
    );
    expect(confirm('trailing-Space1 ')).not.toBeNull();
  });

  it('checks enums', () => {
    expect(refusal('InitiateAuth', { AuthFlow: 'PASSWORD', ClientId: 'abc' })?.message).toMatch(
      /^1 validation error detected: Value 'PASSWORD' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: \[USER_SRP_AUTH, REFRESH_TOKEN_AUTH, /,
    );
  });

  it('refuses a member of the wrong JSON type as a body it cannot read', () => {
    expect(refusal('ForgotPassword', { ClientId: 'abc', Username: 42 })?.type).toBe('SerializationException');
    expect(refusal('AdminUpdateUserAttributes', { UserPoolId: 'us-east-1_Abc', Username: 'j', UserAttributes: 'name=x' })?.type).toBe(
      'SerializationException',
    );
  });

  it('accepts what Cognito accepts', () => {
    expect(refusal('GetTokensFromRefreshToken', { ClientId: 'abc', RefreshToken: 'eyJ.a-b_c.d=e' })).toBeNull();
    expect(refusal('ForgotPassword', { ClientId: 'abc', Username: 'ジェーン.doe@example.com', ClientMetadata: { key: 'value' } })).toBeNull();
  });
});
