import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { paths } from '../app/paths';
import type { SignedInUser } from '../auth/auth-types';
import { parseConfig } from '../config';
import type { AppConfigInput } from '../config/schema';
import { i18n, setLanguage } from '../i18n';
import { cognitoFailure, createFakeAuthAdapter, sentByEmail, type FakeAuthAdapter } from '../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../test/render-screen';
import { makeTestConfig } from '../test/test-config';
import { AccountRoute } from './account/account-route';
import { ForgotPasswordRoute } from './forgot-password/forgot-password-route';
import { ResetPasswordRoute } from './reset-password/reset-password-route';
import { identifierKind, identifierProblem, normalizeIdentifier, signInName, typedIdentifierKind } from './sign-in-identifier';
import { SignInRoute } from './sign-in/sign-in-route';

/**
 * Pools whose users sign in with an email address, a phone number or an alias (the config's `signInWith`,
 * docs/cognito-behaviour.md §10): the field each screen shows, what it accepts, and the name shown for the user.
 */

const GENERATED_ID = '7d0e6a58-1f6b-4c38-9a52-5b0d6b1c2e11';
/** A user of a pool that signs in by email: Cognito made the username their sub. */
const emailPoolUser: SignedInUser = {
  username: GENERATED_ID,
  attributes: { sub: GENERATED_ID, email: 'jane@example.com', email_verified: 'true', name: 'Jane' },
};

const config = (signInWith: AppConfigInput['signInWith']) => makeTestConfig({ signInWith });

// Each of these screens is typed into key by key, on a busy two-core machine: more room than vitest's 5 s.
const SCREEN_TEST = { timeout: 20_000 };

afterEach(async () => {
  cleanup();
  if (i18n.language !== 'en') await act(() => setLanguage('en'));
});

describe('the rules', () => {
  it('names every combination, whatever the order', () => {
    expect(identifierKind(['username'])).toBe('username');
    expect(identifierKind(['email'])).toBe('email');
    expect(identifierKind(['phone'])).toBe('phone');
    expect(identifierKind(['email', 'username'])).toBe('usernameOrEmail');
    expect(identifierKind(['phone', 'username'])).toBe('usernameOrPhone');
    expect(identifierKind(['phone', 'email'])).toBe('emailOrPhone');
    expect(identifierKind(['phone', 'email', 'username'])).toBe('any');
  });

  it('sends a phone number without its punctuation, anything else as typed', () => {
    expect(normalizeIdentifier(' +81 90-1234-5678 ', 'phone')).toBe('+819012345678');
    expect(normalizeIdentifier('+1 (206) 555.0100', 'emailOrPhone')).toBe('+12065550100');
    expect(normalizeIdentifier(' jane.doe ', 'usernameOrPhone')).toBe('jane.doe');
    // Where phone numbers are not taken, nothing is rewritten.
    expect(normalizeIdentifier('+1 206', 'username')).toBe('+1 206');
  });

  it('says what is wrong with a value the pool cannot take', () => {
    expect(identifierProblem('jane', 'email')).toBe('identifier.invalidEmail');
    expect(identifierProblem('jane@example', 'email')).toBe('identifier.invalidEmail');
    expect(identifierProblem('jane@example.com', 'email')).toBeNull();
    expect(identifierProblem('09012345678', 'phone')).toBe('identifier.invalidPhone');
    expect(identifierProblem('+819012345678', 'phone')).toBeNull();
    expect(identifierProblem('jane', 'emailOrPhone')).toBe('identifier.invalidEmailOrPhone');
    expect(identifierProblem('+12', 'usernameOrPhone')).toBe('identifier.invalidPhone');
    expect(identifierProblem('jane', 'usernameOrPhone')).toBeNull();
    expect(identifierProblem('anything at all', 'username')).toBeNull();
    expect(identifierProblem('', 'email')).toBeNull();
  });

  it('tells what a typed value is, for its label', () => {
    expect(typedIdentifierKind('jane@example.com', 'usernameOrEmail')).toBe('email');
    expect(typedIdentifierKind('jane', 'usernameOrEmail')).toBe('username');
    expect(typedIdentifierKind('+819012345678', 'emailOrPhone')).toBe('phone');
    expect(typedIdentifierKind('jane@example.com', 'username')).toBe('username');
  });

  it('names a signed-in user as they sign in, never by a generated username', () => {
    expect(signInName(emailPoolUser, ['email'])).toEqual({ kind: 'email', value: 'jane@example.com' });
    // A config left at its default for an email pool still does not show the id.
    expect(signInName(emailPoolUser, ['username'])).toEqual({ kind: 'email', value: 'jane@example.com' });
    const phoneUser = { username: GENERATED_ID, attributes: { sub: GENERATED_ID, phone_number: '+819012345678' } };
    expect(signInName(phoneUser, ['phone'])).toEqual({ kind: 'phone', value: '+819012345678' });
    expect(signInName({ username: GENERATED_ID, attributes: { sub: GENERATED_ID } }, ['email'])).toBeNull();
    const aliasUser = { username: 'alias.user', attributes: { sub: GENERATED_ID, email: 'a@example.com', preferred_username: 'ally' } };
    expect(signInName(aliasUser, ['username', 'email'])).toEqual({ kind: 'username', value: 'ally' });
    expect(signInName({ username: 'demo.user', attributes: {} }, ['username'])).toEqual({ kind: 'username', value: 'demo.user' });
  });
});

describe('the configs that point at the email pool', () => {
  it.each([['npm start', '../../scripts/configs/email-sign-in.json'], ['the browser tests', '../../e2e/config.email.e2e.json']])(
    'are valid (%s), and say users sign in with an email address',
    async (_who, path) => {
      const { default: file } = (await import(/* @vite-ignore */ path)) as { default: unknown };
      const result = parseConfig(file);
      expect(result.ok && [result.config.userPoolId, result.config.signInWith]).toEqual(['us-east-1_LocalEmail', ['email']]);
    },
  );
});

describe('sign-in', SCREEN_TEST, () => {
  const renderSignIn = (signInWith: AppConfigInput['signInWith'], adapter?: FakeAuthAdapter) =>
    renderScreen(<SignInRoute />, {
      path: paths.signIn,
      config: config(signInWith),
      adapter: adapter ?? createFakeAuthAdapter({ signIn: async () => ({ kind: 'signedIn', user: emailPoolUser }) }),
    });

  it('asks for an email address: its label, keyboard, autofill and check', async () => {
    const { user, adapter } = await renderSignIn(['email']);
    expect(screen.getByText('Sign in with your email address and password.')).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: 'Email address' });
    expect(field).toHaveAttribute('type', 'email');
    expect(field).toHaveAttribute('autocomplete', 'username');
    expect(field).toHaveAttribute('autocapitalize', 'none');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('Enter your email address.'));
    await user.type(field, 'jane');
    await user.type(screen.getByLabelText('Password'), 'Demo-Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('Enter an email address in the form name@example.com.'));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(adapter.signIn).not.toHaveBeenCalled();

    await user.clear(field);
    await user.type(field, 'Jane@Example.com');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(adapter.signIn).toHaveBeenCalledExactlyOnceWith('Jane@Example.com', 'Demo-Passw0rd!');
  });

  it('says the email address or password is wrong, not the username', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.reject(cognitoFailure('NotAuthorizedException', 'Incorrect username or password.')) });
    const { user } = await renderSignIn(['email'], adapter);
    await user.type(screen.getByLabelText('Email address'), 'jane@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(formAlert()).toHaveTextContent('Incorrect email address or password.'));
  });

  it('asks for a phone number with its country code, with a hint, and sends it without spaces', async () => {
    const { user, adapter } = await renderSignIn(['phone']);
    const field = screen.getByRole('textbox', { name: 'Phone number' });
    expect(field).toHaveAttribute('type', 'tel');
    expect(field).toHaveAttribute('inputmode', 'tel');
    const hint = 'Phone numbers start with + and the country code, for example +1 206 555 0100.';
    expect(field).toHaveAccessibleDescription(hint);

    await user.type(field, '090 1234 5678');
    await user.type(screen.getByLabelText('Password'), 'Demo-Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        `Enter the phone number in international format: + and the country code, then the number, for example +1 206 555 0100. ${hint}`,
      ),
    );
    expect(adapter.signIn).not.toHaveBeenCalled();

    await user.clear(field);
    await user.type(field, '+81 90-1234-5678');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(adapter.signIn).toHaveBeenCalledExactlyOnceWith('+819012345678', 'Demo-Passw0rd!'));
  });

  it('takes a username or an email address where the pool has an email alias', async () => {
    const { user, adapter } = await renderSignIn(['username', 'email']);
    const field = screen.getByRole('textbox', { name: 'Username or email' });
    expect(field).toHaveAttribute('type', 'text');
    expect(field).toHaveAttribute('inputmode', 'email');
    expect(screen.getByText('Sign in with your username or email address and password.')).toBeInTheDocument();
    await user.type(field, 'alias.user');
    await user.type(screen.getByLabelText('Password'), 'Demo-Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(adapter.signIn).toHaveBeenCalledExactlyOnceWith('alias.user', 'Demo-Passw0rd!'));
  });

  it('speaks Japanese and Chinese too', async () => {
    await renderSignIn(['email', 'phone']);
    await act(() => setLanguage('ja'));
    expect(screen.getByRole('textbox', { name: 'メールアドレスまたは電話番号' })).toBeInTheDocument();
    expect(screen.getByText('メールアドレスまたは電話番号とパスワードを入力して、ログインしてください。')).toBeInTheDocument();
    await act(() => setLanguage('zh-CN'));
    expect(screen.getByRole('textbox', { name: '电子邮箱或手机号码' })).toBeInTheDocument();
  });
});

describe('forgot password and reset', SCREEN_TEST, () => {
  it('asks for the email address and sends the reset request with it', async () => {
    const adapter = createFakeAuthAdapter({ forgotPassword: async () => sentByEmail });
    const { user } = await renderScreen(<ForgotPasswordRoute />, { path: paths.forgotPassword, config: config(['email']), adapter });
    expect(screen.getByText(/^Enter your email address\. We will send a code/)).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: 'Email address' });
    await user.type(field, 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('Enter an email address in the form name@example.com.'));
    expect(adapter.forgotPassword).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, 'jane@example.com');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.resetPassword));
    expect(adapter.forgotPassword).toHaveBeenCalledExactlyOnceWith('jane@example.com');
  });

  it('names the account on the reset screen by the address typed', async () => {
    const adapter = createFakeAuthAdapter({ forgotPassword: async () => sentByEmail });
    await renderScreen(<ResetPasswordRoute />, {
      path: paths.resetPassword,
      config: config(['username', 'email']),
      adapter,
      arrange: (auth) => auth.requestPasswordReset('jane@example.com'),
    });
    expect(screen.getByText('Email address: jane@example.com')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start again with a different username or email address' })).toBeInTheDocument();
  });
});

describe('the account page', SCREEN_TEST, () => {
  const renderAccount = (signInWith: AppConfigInput['signInWith'], user: SignedInUser) =>
    renderScreen(<AccountRoute />, {
      path: paths.account,
      config: config(signInWith),
      adapter: createFakeAuthAdapter({ currentSession: async () => user }),
    });

  it('shows the email address a user signs in with, and no generated id anywhere', async () => {
    await renderAccount(['email'], emailPoolUser);
    const details = screen.getByRole('definition');
    expect(details).toHaveTextContent('jane@example.com');
    expect(screen.getByRole('term')).toHaveTextContent('Email address');
    expect(document.body).not.toHaveTextContent(GENERATED_ID);
  });

  it('shows the phone number in a pool that signs in by phone', async () => {
    await renderAccount(['phone'], { username: GENERATED_ID, attributes: { sub: GENERATED_ID, phone_number: '+819012345678' } });
    expect(screen.getByText('Phone number')).toBeInTheDocument();
    expect(screen.getByText('+819012345678')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(GENERATED_ID);
  });
});
