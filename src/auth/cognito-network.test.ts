/**
 * What the local user pool cannot produce: a dropped connection and throttling. MSW answers by
 * X-Amz-Target; any request it does not expect fails the test.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../test/fake-auth-adapter';
import { createCognitoAdapter } from './cognito';

const ENDPOINT = 'http://cognito.test/';
const TARGET = 'AWSCognitoIdentityProviderService.';

type Answer = 'drop' | 'throttle';
const answers = new Map<string, Answer>();
/** Operations MSW answered, and requests it did not expect (either would make a test pass for the wrong reason). */
let answered: string[] = [];
let unexpected: string[] = [];

const server = setupServer(
  http.post(ENDPOINT, ({ request }) => {
    const operation = request.headers.get('X-Amz-Target')?.replace(TARGET, '') ?? '';
    const answer = answers.get(operation);
    if (answer) answered.push(operation);
    if (answer === 'drop') return HttpResponse.error();
    if (answer === 'throttle') {
      return HttpResponse.json({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }, { status: 400 });
    }
    return undefined; // unexpected: recorded by onUnhandledRequest
  }),
);

beforeAll(() =>
  server.listen({
    onUnhandledRequest: (request) => {
      unexpected.push(`${request.method} ${request.url} ${request.headers.get('X-Amz-Target') ?? ''}`);
    },
  }),
);
afterEach(() => {
  const unexpectedRequests = unexpected;
  answers.clear();
  answered = [];
  unexpected = [];
  server.resetHandlers();
  expect(unexpectedRequests, 'requests MSW did not expect').toEqual([]);
});
afterAll(() => server.close());

function adapter(flow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' = 'USER_SRP_AUTH') {
  return createCognitoAdapter(
    {
      userPoolId: 'us-east-1_LocalDemo',
      userPoolClientId: 'localdemoappclient00000001',
      endpoint: ENDPOINT,
      authenticationFlowType: flow,
      tokenStorage: 'localStorage',
    },
    { storage: createMemoryStorage() },
  );
}

describe('cognito adapter on a bad network', () => {
  it('reports a dropped connection during SRP sign-in as NetworkError', async () => {
    answers.set('InitiateAuth', 'drop');
    await expect(adapter().signIn('demo.user', 'Demo-Passw0rd!')).rejects.toMatchObject({ code: 'NetworkError' });
    expect(answered).toEqual(['InitiateAuth']);
  });

  it('reports a dropped connection during a password reset as NetworkError', async () => {
    answers.set('ConfirmForgotPassword', 'drop');
    await expect(adapter().confirmForgotPassword('demo.user', '123456', 'New-Passw0rd!')).rejects.toMatchObject({
      code: 'NetworkError',
    });
    expect(answered).toEqual(['ConfirmForgotPassword']);
  });

  it('reports throttling on sign-in with Cognito’s code', async () => {
    answers.set('InitiateAuth', 'throttle');
    await expect(adapter('USER_PASSWORD_AUTH').signIn('demo.user', 'Demo-Passw0rd!')).rejects.toMatchObject({
      code: 'TooManyRequestsException',
      message: 'Rate exceeded',
    });
    expect(answered).toEqual(['InitiateAuth']);
  });

  it('reports throttling on forgot password with Cognito’s code', async () => {
    answers.set('ForgotPassword', 'throttle');
    await expect(adapter().forgotPassword('demo.user')).rejects.toMatchObject({ code: 'TooManyRequestsException' });
    expect(answered).toEqual(['ForgotPassword']);
  });
});
