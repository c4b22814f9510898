import { act, cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths } from '../../app/paths';
import type { AccountDetails } from '../../auth/adapter';
import type { SignedInUser } from '../../auth/auth-types';
import type { AppConfigInput } from '../../config/schema';
import { setLanguage } from '../../i18n';
import { cognitoFailure, createFakeAuthAdapter, demoUser } from '../../test/fake-auth-adapter';
import { renderScreen } from '../../test/render-screen';
import { later, settlePoolAnswers } from '../../test/pool-answers';
import { makeTestConfig } from '../../test/test-config';
import { AccountRoute } from './account-route';

const MFA_POOL: Partial<AppConfigInput> = { mfaConfiguration: 'OPTIONAL', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'] };

interface RenderAccountOptions {
  user?: SignedInUser;
  config?: Partial<AppConfigInput>;
  /** GetUser's answer; by default the signed-in user's attributes, with two-step verification off. */
  details?: () => Promise<AccountDetails>;
}

async function renderAccount(options: RenderAccountOptions = {}) {
  const user = options.user ?? demoUser;
  const adapter = createFakeAuthAdapter({
    currentSession: async () => user,
    getAccountDetails: () => options.details?.() ?? later({ attributes: user.attributes, mfa: { enabled: [], preferred: null } }),
  });
  const rendered = await renderScreen(<AccountRoute />, { path: paths.account, adapter, config: makeTestConfig(options.config) });
  await settlePoolAnswers(adapter.getAccountDetails);
  return rendered;
}

const twoStepSection = () => screen.getByRole('region', { name: 'Two-step verification' });

describe('AccountRoute: two-step verification', () => {
  it('has no such section, and asks the pool nothing, when the pool has MFA off', async () => {
    const { adapter } = await renderAccount();
    expect(screen.queryByRole('region', { name: 'Two-step verification' })).not.toBeInTheDocument();
    expect(adapter.getAccountDetails).not.toHaveBeenCalled();
  });

  it('says two-step verification is off, with the way to the settings', async () => {
    await renderAccount({ config: MFA_POOL });
    expect(within(twoStepSection()).getByText('Off: signing in asks only for your password.')).toBeInTheDocument();
    expect(within(twoStepSection()).getByRole('link', { name: 'Manage two-step verification' })).toHaveAttribute(
      'href',
      paths.twoStepVerification,
    );
  });

  it('names the preferred method when it is on', async () => {
    await renderAccount({
      config: MFA_POOL,
      details: () =>
        later({ attributes: demoUser.attributes, mfa: { enabled: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' } }),
    });
    expect(twoStepSection()).toHaveTextContent('On: signing in asks for a code from your authenticator app.');
  });

  it('says when the settings could not be read, and still links to them', async () => {
    const unreachable = () => later(null).then(() => Promise.reject(cognitoFailure('NetworkError', 'Network error')));
    await renderAccount({ config: MFA_POOL, details: unreachable });
    expect(twoStepSection()).toHaveTextContent('Your settings could not be checked just now.');
    expect(within(twoStepSection()).getByRole('link', { name: 'Manage two-step verification' })).toBeInTheDocument();
  });
});

describe('AccountRoute: contacts not verified', () => {
  it('says an unverified email cannot reset a forgotten password, with a link to verify it', async () => {
    await renderAccount({ user: { username: 'jane', attributes: { email: 'jane@example.com', email_verified: 'false' } } });
    expect(screen.getByText(/Your email address jane@example.com is not verified/)).toHaveTextContent(
      'you cannot use it to reset a forgotten password',
    );
    expect(screen.getByRole('link', { name: 'Verify email address' })).toHaveAttribute('href', `${paths.verifyContact}?attribute=email`);
  });

  it('puts the link right after the sentence in Japanese and Chinese, with no space after 。', async () => {
    await renderAccount({ user: { username: 'jane', attributes: { email: 'jane@example.com', email_verified: 'false' } } });
    const paragraph = () => screen.getByRole('link', { name: 'Verify email address' }).closest('p');
    expect(paragraph()?.textContent).toMatch(/password\. Verify email address$/);
    try {
      await act(() => setLanguage('ja', { remember: false }));
      const link = screen.getByRole('link', { name: 'メールアドレスを確認' });
      expect(link.closest('p')?.textContent).toMatch(/使えません。メールアドレスを確認$/);
      await act(() => setLanguage('zh-CN', { remember: false }));
      expect(screen.getByRole('link', { name: '验证电子邮箱' }).closest('p')?.textContent).toMatch(/重置密码。验证电子邮箱$/);
    } finally {
      cleanup(); // unmount first: nothing is left to re-render when English comes back
      await setLanguage('en', { remember: false });
    }
  });

  it('says the same of an unverified phone number', async () => {
    await renderAccount({
      user: { username: 'jane', attributes: { email: 'jane@example.com', email_verified: 'true', phone_number: '+15555550123' } },
    });
    expect(screen.getByText(/Your phone number \+15555550123 is not verified/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Verify phone number' })).toHaveAttribute(
      'href',
      `${paths.verifyContact}?attribute=phone_number`,
    );
    expect(screen.queryByRole('link', { name: 'Verify email address' })).not.toBeInTheDocument();
  });

  it('says nothing of verified contacts or of contacts the user does not have', async () => {
    await renderAccount();
    expect(screen.queryByText(/is not verified/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Verify/ })).not.toBeInTheDocument();
  });

  it('takes the attributes the pool has now over those of the sign-in', async () => {
    // Verified since signing in (on another device, say): GetUser says so, the ID token does not.
    await renderAccount({
      config: MFA_POOL,
      user: { username: 'jane', attributes: { email: 'jane@example.com', email_verified: 'false' } },
      details: () => later({ attributes: { email: 'jane@example.com', email_verified: 'true' }, mfa: { enabled: [], preferred: null } }),
    });
    expect(screen.queryByText(/is not verified/)).not.toBeInTheDocument();
  });
});
